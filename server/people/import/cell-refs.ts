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

/** The attributes of a `<c>` element that the reader uses; one object, reused for every cell. */
export interface CellAttributes {
	r: string
	t: string
	s: string
}

/** Reads r, t and s of a cell's raw attribute text in one pass (it runs for every cell of the file). */
export function readCellAttributes(raw: string, into: CellAttributes): CellAttributes {
	into.r = ''
	into.t = ''
	into.s = ''
	let i = 0
	for (;;) {
		const eq = raw.indexOf('=', i)
		if (eq === -1) return into
		let end = eq
		while (end > 0 && raw.charCodeAt(end - 1) <= 32) end--
		let start = end
		while (start > 0 && raw.charCodeAt(start - 1) > 32) start--
		let q = eq + 1
		while (raw.charCodeAt(q) <= 32 && q < raw.length) q++
		const quote = raw.charCodeAt(q)
		const close = quote === 34 || quote === 39 ? raw.indexOf(String.fromCharCode(quote), q + 1) : -1
		if (close === -1) return into
		if (end - start === 1) {
			const name = raw.charCodeAt(start)
			if (name === 114) into.r = raw.slice(q + 1, close)
			else if (name === 116) into.t = raw.slice(q + 1, close)
			else if (name === 115) into.s = raw.slice(q + 1, close)
		}
		i = close + 1
	}
}
