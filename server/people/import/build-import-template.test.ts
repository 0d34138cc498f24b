import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import {
	buildImportTemplate,
	INSTRUCTIONS_SHEET_NAME,
	TEMPLATE_SHEET_NAME,
} from '#server/people/import/build-import-template.server.ts'
import { templateColumns } from '#server/people/import/template-columns.ts'

async function loadTemplate(): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.load((await buildImportTemplate()) as unknown as ArrayBuffer)
	return workbook
}

describe('buildImportTemplate', () => {
	it('has Vietnamese headers, one example row, text columns for numbers with leading zeros', async () => {
		const list = (await loadTemplate()).getWorksheet(TEMPLATE_SHEET_NAME)!
		expect((list.getRow(1).values as unknown[]).slice(1)).toEqual(templateColumns.map((c) => c.header))
		expect(list.getCell('B2').value).toBe('Nguyễn Văn An')
		expect(list.getCell('E2').value).toBe('019056001234')
		expect(list.getColumn(5).numFmt).toBe('@')
		expect(list.getCell('C2').numFmt).toBe('dd/mm/yyyy')
	})

	it('offers drop-down lists for sex and VNeID level', async () => {
		const list = (await loadTemplate()).getWorksheet(TEMPLATE_SHEET_NAME)!
		expect(list.getCell('D2').dataValidation).toMatchObject({ type: 'list', formulae: ['"Nam,Nữ"'] })
		expect(list.getCell('D500').dataValidation).toMatchObject({ type: 'list' })
		expect(list.getCell('M2').dataValidation).toMatchObject({
			type: 'list',
			formulae: ['"Chưa có,Mức 1,Mức 2"'],
		})
	})

	it('explains every column, the personal ID rules and the date formats in plain Vietnamese', async () => {
		const sheet = (await loadTemplate()).getWorksheet(INSTRUCTIONS_SHEET_NAME)!
		const text: string[] = []
		sheet.eachRow((row) => {
			text.push((row.values as unknown[]).filter((v) => typeof v === 'string').join(' | '))
		})
		const all = text.join('\n')
		for (const column of templateColumns) expect(all).toContain(column.header)
		expect(all).toContain('đúng 12 chữ số')
		expect(all).toContain('sinh 1900–1999: 0 là nam, 1 là nữ')
		expect(all).toContain('05/03/1956')
		expect(all).toContain('Văn bản (Text)')
	})
})
