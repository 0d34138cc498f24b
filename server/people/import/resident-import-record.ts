import type { ResidentImportField } from '#server/people/import/resident-import-fields.ts'
import type { Sex, VneidLevel } from '#server/people/schema.ts'

/** One resident as read from a valid row, normalised and ready to compare with the registry. */
export interface ResidentImportRecord {
	/** "Nguyễn Văn An". */
	fullName: string
	/** foldVietnamese(fullName): what search and duplicate checks compare. */
	searchName: string
	sex: Sex
	/** "YYYY-MM-DD" when the day is known. */
	birthDate?: string
	birthYear: number
	/** 12 digits, leading zeros restored. */
	personalId?: string
	/** "0xxxxxxxxx" (mobile) or "02xxxxxxxxx" (landline). */
	phone?: string
	relationToHead?: string
	/** "Chủ hộ" in the relation column, or a tick / the person's own name in the "Chủ hộ" column. */
	isHouseholdHead: boolean
	/** The head's name when the "Chủ hộ" column names someone else. */
	householdHeadName?: string
	/** The household number as written in the sheet. */
	householdCode?: string
	/**
	 * Which rows form one household: the household number, or — when the sheet has none — the sheet and row
	 * of the head listed above ("Tổ 5!12"), as wards list a head and then the members.
	 */
	householdKey?: string
	address?: string
	ethnicity?: string
	occupation?: string
	/** The residential group's label from its column, or else from the sheet name or title. */
	residentialGroup?: string
	vneidLevel?: VneidLevel
}

/** A problem with one cell or row; errors reject the row, notes are shown in the preview. */
export interface RowIssue {
	code: string
	field?: ResidentImportField
	/** Column letter as Excel shows it ("C"). */
	column?: string
	messageVi: string
	messageEn: string
}

interface ParsedRowBase {
	sheetName: string
	/** Row number as Excel shows it. */
	rowNumber: number
	notes: RowIssue[]
}

export interface ValidResidentRow extends ParsedRowBase {
	status: 'valid'
	record: ResidentImportRecord
}

export interface RejectedResidentRow extends ParsedRowBase {
	status: 'rejected'
	errors: RowIssue[]
	/** The row's cells as shown, for the error workbook. */
	cells: string[]
	/** What could be read despite the errors (used for duplicate checks and messages). */
	partial: Partial<ResidentImportRecord>
}

export type ParsedResidentRow = ValidResidentRow | RejectedResidentRow

export interface SkippedResidentRow {
	sheetName: string
	rowNumber: number
	reason: 'footer' | 'repeatedHeader' | 'empty'
}
