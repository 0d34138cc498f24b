import ExcelJS from 'exceljs'
import { neutralizeFormula } from '#server/people/import/formula-safety.ts'
import type { RejectedResidentRow } from '#server/people/import/resident-import-record.ts'

export const ERROR_SHEET_NAME = 'Dòng bị từ chối'

export interface ErrorWorkbookOptions {
	/** Header labels of each source sheet, to title the copied cells. */
	headerLabels?: ReadonlyMap<string, readonly string[]>
}

function reasonOf(row: RejectedResidentRow): string {
	return row.errors.map((e) => (e.column ? `${e.column}: ${e.messageVi}` : e.messageVi)).join('; ')
}

/**
 * The rejected rows as a workbook to download, fix and upload again: sheet, row number as Excel shows it,
 * the Vietnamese reasons, then the row's cells as they were. Every text cell is guarded against formula
 * injection, since it is the uploader's own content going back into a spreadsheet.
 */
export async function buildErrorWorkbook(
	rows: readonly RejectedResidentRow[],
	options: ErrorWorkbookOptions = {},
): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook()
	workbook.creator = 'hocvuso'
	const sheet = workbook.addWorksheet(ERROR_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] })
	const width = Math.max(0, ...rows.map((r) => r.cells.length))
	const firstLabels = options.headerLabels?.get(rows[0]?.sheetName ?? '') ?? []
	const header = [
		'Trang',
		'Dòng',
		'Lý do',
		...Array.from({ length: width }, (_, i) => firstLabels[i] || `Cột ${i + 1}`),
	]
	sheet.addRow(header.map(neutralizeFormula)).font = { bold: true }
	sheet.columns = header.map((_, i) => ({ width: i === 2 ? 60 : i === 1 ? 8 : 16 }))
	for (const row of rows) {
		const added = sheet.addRow([
			neutralizeFormula(row.sheetName),
			row.rowNumber,
			neutralizeFormula(reasonOf(row)),
			...row.cells.map(neutralizeFormula),
		])
		added.getCell(3).alignment = { wrapText: true, vertical: 'top' }
		added.getCell(3).font = { color: { argb: 'FFB00020' } }
	}
	sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } }
	return Buffer.from(await workbook.xlsx.writeBuffer())
}
