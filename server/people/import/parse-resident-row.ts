import type { FieldResult } from '#server/people/import/field-result.ts'
import { parseFullName } from '#server/people/import/parse-full-name.ts'
import { type PersonalIdCell, parsePersonalIdCell } from '#server/people/import/parse-personal-id-cell.ts'
import { parsePhone } from '#server/people/import/parse-phone.ts'
import { isTickMark } from '#server/people/import/parse-sex.ts'
import {
	cleanText,
	isHeadRelation,
	parseEthnicity,
	parseHouseholdCode,
	parseRelationToHead,
	parseVneidLevel,
} from '#server/people/import/parse-text-fields.ts'
import { readSexAndBirth } from '#server/people/import/read-sex-and-birth.ts'
import type { ResidentImportRecord, RowIssue } from '#server/people/import/resident-import-record.ts'
import {
	addError,
	addNote,
	cellString,
	type RowCells,
	type RowContext,
	readField,
	readText,
} from '#server/people/import/row-context.ts'
import type { CellValue } from '#server/people/import/sheet-types.ts'
import { foldVietnamese } from '#server/people/search-name.ts'

export type { RowCells } from '#server/people/import/row-context.ts'

export interface RowParseOptions {
	/** "YYYY-MM-DD"; defaults to the server's date. */
	today?: string
	/** The sheet's residential group when it has no such column. */
	residentialGroup?: string
}

export type RowParseResult =
	| { ok: true; record: ResidentImportRecord; notes: RowIssue[] }
	| { ok: false; errors: RowIssue[]; notes: RowIssue[]; partial: Partial<ResidentImportRecord> }

const nameOf = (v: CellValue) => parseFullName(cellString(v))
const phoneOf = (v: CellValue) => parsePhone(typeof v === 'number' ? v : cellString(v))
const vneidOf = (v: CellValue) => parseVneidLevel(typeof v === 'number' ? v : cellString(v))
const relationOf = (v: CellValue) => parseRelationToHead(cellString(v))
const householdOf = (v: CellValue) => parseHouseholdCode(typeof v === 'number' ? v : cellString(v))
const textOf = (v: CellValue) => cleanText(cellString(v))
const ethnicityOf = (v: CellValue) => parseEthnicity(cellString(v))

/** The "Chủ hộ" column: a tick or "Chủ hộ" marks the head; a name names the head of this person's household. */
function readHead(context: RowContext, fullName: string | undefined, relation: string | undefined) {
	const head = cellString(context.cells.get('householdHead'))
	const tick = head !== '' && (isTickMark(head) || isHeadRelation(head))
	const named = head !== '' && !tick ? parseFullName(head) : undefined
	const headName = named?.ok ? named.value : undefined
	const isHead = isHeadRelation(relation) || tick || (fullName !== undefined && headName === fullName)
	return { isHouseholdHead: isHead, householdHeadName: isHead ? undefined : headName }
}

/** Reads one data row into a resident record, or the list of what is wrong with it. */
export function parseResidentRow(cells: RowCells, options: RowParseOptions = {}): RowParseResult {
	const context: RowContext = { cells, errors: [], notes: [] }
	const { errors } = context
	const fullName = readField(context, 'fullName', nameOf)
	if (fullName === undefined && !errors.some((e) => e.field === 'fullName')) {
		addError(context, 'fullName', {
			code: 'fullNameMissing',
			messageVi: 'Chưa có họ và tên',
			messageEn: 'The full name is missing',
		})
	}
	const { sex: givenSex, birth, birthFailed } = readSexAndBirth(context, options.today)
	const currentYear = Number((options.today ?? '').slice(0, 4)) || undefined
	const personal = readField(
		context,
		'personalId',
		(v): FieldResult<PersonalIdCell | undefined> =>
			parsePersonalIdCell(v, { sex: givenSex, birthYear: birth?.birthYear, currentYear }),
	)
	let sex = givenSex
	if (sex === undefined && personal) {
		sex = personal.decoded.sex
		addNote(context, 'personalId', {
			code: 'sexFromPersonalId',
			messageVi: 'Giới tính lấy theo số định danh',
			messageEn: 'Sex taken from the personal ID number',
		})
	}
	let birthYear = birth?.birthYear
	if (birthYear === undefined && !birthFailed && personal) {
		birthYear = personal.decoded.birthYear
		addNote(context, 'personalId', {
			code: 'birthYearFromPersonalId',
			messageVi: 'Năm sinh lấy theo số định danh',
			messageEn: 'Birth year taken from the personal ID number',
		})
	}
	if (sex === undefined && !errors.some((e) => e.code.startsWith('sex'))) {
		addError(context, cells.column('sex') !== undefined ? 'sex' : 'sexMale', {
			code: 'sexMissing',
			messageVi: 'Chưa có giới tính',
			messageEn: 'The sex is missing',
		})
	}
	if (birthYear === undefined && !birthFailed) {
		addError(context, 'birthDate', {
			code: 'birthDateMissing',
			messageVi: 'Chưa có ngày sinh hoặc năm sinh',
			messageEn: 'The date or year of birth is missing',
		})
	}
	const relationToHead = readText(context, 'relationToHead', relationOf)
	const record: Partial<ResidentImportRecord> = {
		fullName,
		searchName: fullName === undefined ? undefined : foldVietnamese(fullName),
		sex,
		birthDate: birth?.birthDate,
		birthYear,
		personalId: personal?.personalId,
		phone: readField(context, 'phone', phoneOf),
		relationToHead,
		...readHead(context, fullName, relationToHead),
		householdCode: readText(context, 'householdCode', householdOf),
		address: readText(context, 'address', textOf),
		ethnicity: readText(context, 'ethnicity', ethnicityOf),
		occupation: readText(context, 'occupation', textOf),
		residentialGroup:
			cells.column('residentialGroup') === undefined
				? options.residentialGroup
				: readText(context, 'residentialGroup', textOf),
		vneidLevel: readField(context, 'vneidLevel', vneidOf),
		householdKey: undefined,
	}
	if (errors.length > 0) return { ok: false, errors, notes: context.notes, partial: record }
	return { ok: true, record: record as ResidentImportRecord, notes: context.notes }
}
