import type { SheetColumnMapping } from '#server/people/import/column-mapping.ts'
import { displayCell } from '#server/people/import/display-cell.ts'
import { matchHeaderLabel } from '#server/people/import/match-header-label.ts'
import { localToday } from '#server/people/import/parse-birth-date.ts'
import { parseResidentRow, type RowCells } from '#server/people/import/parse-resident-row.ts'
import { foldHeaderText, type ResidentImportField } from '#server/people/import/resident-import-fields.ts'
import type {
	ParsedResidentRow,
	RowIssue,
	SkippedResidentRow,
} from '#server/people/import/resident-import-record.ts'
import {
	type CellValue,
	cellText,
	columnLetter,
	type RawRow,
	type RawSheet,
} from '#server/people/import/sheet-types.ts'

export interface ParseSheetOptions {
	/** "YYYY-MM-DD"; defaults to the server's date. */
	today?: string
}

export interface ParsedSheet {
	sheetName: string
	rows: ParsedResidentRow[]
	skipped: SkippedResidentRow[]
}

/** Lines under the list that are not people: totals, signatures, dates, notes. */
const FOOTER =
	/^(tong|cong|nguoi lap|to truong|truong thon|xac nhan|ghi chu|ngay \d|ngay thang|t m|tm|ky ten|can bo|chu tich)\b/

/**
 * Cells of a merged range in the data area take the range's value: wards merge the household number or
 * address over all members of a household.
 */
function mergedValues(sheet: RawSheet, mapping: SheetColumnMapping): Map<string, CellValue> {
	const filled = new Map<string, CellValue>()
	const mapped = new Set(Object.values(mapping.columns))
	const relevant = sheet.merges.filter((m) => m.bottom > m.top && m.top + 1 >= mapping.firstDataRowNumber)
	if (relevant.length === 0) return filled
	const byNumber = new Map(sheet.rows.map((r) => [r.number, r]))
	for (const merge of relevant) {
		const value = byNumber.get(merge.top + 1)?.cells[merge.left]
		if (value === undefined || value === null) continue
		for (let c = merge.left; c <= merge.right; c++) {
			if (!mapped.has(c)) continue
			for (let r = merge.top + 1; r <= merge.bottom; r++) filled.set(`${r + 1}:${c}`, value)
		}
	}
	return filled
}

/** A mapped cell that holds a formula: its value as Excel last computed it was used. */
function formulaNotes(columns: readonly number[], mapping: SheetColumnMapping): RowIssue[] {
	const notes: RowIssue[] = []
	for (const [field, column] of Object.entries(mapping.columns) as [ResidentImportField, number][]) {
		if (!columns.includes(column) || field === 'rowNumber') continue
		notes.push({
			code: 'formulaValue',
			field,
			column: columnLetter(column),
			messageVi: 'Ô chứa công thức: đã dùng giá trị Excel tính sẵn',
			messageEn: 'The cell holds a formula: the value Excel last computed was used',
		})
	}
	return notes
}

function skipReason(row: RawRow, mapping: SheetColumnMapping): SkippedResidentRow['reason'] | undefined {
	const texts = row.cells.map(cellText).filter(Boolean)
	if (texts.length === 0) return 'empty'
	const nameColumn = mapping.columns.fullName
	if (nameColumn !== undefined && matchHeaderLabel(cellText(row.cells[nameColumn]))?.field === 'fullName')
		return 'repeatedHeader'
	const identifying: ResidentImportField[] = ['personalId', 'birthDate', 'sex', 'sexMale', 'sexFemale']
	const hasIdentity = identifying.some(
		(f) => mapping.columns[f] !== undefined && cellText(row.cells[mapping.columns[f]!]) !== '',
	)
	if (!hasIdentity && FOOTER.test(foldHeaderText(texts[0]!))) return 'footer'
	return undefined
}

/** Parses every data row of a sheet with a (possibly corrected) column mapping. */
export function parseResidentSheet(
	sheet: RawSheet,
	mapping: SheetColumnMapping,
	options: ParseSheetOptions = {},
): ParsedSheet {
	const result: ParsedSheet = { sheetName: sheet.name, rows: [], skipped: [] }
	const merged = mergedValues(sheet, mapping)
	const headerRows = new Set(mapping.headerRowNumbers)
	let currentHeadRow: number | undefined
	const today = options.today ?? localToday()
	// One accessor for all rows, pointed at the current row: no closures allocated per row.
	let row: RawRow = sheet.rows[0]!
	const cells: RowCells = {
		column: (field) => mapping.columns[field],
		get(field) {
			const c = mapping.columns[field]
			if (c === undefined) return undefined
			const value = row.cells[c] ?? null
			return value === null && merged.size > 0 ? (merged.get(`${row.number}:${c}`) ?? null) : value
		},
	}
	for (row of sheet.rows) {
		if (row.number < mapping.firstDataRowNumber || headerRows.has(row.number)) continue
		const parsed = parseResidentRow(cells, { today, residentialGroup: mapping.residentialGroup })
		if (row.formulaColumns) parsed.notes.push(...formulaNotes(row.formulaColumns, mapping))
		// Totals, signatures and repeated headers fail validation; only then is it worth asking whether the row is one.
		const reason = parsed.ok ? undefined : skipReason(row, mapping)
		if (reason) {
			result.skipped.push({ sheetName: sheet.name, rowNumber: row.number, reason })
			continue
		}
		const record = parsed.ok ? parsed.record : parsed.partial
		if (record.isHouseholdHead) currentHeadRow = row.number
		if (record.householdCode) record.householdKey = record.householdCode
		else if (mapping.columns.householdCode === undefined && currentHeadRow !== undefined) {
			record.householdKey = `${sheet.name}!${currentHeadRow}`
		}
		if (parsed.ok) {
			result.rows.push({
				sheetName: sheet.name,
				rowNumber: row.number,
				notes: parsed.notes,
				status: 'valid',
				record: parsed.record,
			})
		} else
			result.rows.push({
				sheetName: sheet.name,
				rowNumber: row.number,
				notes: parsed.notes,
				status: 'rejected',
				errors: parsed.errors,
				cells: row.cells.map(displayCell),
				partial: parsed.partial,
			})
	}
	return result
}
