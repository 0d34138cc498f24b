import { decodeCsvText } from '#server/people/import/decode-csv-text.server.ts'
import type { ImportLimits } from '#server/people/import/import-limits.ts'
import { detectCsvDelimiter, splitCsvRecords } from '#server/people/import/parse-csv.ts'
import { createRowBudget } from '#server/people/import/row-budget.ts'
import type { CellValue, RawRow, RawWorkbook } from '#server/people/import/sheet-types.ts'

/** Reads a CSV upload as a one-sheet workbook named after the file (without its extension). */
export function readCsv(bytes: Buffer, limits: ImportLimits, sheetName: string): RawWorkbook {
	const decoded = decodeCsvText(bytes)
	const delimiter = detectCsvDelimiter(decoded.text)
	const budget = createRowBudget(limits.maxRows)
	budget.startSheet()
	const rows: RawRow[] = []
	let columnsTruncated = false
	splitCsvRecords(decoded.text, delimiter, (fields, number) => {
		if (fields.every((f) => f.trim() === '')) return true
		budget.addRow()
		if (fields.length > limits.maxColumns) columnsTruncated = true
		const cells: CellValue[] = fields.slice(0, limits.maxColumns).map((f) => (f.trim() === '' ? null : f))
		rows.push({ number, cells })
		return true
	})
	const workbook: RawWorkbook = {
		format: 'csv',
		sheets: [],
		skippedSheets: [],
		warnings: decoded.warning ? [decoded.warning] : [],
		encoding: decoded.encoding,
		delimiter,
		rowCount: rows.length,
	}
	if (rows.length === 0) workbook.skippedSheets.push({ name: sheetName, reason: 'empty' })
	else workbook.sheets.push({ name: sheetName, state: 'visible', rows, merges: [], formulaCellCount: 0 })
	if (columnsTruncated) {
		workbook.warnings.push({
			code: 'columnsTruncated',
			messageVi: `Chỉ đọc ${limits.maxColumns} cột đầu tiên; các cột xa hơn bên phải bị bỏ qua.`,
			messageEn: `Only the first ${limits.maxColumns} columns were read; columns further right were ignored.`,
		})
	}
	return workbook
}
