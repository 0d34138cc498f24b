import ExcelJS from 'exceljs'
import { neutralizeCellValue } from '#server/people/import/formula-safety.ts'
import type { TableColumn } from '#server/reports/documents/document-model.ts'

/*
 * A report's annex as a workbook: one sheet per table, a title row, a bold frozen header, numbers kept
 * as numbers (so the office can sum them) and every text cell guarded against formula injection with
 * the registry export's rule.
 */

export interface AnnexSheet {
	/** Sheet tab name (Excel: at most 31 characters, no []:*?/\). */
	name: string
	/** First row, bold: what the table is ("Phụ lục 1. Kết quả theo tổ dân phố — tháng 4/2026"). */
	title: string
	columns: TableColumn[]
	rows: (string | number | null)[][]
	/** Lines under the table (sources, how shares are counted). */
	notes?: string[]
}

const forbidden = /[[\]:*?/\\]/g

export function safeSheetName(name: string, taken: Set<string>): string {
	const base = name.replace(forbidden, ' ').trim().slice(0, 31) || 'Bảng'
	let candidate = base
	for (let i = 2; taken.has(candidate.toLowerCase()); i++) candidate = `${base.slice(0, 27)} (${i})`
	taken.add(candidate.toLowerCase())
	return candidate
}

export async function renderTablesXlsx(sheets: AnnexSheet[]): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook()
	workbook.creator = 'hocvuso'
	const taken = new Set<string>()
	for (const spec of sheets) {
		const sheet = workbook.addWorksheet(safeSheetName(spec.name, taken), {
			views: [{ state: 'frozen', ySplit: 2 }],
			pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
		})
		const title = sheet.addRow([neutralizeCellValue(spec.title)])
		title.font = { bold: true, size: 13, name: 'Times New Roman' }
		const header = sheet.addRow(spec.columns.map((c) => neutralizeCellValue(c.label)))
		header.font = { bold: true, name: 'Times New Roman' }
		for (const row of spec.rows) {
			const added = sheet.addRow(row.map((cell) => (cell === null ? null : neutralizeCellValue(cell))))
			added.font = { name: 'Times New Roman' }
		}
		for (const note of spec.notes ?? []) sheet.addRow([neutralizeCellValue(note)]).font = { italic: true }
		sheet.columns.forEach((column, i) => {
			const column_ = spec.columns[i]
			column.width = Math.max(8, Math.min(60, (column_?.weight ?? 1) * 8))
			if (column_?.align === 'right') column.alignment = { horizontal: 'right' }
		})
		// Set after the columns' alignment, which would otherwise apply to the header cells too.
		header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true }
	}
	return Buffer.from(await workbook.xlsx.writeBuffer())
}
