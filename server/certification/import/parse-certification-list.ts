import {
	type CalendarDate,
	cellDateToCalendarDate,
	formatCalendarDate,
	isValidCalendarDate,
} from '#server/people/import/excel-date.ts'
import { matchHeaderLabel } from '#server/people/import/match-header-label.ts'
import { parsePersonalIdCell } from '#server/people/import/parse-personal-id-cell.ts'
import { foldHeaderText } from '#server/people/import/resident-import-fields.ts'
import {
	type CellValue,
	cellText,
	ExcelSerialDate,
	type RawWorkbook,
} from '#server/people/import/sheet-types.ts'

/*
 * Lists of people certified elsewhere (the national Bình dân học vụ số platform, VNeID) as wards receive
 * them: any sheet with a personal ID column, often a name, a date and a certificate number. The personal
 * ID and name columns are found with the resident import's own header matching; the date and reference
 * columns with the wordings below. Pure: no database.
 */

const dateHeaders = [
	'ngay cap',
	'ngay cong nhan',
	'ngay chung nhan',
	'ngay hoan thanh',
	'ngay dat',
	'ngay xac nhan',
	'thoi gian hoan thanh',
	'thoi gian cong nhan',
	'ngay',
	'date',
].map(foldHeaderText)
const referenceHeaders = [
	'so chung nhan',
	'so giay chung nhan',
	'ma chung nhan',
	'so hieu',
	'so hieu chung chi',
	'ma chung chi',
	'ma xac nhan',
	'ma ho so',
	'certificate',
].map(foldHeaderText)

/** Rows searched for the header line (lists often start with a title and the ward's name). */
const HEADER_SEARCH_ROWS = 20
const MAX_REFERENCE_LENGTH = 100

export interface CertificationListRow {
	sheet: string
	rowNumber: number
	/** 12 digits, validated; absent when the cell was empty or invalid (see `error`). */
	personalId?: string
	/** As written in the list (for the unmatched report); not used for matching. */
	fullName: string
	/** YYYY-MM-DD, when the list gives it. */
	issuedOn?: string
	reference?: string
	/** Why the row cannot be used, in Vietnamese. */
	error?: string
	/** The personal ID cell as written, kept only for invalid rows so the person can correct it. */
	rawPersonalId?: string
}

export type ParseCertificationListResult =
	| { ok: true; rows: CertificationListRow[] }
	| { ok: false; messageVi: string; messageEn: string }

interface Columns {
	personalId: number
	fullName?: number
	date?: number
	reference?: number
}

function findColumns(cells: CellValue[]): Columns | null {
	let personalId: number | undefined
	let fullName: number | undefined
	let date: number | undefined
	let reference: number | undefined
	cells.forEach((cell, index) => {
		const text = cellText(cell)
		if (!text) return
		const folded = foldHeaderText(text)
		const match = matchHeaderLabel(text)
		if (match?.field === 'personalId' && personalId === undefined) personalId = index
		else if (match?.field === 'fullName' && fullName === undefined) fullName = index
		else if (
			referenceHeaders.some((h) => folded === h || folded.startsWith(`${h} `)) &&
			reference === undefined
		)
			reference = index
		else if (dateHeaders.some((h) => folded === h || folded.startsWith(`${h} `)) && date === undefined)
			date = index
	})
	return personalId === undefined ? null : { personalId, fullName, date, reference }
}

/** A date cell: a real date, an Excel serial, or text "dd/mm/yyyy", "d-m-yyyy", "yyyy-mm-dd". */
export function parseListDate(value: CellValue): string | null | undefined {
	if (value === null || value === undefined || cellText(value) === '') return undefined
	let date: CalendarDate | null = null
	if (value instanceof Date || value instanceof ExcelSerialDate) date = cellDateToCalendarDate(value)
	else {
		const text = cellText(value)
		const dmy = text.match(/^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/)
		const ymd = text.match(/^(\d{4})-(\d{1,2})-(\d{1,2})/)
		if (dmy) date = { day: Number(dmy[1]), month: Number(dmy[2]), year: Number(dmy[3]) }
		else if (ymd) date = { year: Number(ymd[1]), month: Number(ymd[2]), day: Number(ymd[3]) }
	}
	if (!date || !isValidCalendarDate(date) || date.year < 2020 || date.year > 2100) return null
	return formatCalendarDate(date)
}

export function parseCertificationList(workbook: RawWorkbook, today: string): ParseCertificationListResult {
	const rows: CertificationListRow[] = []
	let sheetsWithHeader = 0
	for (const sheet of workbook.sheets) {
		let columns: Columns | null = null
		let headerIndex = -1
		for (let i = 0; i < Math.min(sheet.rows.length, HEADER_SEARCH_ROWS); i++) {
			columns = findColumns(sheet.rows[i]!.cells)
			if (columns) {
				headerIndex = i
				break
			}
		}
		if (!columns) continue
		sheetsWithHeader++
		for (const row of sheet.rows.slice(headerIndex + 1)) {
			const cells = row.cells
			const rawId = cells[columns.personalId] ?? null
			const fullName = columns.fullName !== undefined ? cellText(cells[columns.fullName]).slice(0, 100) : ''
			const reference =
				columns.reference !== undefined
					? cellText(cells[columns.reference]).slice(0, MAX_REFERENCE_LENGTH)
					: ''
			// Without an ID, a row with at most one filled cell is a footer or a signature line ("Người lập
			// biểu"), not a person; one with more (a number, a date…) is a person whose ID is missing.
			if (cellText(rawId) === '' && cells.filter((cell) => cellText(cell) !== '').length <= 1) continue
			const base = { sheet: sheet.name, rowNumber: row.number, fullName, reference: reference || undefined }
			const id = parsePersonalIdCell(rawId, { currentYear: Number(today.slice(0, 4)) })
			if (!id.ok || !id.value) {
				rows.push({
					...base,
					rawPersonalId: cellText(rawId).slice(0, 30),
					error: id.ok ? 'Thiếu số định danh cá nhân' : id.messageVi,
				})
				continue
			}
			const date = columns.date !== undefined ? parseListDate(cells[columns.date] ?? null) : undefined
			if (date === null) {
				rows.push({
					...base,
					personalId: id.value.personalId,
					error: `Ngày “${cellText(cells[columns.date!])}” không đọc được (ghi theo dạng ngày/tháng/năm)`,
				})
				continue
			}
			if (date && date > today) {
				rows.push({ ...base, personalId: id.value.personalId, error: `Ngày ${date} ở tương lai` })
				continue
			}
			rows.push({ ...base, personalId: id.value.personalId, issuedOn: date })
		}
	}
	if (sheetsWithHeader === 0) {
		return {
			ok: false,
			messageVi:
				'Không tìm thấy cột số định danh cá nhân (CCCD) trong tệp. Danh sách cần có một dòng tiêu đề với cột “Số định danh cá nhân” hoặc “Số CCCD”.',
			messageEn:
				'No personal ID column found. The list needs a header row with a “Số định danh cá nhân” or “Số CCCD” column.',
		}
	}
	return { ok: true, rows }
}
