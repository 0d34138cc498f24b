import { describe, expect, it } from 'vitest'
import { detectHeader } from '#server/people/import/detect-header.ts'
import { parseResidentSheet } from '#server/people/import/parse-resident-sheet.ts'
import { readImportFile } from '#server/people/import/read-import-file.server.ts'
import { ExcelSerialDate } from '#server/people/import/sheet-types.ts'
import { workbookBuffer } from '#server/people/import/test-files.ts'

const people = [
	['Họ và tên', 'Giới tính', 'Năm sinh'],
	['Nguyễn Văn An', 'Nam', 1956],
]

describe('readImportFile reads workbooks as wards keep them', () => {
	it('reads every visible sheet in tab order, skipping and reporting empty and hidden ones', async () => {
		const xlsx = await workbookBuffer((wb) => {
			wb.addWorksheet('Tổ 2').addRows(people)
			wb.addWorksheet('Trống')
			wb.addWorksheet('Tổ 1').addRows(people)
			wb.addWorksheet('Danh mục', { state: 'hidden' }).addRows([['Nam'], ['Nữ']])
		})
		const workbook = await readImportFile(xlsx)
		expect(workbook.format).toBe('xlsx')
		expect(workbook.sheets.map((s) => s.name)).toEqual(['Tổ 2', 'Tổ 1'])
		expect(workbook.skippedSheets).toEqual([
			{ name: 'Trống', reason: 'empty' },
			{ name: 'Danh mục', reason: 'hidden' },
		])
		expect(workbook.rowCount).toBe(4)
		const withHidden = await readImportFile(xlsx, { limits: { includeHiddenSheets: true } })
		expect(withHidden.sheets.map((s) => s.name)).toContain('Danh mục')
	})

	it('uses the cached results of formulas and flags them', async () => {
		const xlsx = await workbookBuffer((wb) => {
			const ws = wb.addWorksheet('Tổ 1')
			ws.addRows(people)
			ws.getCell('C2').value = { formula: '1900+56', result: 1956 }
			ws.getCell('D2').value = { formula: 'A2&""', result: undefined } as never
		})
		const workbook = await readImportFile(xlsx)
		const row = workbook.sheets[0]!.rows[1]!
		expect(row.cells[2]).toBe(1956)
		expect(row.formulaColumns).toEqual([2, 3])
		expect(workbook.warnings.map((w) => w.code)).toEqual(['formulas', 'formulaWithoutCachedValue'])
		expect(workbook.warnings[0]!.messageVi).toContain('2 ô chứa công thức')
		const mapping = detectHeader(workbook.sheets[0]!).mapping
		const parsed = parseResidentSheet(workbook.sheets[0]!, mapping, { today: '2026-11-24' }).rows[0]!
		expect(parsed).toMatchObject({ status: 'valid', record: { birthYear: 1956 } })
		expect(parsed.notes.map((n) => `${n.column}:${n.code}`)).toEqual(['C:formulaValue'])
	})

	it('keeps dates as Excel serials, strings as text, and merged ranges', async () => {
		const xlsx = await workbookBuffer((wb) => {
			const ws = wb.addWorksheet('Tổ 1')
			ws.addRow(['Họ và tên', 'Ngày sinh'])
			ws.addRow(['Lê Văn Cường', new Date(Date.UTC(1990, 4, 1))])
			ws.getCell('B2').numFmt = 'dd/mm/yyyy'
			ws.mergeCells('A3:B3')
			ws.getCell('A3').value = 'Tổng cộng'
		})
		const sheet = (await readImportFile(xlsx)).sheets[0]!
		expect(sheet.rows[1]!.cells[1]).toBeInstanceOf(ExcelSerialDate)
		expect((sheet.rows[1]!.cells[1] as ExcelSerialDate).serial).toBe(32994)
		expect(sheet.merges).toEqual([{ top: 2, left: 0, bottom: 2, right: 1 }])
	})

	it('ignores cells beyond the column limit, with a warning', async () => {
		const xlsx = await workbookBuffer((wb) => {
			const ws = wb.addWorksheet('Tổ 1')
			ws.addRows(people)
			ws.getCell(2, 150).value = 'lạc chỗ'
		})
		const workbook = await readImportFile(xlsx)
		expect(workbook.sheets[0]!.rows[1]!.cells).toHaveLength(3)
		expect(workbook.warnings.map((w) => w.code)).toEqual(['columnsTruncated'])
		expect(workbook.warnings[0]!.messageVi).toContain('100 cột đầu tiên')
	})
})
