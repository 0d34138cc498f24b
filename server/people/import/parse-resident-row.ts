import { excelErrorIn, type FieldMessage, type FieldResult } from '#server/people/import/field-result.ts'
import { type BirthDate, parseBirthDate } from '#server/people/import/parse-birth-date.ts'
import { parseFullName } from '#server/people/import/parse-full-name.ts'
import { parsePersonalIdCell } from '#server/people/import/parse-personal-id-cell.ts'
import { parsePhone } from '#server/people/import/parse-phone.ts'
import { isTickMark, parseSexText } from '#server/people/import/parse-sex.ts'
import {
	cleanText,
	isHeadRelation,
	parseEthnicity,
	parseHouseholdCode,
	parseRelationToHead,
	parseVneidLevel,
} from '#server/people/import/parse-text-fields.ts'
import type { ResidentImportField } from '#server/people/import/resident-import-fields.ts'
import type { ResidentImportRecord, RowIssue } from '#server/people/import/resident-import-record.ts'
import { type CellValue, cellText, columnLetter, isBlankCell } from '#server/people/import/sheet-types.ts'
import type { Sex } from '#server/people/schema.ts'
import { foldVietnamese } from '#server/people/search-name.ts'

export interface RowCells {
	/** The cell mapped to a field, merged cells already filled in; undefined when the field is not mapped. */
	get(field: ResidentImportField): CellValue | undefined
	column(field: ResidentImportField): number | undefined
}

export interface RowParseOptions {
	/** "YYYY-MM-DD"; defaults to the server's date. */
	today?: string
	/** The sheet's residential group when it has no such column. */
	residentialGroup?: string
}

export type RowParseResult =
	| { ok: true; record: ResidentImportRecord; notes: RowIssue[] }
	| { ok: false; errors: RowIssue[]; notes: RowIssue[]; partial: Partial<ResidentImportRecord> }

const text = (value: CellValue | undefined) => (value instanceof Date ? '' : cellText(value))

/** Reads one data row into a resident record, or the list of what is wrong with it. */
export function parseResidentRow(cells: RowCells, options: RowParseOptions = {}): RowParseResult {
	const errors: RowIssue[] = []
	const notes: RowIssue[] = []
	const issue = (field: ResidentImportField, m: FieldMessage): RowIssue => {
		const index = cells.column(field)
		return {
			code: m.code,
			field,
			column: index === undefined ? undefined : columnLetter(index),
			messageVi: m.messageVi,
			messageEn: m.messageEn,
		}
	}
	/** A cached formula error ("#REF!") in a mapped cell is an error of its own. */
	const hasExcelError = (field: ResidentImportField, value: CellValue): boolean => {
		const excelError = typeof value === 'string' ? excelErrorIn(value) : undefined
		if (excelError) {
			errors.push(
				issue(field, {
					code: 'formulaError',
					messageVi: `Ô có lỗi công thức ${excelError}`,
					messageEn: `The cell holds the formula error ${excelError}`,
				}),
			)
		}
		return excelError !== undefined
	}
	/** Runs a field parser on a mapped cell, turning "#REF!" and parse failures into errors. */
	const read = <T>(
		field: ResidentImportField,
		parse: (value: CellValue) => FieldResult<T>,
	): T | undefined => {
		const value = cells.get(field)
		if (value === undefined) return undefined
		if (hasExcelError(field, value)) return undefined
		const result = parse(value)
		if (!result.ok) {
			errors.push(issue(field, result))
			return undefined
		}
		if (result.note) notes.push(issue(field, result.note))
		return result.value
	}

	const fullName = read('fullName', (v) => parseFullName(text(v)))
	if (
		cells.get('fullName') === undefined ||
		(fullName === undefined && !errors.some((e) => e.field === 'fullName'))
	) {
		errors.push(
			issue('fullName', {
				code: 'fullNameMissing',
				messageVi: 'Chưa có họ và tên',
				messageEn: 'The full name is missing',
			}),
		)
	}

	// Sex: a "Giới tính" column, or "Nam" / "Nữ" columns holding a tick — or the date of birth itself.
	let sex = read('sex', (v) => parseSexText(text(v)))
	let birthCell = cells.get('birthDate')
	let birthField: ResidentImportField = 'birthDate'
	const male = cells.get('sexMale')
	const female = cells.get('sexFemale')
	const filled = (v: CellValue | undefined) => v !== undefined && v !== null && text(v) !== ''
	if (filled(male) && filled(female)) {
		errors.push(
			issue('sexMale', {
				code: 'sexBothMarked',
				messageVi: 'Đánh dấu cả cột Nam và cột Nữ',
				messageEn: 'Both the male and the female column are marked',
			}),
		)
	} else if (filled(male) || filled(female)) {
		const marked: Sex = filled(male) ? 'male' : 'female'
		const value = (marked === 'male' ? male : female)!
		if (sex !== undefined && sex !== marked) {
			errors.push(
				issue('sex', {
					code: 'sexConflict',
					messageVi: 'Cột Giới tính và cột Nam/Nữ ghi khác nhau',
					messageEn: 'The sex column and the male/female columns disagree',
				}),
			)
		}
		sex = marked
		if (!(typeof value === 'string' && isTickMark(value)) && birthCell === undefined) {
			birthCell = value
			birthField = marked === 'male' ? 'sexMale' : 'sexFemale'
		}
	}

	let birth: BirthDate | undefined
	if (!isBlankCell(birthCell) && !hasExcelError(birthField, birthCell!)) {
		const result = parseBirthDate(birthCell!, { today: options.today })
		if (result.ok) birth = result.value
		else errors.push(issue(birthField, result))
	}
	const birthFailed = errors.some((e) => e.field === birthField)

	const personal = read('personalId', (v) =>
		parsePersonalIdCell(v, {
			sex,
			birthYear: birth?.birthYear,
			currentYear: Number((options.today ?? '').slice(0, 4)) || undefined,
		}),
	)
	if (sex === undefined && personal?.decoded) {
		sex = personal.decoded.sex
		notes.push(
			issue('personalId', {
				code: 'sexFromPersonalId',
				messageVi: 'Giới tính lấy theo số định danh',
				messageEn: 'Sex taken from the personal ID number',
			}),
		)
	}
	let birthYear = birth?.birthYear
	if (birthYear === undefined && !birthFailed && personal?.decoded) {
		birthYear = personal.decoded.birthYear
		notes.push(
			issue('personalId', {
				code: 'birthYearFromPersonalId',
				messageVi: 'Năm sinh lấy theo số định danh',
				messageEn: 'Birth year taken from the personal ID number',
			}),
		)
	}
	if (sex === undefined && !errors.some((e) => e.code.startsWith('sex'))) {
		errors.push(
			issue(cells.column('sex') !== undefined ? 'sex' : 'sexMale', {
				code: 'sexMissing',
				messageVi: 'Chưa có giới tính',
				messageEn: 'The sex is missing',
			}),
		)
	}
	if (birthYear === undefined && !birthFailed) {
		errors.push(
			issue('birthDate', {
				code: 'birthDateMissing',
				messageVi: 'Chưa có ngày sinh hoặc năm sinh',
				messageEn: 'The date or year of birth is missing',
			}),
		)
	}

	const phoneCell = cells.get('phone')
	const phone = read('phone', (v) => parsePhone(typeof v === 'number' ? v : text(v)))
	const relationToHead = read('relationToHead', (v) => ({ ok: true, value: parseRelationToHead(text(v)) }))
	const headCell = text(cells.get('householdHead'))
	const headIsTick = headCell !== '' && (isTickMark(headCell) || /^chu ho$/.test(foldVietnamese(headCell)))
	const headName = headCell !== '' && !headIsTick ? parseFullName(headCell) : undefined
	const householdHeadName = headName?.ok ? headName.value : undefined
	const isHouseholdHead =
		isHeadRelation(relationToHead) || headIsTick || (fullName !== undefined && householdHeadName === fullName)
	const partial: Partial<ResidentImportRecord> = {
		fullName,
		searchName: fullName === undefined ? undefined : foldVietnamese(fullName),
		sex,
		birthDate: birth?.birthDate,
		birthYear,
		personalId: personal?.personalId,
		phone: phoneCell === undefined ? undefined : phone,
		relationToHead,
		isHouseholdHead,
		householdHeadName: isHouseholdHead ? undefined : householdHeadName,
		householdCode: read('householdCode', (v) => ({
			ok: true,
			value: parseHouseholdCode(typeof v === 'number' ? v : text(v)),
		})),
		address: read('address', (v) => ({ ok: true, value: cleanText(text(v)) })),
		ethnicity: read('ethnicity', (v) => ({ ok: true, value: parseEthnicity(text(v)) })),
		occupation: read('occupation', (v) => ({ ok: true, value: cleanText(text(v)) })),
		residentialGroup:
			cells.column('residentialGroup') === undefined
				? options.residentialGroup
				: read('residentialGroup', (v) => ({ ok: true, value: cleanText(text(v)) })),
		vneidLevel: read('vneidLevel', (v) => parseVneidLevel(typeof v === 'number' ? v : text(v))),
	}
	for (const key of Object.keys(partial) as (keyof ResidentImportRecord)[])
		if (partial[key] === undefined) delete partial[key]
	if (errors.length > 0) return { ok: false, errors, notes, partial }
	return { ok: true, record: partial as ResidentImportRecord, notes }
}
