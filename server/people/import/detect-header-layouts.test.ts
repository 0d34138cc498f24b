import { describe, expect, it } from 'vitest'
import { detectHeader } from '#server/people/import/detect-header.ts'
import { parseResidentSheet } from '#server/people/import/parse-resident-sheet.ts'
import { readImportFile } from '#server/people/import/read-import-file.server.ts'
import type { ValidResidentRow } from '#server/people/import/resident-import-record.ts'
import { workbookBuffer } from '#server/people/import/test-files.ts'

const today = '2026-11-24'

describe('detectHeader on workbooks with one sheet per group and other layouts', () => {
	it('reads one sheet per residential group, the group from the sheet name or else the title', async () => {
		const xlsx = await workbookBuffer((wb) => {
			for (const [name, title] of [
				['Tổ 1', 'DANH SÁCH NHÂN KHẨU'],
				['TDP số 02', 'DANH SÁCH'],
				['Sheet3', 'DANH SÁCH NHÂN KHẨU TỔ DÂN PHỐ Số 05'],
				['Xóm Chùa', 'Danh sách hộ'],
			] as const) {
				const ws = wb.addWorksheet(name)
				ws.addRow([title])
				ws.addRow([])
				ws.addRow(['STT', 'Họ tên', 'Năm sinh', 'Giới tính'])
				ws.addRow([1, 'Phạm Văn Dũng', 1970, 'Nam'])
			}
		})
		const workbook = await readImportFile(xlsx)
		expect(workbook.sheets.map((s) => detectHeader(s).mapping.residentialGroup)).toEqual([
			'Tổ dân phố số 1',
			'Tổ dân phố số 2',
			'Tổ dân phố số 5',
			'Xóm Chùa',
		])
		expect(workbook.sheets.map((s) => detectHeader(s).mapping.firstDataRowNumber)).toEqual([4, 4, 4, 4])
	})

	it('reads "Năm sinh" over "Nam" | "Nữ" with the year written in the column of the sex', async () => {
		const xlsx = await workbookBuffer((wb) => {
			const ws = wb.addWorksheet('Tổ 7')
			ws.getRow(1).values = ['Họ và tên', 'Năm sinh', null, 'Số hộ']
			ws.getRow(2).values = [null, 'Nam', 'Nữ']
			ws.mergeCells('B1:C1')
			ws.mergeCells('A1:A2')
			ws.mergeCells('D1:D2')
			ws.getRow(3).values = ['Hoàng Văn Em', 1948, null, 'A1']
			ws.getRow(4).values = ['Vũ Thị Gấm', null, '12/12/1950', 'A1']
		})
		const sheet = (await readImportFile(xlsx)).sheets[0]!
		const detection = detectHeader(sheet)
		expect(detection.mapping.columns).toEqual({ fullName: 0, sexMale: 1, sexFemale: 2, householdCode: 3 })
		const rows = parseResidentSheet(sheet, detection.mapping, { today }).rows as ValidResidentRow[]
		expect(rows.map((r) => [r.record.sex, r.record.birthYear, r.record.birthDate])).toEqual([
			['male', 1948, undefined],
			['female', 1950, '1950-12-12'],
		])
	})

	it('proposes nothing and includes nothing for a sheet that is not a resident list', async () => {
		const xlsx = await workbookBuffer((wb) =>
			wb.addWorksheet('Tổng hợp').addRows([
				['Chỉ tiêu', 'Số lượng'],
				['Hộ nghèo', 12],
			]),
		)
		const detection = detectHeader((await readImportFile(xlsx)).sheets[0]!)
		expect(detection.score).toBe(0)
		expect(detection.mapping.include).toBe(false)
		expect(detection.missingRequired).toEqual(['fullName', 'sex', 'birthDate'])
	})
})
