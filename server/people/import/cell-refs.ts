import { type CellRange, columnIndex } from '#server/people/import/sheet-types.ts'

/** "B12" → { column: 1, row: 12 }. */
function parseCellRef(ref: string): { column: number; row: number } | null {
	const match = /^\$?([A-Z]{1,3})\$?(\d+)$/i.exec(ref)
	if (!match) return null
	return { column: columnIndex(match[1]!), row: Number(match[2]) }
}

/** "B12" → 1: the column of a cell reference, read without a regular expression (it runs for every cell). */
export function columnOfRef(ref: string): number {
	let n = 0
	for (let i = 0; i < ref.length; i++) {
		const code = ref.charCodeAt(i) & ~32
		if (code < 65 || code > 90) break
		n = n * 26 + (code - 64)
	}
	return n - 1
}

/** "A1:C2" → 0-based inclusive rectangle. */
export function parseRangeRef(ref: string): CellRange | null {
	const [from, to = from] = ref.split(':')
	const a = from ? parseCellRef(from) : null
	const b = to ? parseCellRef(to) : null
	if (!a || !b) return null
	return {
		top: Math.min(a.row, b.row) - 1,
		left: Math.min(a.column, b.column),
		bottom: Math.max(a.row, b.row) - 1,
		right: Math.max(a.column, b.column),
	}
}
