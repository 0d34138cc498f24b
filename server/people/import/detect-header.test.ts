import { describe, expect, it } from 'vitest'
import { buildImportTemplate } from '#server/people/import/build-import-template.server.ts'
import { SheetColumnMappingSchema } from '#server/people/import/column-mapping.ts'
import { detectHeader } from '#server/people/import/detect-header.ts'
import { parseResidentSheet } from '#server/people/import/parse-resident-sheet.ts'
import { readImportFile } from '#server/people/import/read-import-file.server.ts'
import type { ValidResidentRow } from '#server/people/import/resident-import-record.ts'
import { workbookBuffer } from '#server/people/import/test-files.ts'

const today = '2026-11-24'

/** The kind of sheet a ward really keeps: titles, a header merged over two rows, Nam/Nữ tick columns. */
async function messyWorkbook(): Promise<Buffer> {
	return workbookBuffer((wb) => {
		const ws = wb.addWorksheet('Sheet1')
		ws.getCell('A1').value = 'UBND PHƯỜNG SÔNG CÔNG'
		ws.mergeCells('A2:J2')
		ws.getCell('A2').value = 'DANH SÁCH NHÂN KHẨU TỔ DÂN PHỐ SỐ 5'
		const top = [
			'STT',
			'Họ và tên',
			'Ngày, tháng, năm sinh',
			'Giới tính',
			null,
			'Số CCCD',
			'SĐT',
			'QH với chủ hộ',
			'Số hộ',
			'Địa chỉ',
		]
		ws.getRow(4).values = top
		ws.getRow(5).values = [null, null, null, 'Nam', 'Nữ']
		for (const col of ['A', 'B', 'C', 'F', 'G', 'H', 'I', 'J']) ws.mergeCells(`${col}4:${col}5`)
		ws.mergeCells('D4:E4')
		ws.getRow(6).values = ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)', '(8)', '(9)', '(10)']
		ws.getRow(7).values = [
			1,
			'NGUYỄN văn  an',
			new Date(Date.UTC(1956, 2, 5)),
			'x',
			null,
			19056001234,
			'+84 912 345 678',
			'Chủ hộ',
			'H12',
			'Số 5, ngõ 3',
		]
		ws.getCell('C7').numFmt = 'dd/mm/yyyy'
		ws.getRow(8).values = [
			2,
			'Trần Thị Bình',
			'7/8/58',
			null,
			'X',
			'019158001235',
			'0987654321',
			'Vợ',
			null,
			null,
		]
		ws.getRow(9).values = [3, 'Nguyễn Văn Cường', 1985, '✓', null, null, null, 'Con', null, null]
		ws.mergeCells('I7:I9')
		ws.mergeCells('J7:J9')
		ws.getRow(11).values = [null, 'Người lập biểu']
	})
}

describe('detectHeader', () => {
	it('finds a two-row merged header under title rows, skips the column-number row, infers the group', async () => {
		const sheet = (await readImportFile(await messyWorkbook())).sheets[0]!
		const detection = detectHeader(sheet)
		expect(detection.mapping).toMatchObject({
			headerRowNumbers: [4, 5],
			firstDataRowNumber: 7,
			residentialGroup: 'Tổ dân phố số 5',
			include: true,
			columns: {
				rowNumber: 0,
				fullName: 1,
				birthDate: 2,
				sexMale: 3,
				sexFemale: 4,
				personalId: 5,
				phone: 6,
				relationToHead: 7,
				householdCode: 8,
				address: 9,
			},
		})
		expect(detection.titleLines).toEqual(['UBND PHƯỜNG SÔNG CÔNG', 'DANH SÁCH NHÂN KHẨU TỔ DÂN PHỐ SỐ 5'])
		expect(detection.columns[3]!.label).toBe('Giới tính / Nam')
		expect(detection.missingRequired).toEqual([])
		expect(SheetColumnMappingSchema.parse(JSON.parse(JSON.stringify(detection.mapping)))).toEqual(
			detection.mapping,
		)
	})

	it('parses that sheet: names re-cased, ticks, dates of every kind, merged household cells, footer skipped', async () => {
		const sheet = (await readImportFile(await messyWorkbook())).sheets[0]!
		const parsed = parseResidentSheet(sheet, detectHeader(sheet).mapping, { today })
		expect(parsed.skipped).toEqual([{ sheetName: 'Sheet1', rowNumber: 11, reason: 'footer' }])
		expect(parsed.rows.map((r) => r.status)).toEqual(['valid', 'valid', 'valid'])
		const [an, binh, cuong] = parsed.rows.map((r) => (r as ValidResidentRow).record)
		expect(an).toMatchObject({
			fullName: 'Nguyễn Văn An',
			sex: 'male',
			birthDate: '1956-03-05',
			personalId: '019056001234',
			phone: '0912345678',
			isHouseholdHead: true,
			householdCode: 'H12',
			residentialGroup: 'Tổ dân phố số 5',
		})
		expect(parsed.rows[0]!.notes.map((n) => n.code)).toEqual(['personalIdZeroRestored'])
		expect(binh).toMatchObject({
			sex: 'female',
			birthDate: '1958-08-07',
			householdCode: 'H12',
			address: 'Số 5, ngõ 3',
		})
		expect(cuong).toMatchObject({ sex: 'male', birthYear: 1985, householdKey: 'H12' })
		expect(cuong!.birthDate).toBeUndefined()
	})

	it('maps the downloadable template exactly and leaves its instructions sheet out', async () => {
		const workbook = await readImportFile(await buildImportTemplate())
		const [list, instructions] = workbook.sheets.map(detectHeader)
		expect(list!.mapping.headerRowNumbers).toEqual([1])
		expect(Object.values(list!.confidence).every((c) => c === 1)).toBe(true)
		expect(Object.keys(list!.mapping.columns)).toHaveLength(13)
		expect(list!.unmappedColumns).toEqual([])
		expect(instructions!.mapping.include).toBe(false)
		const parsed = parseResidentSheet(workbook.sheets[0]!, list!.mapping, { today })
		expect(parsed.rows[0]).toMatchObject({
			status: 'valid',
			record: { fullName: 'Nguyễn Văn An', vneidLevel: 2 },
		})
	})

	it('matches headers typed without diacritics or in other wordings', async () => {
		const xlsx = await workbookBuffer((wb) => {
			const ws = wb.addWorksheet('Tổ 3')
			ws.addRow([
				'TT',
				'Ho, ten',
				'Nam sinh',
				'Gioi tinh',
				'CMND/CCCD',
				'Dien thoai',
				'Quan he voi chu ho',
				'Ma ho',
				'Dan toc',
				'Thon',
				'Nghe nghiep',
				'Ghi chú',
			])
			ws.addRow([
				1,
				'lê thị  HOA',
				1990,
				'nu',
				'019190001236',
				'0345678901',
				'chủ hộ',
				7,
				'tày',
				'Thôn Đồng Tâm',
				'Làm ruộng',
				'',
			])
		})
		const sheet = (await readImportFile(xlsx)).sheets[0]!
		const detection = detectHeader(sheet)
		expect(detection.mapping.columns).toEqual({
			rowNumber: 0,
			fullName: 1,
			birthDate: 2,
			sex: 3,
			personalId: 4,
			phone: 5,
			relationToHead: 6,
			householdCode: 7,
			ethnicity: 8,
			residentialGroup: 9,
			occupation: 10,
		})
		expect(detection.unmappedColumns.map((c) => c.label)).toEqual(['Ghi chú'])
		expect(detection.mapping.residentialGroup).toBeUndefined()
		const row = parseResidentSheet(sheet, detection.mapping, { today }).rows[0] as ValidResidentRow
		expect(row.record).toMatchObject({
			fullName: 'Lê Thị Hoa',
			ethnicity: 'Tày',
			householdCode: '7',
			residentialGroup: 'Thôn Đồng Tâm',
		})
	})
})
