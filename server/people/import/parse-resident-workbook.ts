import type { ImportMapping, SheetColumnMapping } from '#server/people/import/column-mapping.ts'
import { detectHeader, type HeaderDetection } from '#server/people/import/detect-header.ts'
import { createRowCellsLookup } from '#server/people/import/display-cell.ts'
import { markDuplicateRows } from '#server/people/import/find-duplicate-rows.ts'
import { parseResidentSheet } from '#server/people/import/parse-resident-sheet.ts'
import type { ParsedResidentRow, SkippedResidentRow } from '#server/people/import/resident-import-record.ts'
import type { RawWorkbook } from '#server/people/import/sheet-types.ts'

export interface ResidentWorkbookParse {
	/** One per sheet, in tab order: what the preview page shows for the person to correct. */
	detections: HeaderDetection[]
	/** The mapping the rows were parsed with (the given one, detections for sheets it leaves out). */
	mapping: ImportMapping
	/** Every data row of the included sheets, duplicates within the file already rejected. */
	rows: ParsedResidentRow[]
	/** Totals, signatures, repeated headers. */
	skippedRows: SkippedResidentRow[]
	counts: { valid: number; rejected: number; skipped: number }
	/** Header labels per sheet, for the error workbook. */
	headerLabels: Map<string, string[]>
}

export interface ParseResidentWorkbookOptions {
	/** A mapping corrected on the preview page; sheets it does not name are detected. */
	mapping?: ImportMapping
	/** "YYYY-MM-DD"; defaults to the server's date. */
	today?: string
}

/**
 * Detects each sheet's header, parses and validates every row of the included sheets with the given or
 * detected mapping, and marks duplicates across the whole file: the preview, before any lookup in the
 * registry (classifyResidentRows) and before anything is written.
 */
export function parseResidentWorkbook(
	workbook: RawWorkbook,
	options: ParseResidentWorkbookOptions = {},
): ResidentWorkbookParse {
	const given = new Map((options.mapping?.sheets ?? []).map((m) => [m.sheetName, m]))
	const detections = workbook.sheets.map(detectHeader)
	const sheets: SheetColumnMapping[] = detections.map((d) => given.get(d.mapping.sheetName) ?? d.mapping)
	const parsed: ParsedResidentRow[] = []
	const skippedRows: SkippedResidentRow[] = []
	workbook.sheets.forEach((sheet, i) => {
		const mapping = sheets[i]!
		if (!mapping.include) return
		const result = parseResidentSheet(sheet, mapping, { today: options.today })
		// A loop, not push(...rows): a sheet may have 200,000 rows, too many for spread arguments.
		for (const row of result.rows) parsed.push(row)
		for (const row of result.skipped) skippedRows.push(row)
	})
	const rows = markDuplicateRows(parsed, createRowCellsLookup(workbook.sheets))
	const rejected = rows.filter((r) => r.status === 'rejected').length
	return {
		detections,
		mapping: { sheets },
		rows,
		skippedRows,
		counts: { valid: rows.length - rejected, rejected, skipped: skippedRows.length },
		headerLabels: new Map(detections.map((d) => [d.mapping.sheetName, d.columns.map((c) => c.label)])),
	}
}
