/**
 * The shape every reader (xlsx, csv) produces and every later step (header detection, row parsing)
 * consumes. Plain data, cheap to hold for 200,000 rows: one array of cell values per row.
 */

/** A number that the workbook formats as a date: kept as the serial so no time zone ever touches it. */
export class ExcelSerialDate {
	constructor(
		readonly serial: number,
		/** The workbook uses the 1904 date system (old Mac Excel). */
		readonly date1904 = false,
	) {}
}

export type CellValue = string | number | boolean | Date | ExcelSerialDate | null

export interface RawRow {
	/** Row number as Excel shows it (1-based), or the line's record number in a CSV file. */
	number: number
	/** Cell values by 0-based column index; holes and missing trailing cells are empty. */
	cells: CellValue[]
	/** 0-based columns whose cell holds a formula (its cached result is in `cells`). */
	formulaColumns?: number[]
}

/** A rectangle of cells, 0-based and inclusive, as in a merged range "A1:C2". */
export interface CellRange {
	top: number
	left: number
	bottom: number
	right: number
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden'

export interface RawSheet {
	name: string
	state: SheetState
	/** Non-empty rows only, in order. */
	rows: RawRow[]
	/** Merged ranges (xlsx only); the value sits in the top-left cell. */
	merges: CellRange[]
	/** How many cells hold a formula. */
	formulaCellCount: number
}

export type SkippedSheetReason = 'empty' | 'hidden' | 'chartsheet'

export interface SkippedSheet {
	name: string
	reason: SkippedSheetReason
}

export type ReadWarningCode =
	| 'formulas'
	| 'formulaWithoutCachedValue'
	| 'tcvn3Converted'
	| 'windows1258Converted'
	| 'utf16Converted'
	| 'columnsTruncated'

export interface ReadWarning {
	code: ReadWarningCode
	sheetName?: string
	messageVi: string
	messageEn: string
}

export interface RawWorkbook {
	format: 'xlsx' | 'csv'
	/** The sheets to import, in tab order. */
	sheets: RawSheet[]
	skippedSheets: SkippedSheet[]
	warnings: ReadWarning[]
	/** CSV only: how the bytes were decoded. */
	encoding?: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258' | 'tcvn3'
	/** CSV only: the field separator found. */
	delimiter?: ',' | ';' | '\t'
	/** Data rows over all sheets. */
	rowCount: number
}

/** The text a person sees in a cell, for header matching and free-text fields. */
export function cellText(value: CellValue | undefined): string {
	if (value === null || value === undefined) return ''
	if (typeof value === 'string') return value.trim()
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
	if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
	if (value instanceof ExcelSerialDate) return String(value.serial)
	// A date cell the reader could not turn into a day (toISOString would throw) reads as empty.
	return Number.isNaN(value.getTime()) ? '' : value.toISOString()
}

/** True when the cell holds nothing a person would see. */
export function isBlankCell(value: CellValue | undefined): boolean {
	return value === null || value === undefined || (typeof value === 'string' && value.trim() === '')
}

/** 0 → "A", 27 → "AB": column letters for messages. */
export function columnLetter(index: number): string {
	let n = index + 1
	let letters = ''
	while (n > 0) {
		const rem = (n - 1) % 26
		letters = String.fromCharCode(65 + rem) + letters
		n = Math.floor((n - 1) / 26)
	}
	return letters
}

/** "AB" → 27. */
export function columnIndex(letters: string): number {
	let n = 0
	for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64)
	return n - 1
}
