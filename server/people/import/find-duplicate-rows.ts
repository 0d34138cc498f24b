import type {
	ParsedResidentRow,
	RejectedResidentRow,
	ResidentImportRecord,
	RowIssue,
} from '#server/people/import/resident-import-record.ts'

type CellsLookup = (sheetName: string, rowNumber: number) => string[]

type Key = (record: Partial<ResidentImportRecord>) => string | undefined

const byPersonalId: Key = (r) => r.personalId
/** Same person twice in one household: folded name, date (or year) of birth, household. */
const byNameBirthHousehold: Key = (r) =>
	r.searchName && r.birthYear && r.householdKey
		? `${r.searchName}|${r.birthDate ?? r.birthYear}|${r.householdKey}`
		: undefined

function where(row: ParsedResidentRow, sheetName: string): string {
	return row.sheetName === sheetName
		? `dòng ${row.rowNumber}`
		: `dòng ${row.rowNumber} trang “${row.sheetName}”`
}

function whereEn(row: ParsedResidentRow, sheetName: string): string {
	return row.sheetName === sheetName
		? `row ${row.rowNumber}`
		: `row ${row.rowNumber} of sheet “${row.sheetName}”`
}

function listOthers(others: ParsedResidentRow[], sheetName: string, en: boolean): string {
	const shown = others.slice(0, 3).map((o) => (en ? whereEn(o, sheetName) : where(o, sheetName)))
	const more = others.length - shown.length
	if (more > 0) shown.push(en ? `${more} more` : `${more} dòng khác`)
	return shown.join(', ')
}

function reject(row: ParsedResidentRow, issue: RowIssue, cellsOf: CellsLookup): RejectedResidentRow {
	if (row.status === 'rejected') return { ...row, errors: [...row.errors, issue] }
	return {
		sheetName: row.sheetName,
		rowNumber: row.rowNumber,
		notes: row.notes,
		status: 'rejected',
		errors: [issue],
		cells: cellsOf(row.sheetName, row.rowNumber),
		partial: row.record,
	}
}

function recordOf(row: ParsedResidentRow): Partial<ResidentImportRecord> {
	return row.status === 'valid' ? row.record : row.partial
}

/**
 * Marks rows that repeat a person within the file — the same personal ID number, or the same name and
 * date of birth in the same household — as rejected, each naming the other rows, so the person who
 * uploaded the file decides which one is right.
 */
export function markDuplicateRows(
	rows: readonly ParsedResidentRow[],
	/** The rows' cells for the error workbook (see createRowCellsLookup); rows turned rejected get them. */
	cellsOf: CellsLookup = () => [],
): ParsedResidentRow[] {
	const out = [...rows]
	const checks: Array<{ key: Key; field: 'personalId' | 'fullName'; code: string; vi: string; en: string }> =
		[
			{
				key: byPersonalId,
				field: 'personalId',
				code: 'duplicatePersonalId',
				vi: 'Trùng số định danh với',
				en: 'Same personal ID number as',
			},
			{
				key: byNameBirthHousehold,
				field: 'fullName',
				code: 'duplicatePerson',
				vi: 'Trùng họ tên, ngày sinh và hộ với',
				en: 'Same name, date of birth and household as',
			},
		]
	for (const check of checks) {
		const groups = new Map<string, number[]>()
		out.forEach((row, index) => {
			const key = check.key(recordOf(row))
			if (key === undefined) return
			const group = groups.get(key)
			if (group) group.push(index)
			else groups.set(key, [index])
		})
		for (const indexes of groups.values()) {
			if (indexes.length < 2) continue
			for (const index of indexes) {
				const row = out[index]!
				const others = indexes.filter((i) => i !== index).map((i) => out[i]!)
				out[index] = reject(
					row,
					{
						code: check.code,
						field: check.field,
						messageVi: `${check.vi} ${listOthers(others, row.sheetName, false)}`,
						messageEn: `${check.en} ${listOthers(others, row.sheetName, true)}`,
					},
					cellsOf,
				)
			}
		}
	}
	return out
}
