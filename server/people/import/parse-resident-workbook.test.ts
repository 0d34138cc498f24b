import { describe, expect, it } from 'vitest'
import { ImportMappingSchema } from '#server/people/import/column-mapping.ts'
import { parseResidentWorkbook } from '#server/people/import/parse-resident-workbook.ts'
import { readImportFile } from '#server/people/import/read-import-file.server.ts'
import { encodeWindows1258, workbookBuffer } from '#server/people/import/test-files.ts'

const today = '2026-11-24'

async function twoGroups() {
	return readImportFile(
		await workbookBuffer((wb) => {
			const a = wb.addWorksheet('Tổ 1')
			a.addRow(['Họ tên', 'Năm sinh', 'Giới tính', 'Ghi chú'])
			a.addRow(['Phạm Văn Dũng', 1970, 'Nam', '019070001234'])
			a.addRow(['Phạm Thị Lụa', 1972, 'Nữ', 'chuyển đi'])
			const b = wb.addWorksheet('Tổ 2')
			b.addRow(['Họ tên', 'Năm sinh', 'Giới tính', 'Số CCCD'])
			b.addRow(['Phạm Văn Dũng', 1970, 'Nam', '019070001234'])
			wb.addWorksheet('Hướng dẫn').addRow(['Họ tên', 'Cách ghi'])
		}),
	)
}

describe('parseResidentWorkbook', () => {
	it('detects every sheet and parses the included ones', async () => {
		const result = parseResidentWorkbook(await twoGroups(), { today })
		expect(result.detections.map((d) => d.mapping.include)).toEqual([true, true, false])
		expect(result.counts).toEqual({ valid: 3, rejected: 0, skipped: 0 })
		expect(result.rows.map((r) => (r.status === 'valid' ? r.record.residentialGroup : ''))).toEqual([
			'Tổ dân phố số 1',
			'Tổ dân phố số 1',
			'Tổ dân phố số 2',
		])
	})

	it('parses with the mapping a person corrected, round-tripped through JSON', async () => {
		const workbook = await twoGroups()
		const proposed = parseResidentWorkbook(workbook, { today }).mapping
		// The person maps "Ghi chú" (it holds ID numbers): the same number is then on both sheets.
		const corrected = JSON.parse(JSON.stringify(proposed))
		corrected.sheets[0].columns.personalId = 3
		const both = parseResidentWorkbook(workbook, { today, mapping: ImportMappingSchema.parse(corrected) })
		expect(both.counts).toEqual({ valid: 0, rejected: 3, skipped: 0 })
		expect(both.rows[2]).toMatchObject({ sheetName: 'Tổ 2', errors: [{ code: 'duplicatePersonalId' }] })
		// Then leaves out sheet "Tổ 2".
		corrected.sheets[1].include = false
		const result = parseResidentWorkbook(workbook, { today, mapping: ImportMappingSchema.parse(corrected) })
		expect(result.counts).toEqual({ valid: 1, rejected: 1, skipped: 0 })
		expect(result.rows[1]).toMatchObject({
			status: 'rejected',
			rowNumber: 3,
			errors: [{ column: 'D', code: 'invalidCharacters' }],
		})
		expect(result.headerLabels.get('Tổ 1')).toEqual(['Họ tên', 'Năm sinh', 'Giới tính', 'Ghi chú'])
	})

	it('refuses a corrected mapping that puts two fields on one column', () => {
		const sheet = {
			sheetName: 'Tổ 1',
			headerRowNumbers: [1],
			firstDataRowNumber: 2,
			columns: { fullName: 0, address: 0 },
		}
		expect(ImportMappingSchema.safeParse({ sheets: [sheet] }).success).toBe(false)
	})

	it('reads a CSV export with title lines, a semicolon delimiter and Windows-1258 text', async () => {
		const text = [
			'DANH SÁCH NHÂN KHẨU TỔ DÂN PHỐ SỐ 7;;;;',
			';;;;',
			'STT;Họ, tên;Ngày, tháng, năm sinh;Giới tính;SĐT',
			'1;ĐINH THỊ  THU;12.10.1965;nữ;84 912 345 678',
			'2;Đinh Văn Tú;1/1/05;Nam;',
			';Tổng cộng: 2 người;;;',
		].join('\r\n')
		const workbook = await readImportFile(encodeWindows1258(text), { fileName: 'to7.csv' })
		const result = parseResidentWorkbook(workbook, { today })
		expect(result.detections[0]!.mapping).toMatchObject({
			headerRowNumbers: [3],
			residentialGroup: 'Tổ dân phố số 7',
		})
		expect(result.counts).toEqual({ valid: 2, rejected: 0, skipped: 1 })
		expect(
			result.rows.map((r) =>
				r.status === 'valid' ? [r.record.fullName, r.record.birthDate, r.record.phone] : [],
			),
		).toEqual([
			['Đinh Thị Thu', '1965-10-12', '0912345678'],
			['Đinh Văn Tú', '2005-01-01', undefined],
		])
	})
})
