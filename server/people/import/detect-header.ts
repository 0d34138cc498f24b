import type { SheetColumnMapping } from '#server/people/import/column-mapping.ts'
import {
	type HeaderFieldMatch,
	matchHeaderLabel,
	matchTwoRowHeader,
} from '#server/people/import/match-header-label.ts'
import { foldHeaderText, type ResidentImportField } from '#server/people/import/resident-import-fields.ts'
import { inferResidentialGroup } from '#server/people/import/residential-group-hint.ts'
import { type GridRow, headerGrid, isColumnNumberRow } from '#server/people/import/sheet-grid.ts'
import { cellText, columnLetter, type RawSheet } from '#server/people/import/sheet-types.ts'

/** How many rows from the top may hold titles and the header. */
export const HEADER_SEARCH_ROWS = 20

export interface DetectedColumn {
	index: number
	letter: string
	/** The header as read (two-row headers joined with " / "). */
	label: string
	field?: ResidentImportField
	confidence: number
}

export interface HeaderDetection {
	/** Proposed mapping: show it, let the person correct it, parse with what comes back. */
	mapping: SheetColumnMapping
	/** How sure each mapped field is, 0–1. */
	confidence: Partial<Record<ResidentImportField, number>>
	columns: DetectedColumn[]
	unmappedColumns: DetectedColumn[]
	/** Fields a row cannot do without that no column provides. */
	missingRequired: Array<'fullName' | 'sex' | 'birthDate'>
	/** Text rows above the header ("DANH SÁCH NHÂN KHẨU TỔ DÂN PHỐ SỐ 5"). */
	titleLines: string[]
	/** Overall header score; 0 when no header was recognised. */
	score: number
}

interface Candidate {
	rows: number[]
	labels: string[]
	matches: (HeaderFieldMatch | null)[]
	score: number
}

function scoreCandidate(labels: string[], matches: (HeaderFieldMatch | null)[], dataLike: number): number {
	const best = new Map<ResidentImportField, number>()
	for (const m of matches) if (m) best.set(m.field, Math.max(best.get(m.field) ?? 0, m.confidence))
	let score = 0
	for (const confidence of best.values()) score += confidence
	if (best.has('fullName')) score += 1
	return labels.length === 0 ? 0 : score - dataLike * 0.5
}

/** Keeps, for each field, the column that matches it best (the leftmost on a tie). */
function assignColumns(matches: (HeaderFieldMatch | null)[]): Map<number, HeaderFieldMatch> {
	const byField = new Map<ResidentImportField, { column: number; confidence: number }>()
	matches.forEach((m, column) => {
		if (!m) return
		const current = byField.get(m.field)
		if (!current || m.confidence > current.confidence)
			byField.set(m.field, { column, confidence: m.confidence })
	})
	const assigned = new Map<number, HeaderFieldMatch>()
	for (const [field, { column, confidence }] of byField) assigned.set(column, { field, confidence })
	return assigned
}

function twoRowCandidate(
	sheet: RawSheet,
	top: GridRow,
	below: GridRow | undefined,
): { candidate: Candidate; spansMerge: boolean } | null {
	// A title merged across the sheet is not the upper half of a header, nor is a row of column numbers the lower.
	if (!below || below.number !== top.number + 1 || new Set(top.texts.filter(Boolean)).size < 2) return null
	if (isColumnNumberRow(below.texts)) return null
	const width = Math.max(top.texts.length, below.texts.length)
	const labels: string[] = []
	const matches: (HeaderFieldMatch | null)[] = []
	let inherited = ''
	for (let c = 0; c < width; c++) {
		const bottom = below.texts[c] ?? ''
		// Without merge information, an empty upper cell over a sub-header belongs to the header on its left.
		const upper = top.texts[c] || (bottom && below.texts[c - 1] ? inherited : '')
		if (top.texts[c]) inherited = top.texts[c]!
		labels.push(upper && bottom && upper !== bottom ? `${upper} / ${bottom}` : upper || bottom)
		matches.push(matchTwoRowHeader(upper, bottom))
	}
	const spansMerge = sheet.merges.some((m) => m.top + 1 === top.number && m.bottom + 1 >= below.number)
	return {
		candidate: {
			rows: [top.number, below.number],
			labels,
			matches,
			score: scoreCandidate(labels, matches, top.dataLike + below.dataLike),
		},
		spansMerge,
	}
}

/**
 * Finds the header in the first rows of a sheet — title rows above it, a header merged over two rows, a
 * row of column numbers under it — and proposes which column holds which field.
 */
export function detectHeader(sheet: RawSheet): HeaderDetection {
	const grid = headerGrid(sheet, HEADER_SEARCH_ROWS + 1)
	const singles: Candidate[] = grid.map((row) => {
		const matches = row.texts.map((t) => matchHeaderLabel(t))
		return {
			rows: [row.number],
			labels: row.texts,
			matches,
			score: scoreCandidate(row.texts, matches, row.dataLike),
		}
	})
	let best: Candidate | null = null
	for (let i = 0; i < Math.min(grid.length, HEADER_SEARCH_ROWS); i++) {
		const candidates: Candidate[] = [singles[i]!]
		const pair = twoRowCandidate(sheet, grid[i]!, grid[i + 1])
		// The upper row must add something: a merge spanning both rows, or a better score than the lower row alone.
		if (pair && (pair.spansMerge || pair.candidate.score > singles[i + 1]!.score))
			candidates.push(pair.candidate)
		for (const c of candidates) if (!best || c.score > best.score) best = c
	}

	const headerRows = best && best.score > 1 ? best.rows : []
	const lastHeaderIndex = headerRows.length ? grid.findIndex((r) => r.number === headerRows.at(-1)) : -1
	let firstData = sheet.rows[lastHeaderIndex + 1]
	if (firstData && lastHeaderIndex >= 0 && isColumnNumberRow(firstData.cells.map(cellText))) {
		firstData = sheet.rows[lastHeaderIndex + 2]
	}
	const labels = headerRows.length ? best!.labels : []
	const assigned = headerRows.length ? assignColumns(best!.matches) : new Map<number, HeaderFieldMatch>()
	const columns: DetectedColumn[] = labels.map((label, index) => ({
		index,
		letter: columnLetter(index),
		label,
		field: assigned.get(index)?.field,
		confidence: assigned.get(index)?.confidence ?? 0,
	}))
	const mappedColumns: SheetColumnMapping['columns'] = {}
	const confidence: HeaderDetection['confidence'] = {}
	for (const column of columns) {
		if (!column.field) continue
		mappedColumns[column.field] = column.index
		confidence[column.field] = column.confidence
	}
	const titleLines = grid
		.filter((r) => r.number < (headerRows[0] ?? 1))
		.map((r) => [...new Set(r.texts.filter(Boolean))].join(' '))
		.filter(Boolean)
	const has = (f: ResidentImportField) => mappedColumns[f] !== undefined
	const missingRequired: HeaderDetection['missingRequired'] = []
	if (!has('fullName')) missingRequired.push('fullName')
	if (!has('sex') && !has('sexMale') && !has('sexFemale') && !has('personalId')) missingRequired.push('sex')
	if (!has('birthDate') && !has('sexMale') && !has('sexFemale') && !has('personalId'))
		missingRequired.push('birthDate')
	const group = has('residentialGroup') ? undefined : inferResidentialGroup(sheet.name, titleLines)

	return {
		mapping: {
			sheetName: sheet.name,
			headerRowNumbers: headerRows,
			firstDataRowNumber: firstData?.number ?? (headerRows.at(-1) ?? 0) + 1,
			columns: mappedColumns,
			residentialGroup: group?.label,
			// A sheet without a name column (the template's instructions, a summary) is left out unless a person includes it.
			include: mappedColumns.fullName !== undefined && foldHeaderText(sheet.name) !== 'huong dan',
		},
		confidence,
		columns,
		unmappedColumns: columns.filter((c) => !c.field && c.label !== ''),
		missingRequired,
		titleLines,
		score: best && headerRows.length ? best.score : 0,
	}
}
