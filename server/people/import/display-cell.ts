import { cellDateToCalendarDate } from '#server/people/import/excel-date.ts'
import {
	type CellValue,
	cellText,
	ExcelSerialDate,
	type RawSheet,
} from '#server/people/import/sheet-types.ts'

/** A cell as a person saw it in the sheet: dates as dd/mm/yyyy, numbers without exponent. */
export function displayCell(value: CellValue | undefined): string {
	if (value instanceof ExcelSerialDate || value instanceof Date) {
		const date = cellDateToCalendarDate(value)
		if (!date) return cellText(value)
		return `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/${date.year}`
	}
	if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) >= 1e11) return value.toFixed(0)
	return cellText(value)
}

/** Finds a row's cells (as displayed) by sheet name and Excel row number; rows are in order, so this bisects. */
export function createRowCellsLookup(
	sheets: readonly RawSheet[],
): (sheetName: string, rowNumber: number) => string[] {
	const byName = new Map(sheets.map((s) => [s.name, s.rows]))
	return (sheetName, rowNumber) => {
		const rows = byName.get(sheetName) ?? []
		let lo = 0
		let hi = rows.length - 1
		while (lo <= hi) {
			const mid = (lo + hi) >> 1
			const row = rows[mid]!
			if (row.number === rowNumber) return row.cells.map(displayCell)
			if (row.number < rowNumber) lo = mid + 1
			else hi = mid - 1
		}
		return []
	}
}
