import {
	type CellValue,
	cellText,
	ExcelSerialDate,
	type RawSheet,
} from '#server/people/import/sheet-types.ts'

export interface GridRow {
	/** Excel row number. */
	number: number
	/** Cell texts with merged ranges filled in from their top-left cell. */
	texts: string[]
	/** Cells that look like data rather than a header (dates, long numbers). */
	dataLike: number
}

/** A header cell holds words; a data cell often a date, an ID number or a phone number. */
export function looksLikeData(value: CellValue): boolean {
	if (value instanceof Date || value instanceof ExcelSerialDate) return true
	if (typeof value === 'number') return value > 31
	if (typeof value !== 'string') return false
	const text = value.trim()
	return /^\+?\d[\d .]{7,}$/.test(text) || /^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$/.test(text)
}

/** A row of column numbers under the header: "1 2 3 4 …" or "(1) (2) (3) …". */
export function isColumnNumberRow(texts: readonly string[]): boolean {
	const numbers = texts.filter((t) => t !== '').map((t) => /^\(?(\d{1,2})\)?$/.exec(t)?.[1])
	if (numbers.length < 3 || numbers.some((n) => n === undefined)) return false
	return numbers.every((n, i) => i === 0 || Number(n) > Number(numbers[i - 1]))
}

/** The first `count` non-empty rows as texts, merged header cells spread over the cells they cover. */
export function headerGrid(sheet: RawSheet, count: number): GridRow[] {
	const rows = sheet.rows.slice(0, count)
	const grid: GridRow[] = rows.map((row) => ({
		number: row.number,
		texts: Array.from({ length: row.cells.length }, (_, c) => cellText(row.cells[c])),
		dataLike: row.cells.filter((v) => v !== null && v !== undefined && looksLikeData(v)).length,
	}))
	const byNumber = new Map(grid.map((r) => [r.number, r]))
	const last = grid.at(-1)?.number ?? 0
	for (const merge of sheet.merges) {
		if (merge.top + 1 > last) continue
		const text = byNumber.get(merge.top + 1)?.texts[merge.left] ?? ''
		if (text === '') continue
		for (let r = merge.top; r <= Math.min(merge.bottom, last - 1); r++) {
			const row = byNumber.get(r + 1)
			if (!row) continue
			for (let c = merge.left; c <= merge.right; c++) {
				while (row.texts.length <= c) row.texts.push('')
				if (row.texts[c] === '') row.texts[c] = text
			}
		}
	}
	return grid
}
