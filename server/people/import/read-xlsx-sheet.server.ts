import type { Readable } from 'node:stream'
import {
	type CellAttributes,
	columnOfRef,
	parseRangeRef,
	readCellAttributes,
} from '#server/people/import/cell-refs.ts'
import {
	type CellRange,
	type CellValue,
	ExcelSerialDate,
	isBlankCell,
	type RawRow,
} from '#server/people/import/sheet-types.ts'
import { parseXmlStream } from '#server/people/import/xml-stream.server.ts'
import { attributeValue } from '#server/people/import/xml-tokenizer.ts'

/** What the sheet reader needs from the rest of the workbook. */
export interface SheetReadContext {
	sharedStrings: readonly string[]
	/** By cell style index: whether the number format shows a date. */
	dateStyles: readonly boolean[]
	date1904: boolean
	maxColumns: number
	/** Called for each non-empty row; throws to stop reading (e.g. the row limit). */
	onRow(row: RawRow): void
}

export interface SheetReadResult {
	merges: CellRange[]
	formulaCellCount: number
	formulasWithoutCachedValue: number
	columnsTruncated: boolean
}

interface CellState {
	column: number
	type: string
	style: number
	value: string | null
	inline: string
	hasFormula: boolean
}

function cellValue(cell: CellState, context: SheetReadContext): CellValue {
	const { type, value } = cell
	if (type === 'inlineStr') return cell.inline
	if (value === null) return null
	switch (type) {
		case 's':
			return context.sharedStrings[Number(value)] ?? null
		case 'str':
		case 'd':
			return value
		case 'b':
			return value === '1' || value === 'true'
		case 'e':
			// An error result such as "#REF!": kept as text so the row parser can name it.
			return value
		default: {
			const number = Number(value)
			if (!Number.isFinite(number)) return value
			return context.dateStyles[cell.style] ? new ExcelSerialDate(number, context.date1904) : number
		}
	}
}

/**
 * Streams one worksheet part (`<sheetData>` rows, then `<mergeCells>`), handing each non-empty row to
 * `onRow` as soon as it is complete, so a million-row sheet is refused without being held in memory.
 */
export async function readXlsxSheet(stream: Readable, context: SheetReadContext): Promise<SheetReadResult> {
	const result: SheetReadResult = {
		merges: [],
		formulaCellCount: 0,
		formulasWithoutCachedValue: 0,
		columnsTruncated: false,
	}
	let row: RawRow | null = null
	let nextRowNumber = 1
	let nextColumn = 0
	let cell: CellState | null = null
	let capture: 'v' | 't' | null = null
	let phoneticDepth = 0
	const cellAttributes: CellAttributes = { r: '', t: '', s: '' }

	await parseXmlStream(stream, {
		open(name, raw, selfClosing) {
			switch (name) {
				case 'row': {
					const r = attributeValue(raw, 'r')
					const number = r ? Number(r) : nextRowNumber
					row = { number, cells: [] }
					nextRowNumber = number + 1
					nextColumn = 0
					break
				}
				case 'c': {
					const attributes = readCellAttributes(raw, cellAttributes)
					const column = attributes.r ? columnOfRef(attributes.r) : nextColumn
					nextColumn = column + 1
					cell = {
						column,
						type: attributes.t || 'n',
						style: attributes.s ? Number(attributes.s) : 0,
						value: null,
						inline: '',
						hasFormula: false,
					}
					break
				}
				case 'f':
					if (cell) cell.hasFormula = true
					break
				case 'v':
					if (cell && !selfClosing) {
						cell.value = ''
						capture = 'v'
					}
					break
				case 't':
					if (cell && !selfClosing) capture = 't'
					break
				case 'rPh':
					phoneticDepth++
					break
				case 'mergeCell': {
					const ref = attributeValue(raw, 'ref')
					const range = ref ? parseRangeRef(ref) : null
					if (range) result.merges.push(range)
					break
				}
			}
		},
		text(text) {
			if (!cell || capture === null) return
			if (capture === 'v') cell.value += text
			else if (phoneticDepth === 0) cell.inline += text
		},
		close(name) {
			switch (name) {
				case 'v':
				case 't':
					capture = null
					break
				case 'rPh':
					phoneticDepth--
					break
				case 'c': {
					const current = cell
					cell = null
					if (!current || !row) break
					if (current.column >= context.maxColumns) {
						result.columnsTruncated = true
						break
					}
					const value = cellValue(current, context)
					if (current.hasFormula) {
						result.formulaCellCount++
						if (current.value === null && current.type !== 'inlineStr') result.formulasWithoutCachedValue++
						if (row.formulaColumns) row.formulaColumns.push(current.column)
						else row.formulaColumns = [current.column]
					}
					if (!isBlankCell(value)) row.cells[current.column] = value
					break
				}
				case 'row': {
					const done = row as RawRow | null
					row = null
					if (done?.cells.some((v) => !isBlankCell(v))) {
						for (let i = 0; i < done.cells.length; i++) done.cells[i] ??= null
						context.onRow(done)
					}
					break
				}
			}
		},
	})
	return result
}
