import type { FieldResult } from '#server/people/import/field-result.ts'
import { type BirthDate, parseBirthDate } from '#server/people/import/parse-birth-date.ts'
import { isTickMark, parseSexText } from '#server/people/import/parse-sex.ts'
import type { ResidentImportField } from '#server/people/import/resident-import-fields.ts'
import {
	addError,
	cellString,
	hasExcelError,
	type RowContext,
	readField,
} from '#server/people/import/row-context.ts'
import { type CellValue, isBlankCell } from '#server/people/import/sheet-types.ts'
import type { Sex } from '#server/people/schema.ts'

export interface SexAndBirth {
	sex?: Sex
	birth?: BirthDate
	/** The birth cell was there but could not be read (so the personal ID must not stand in for it). */
	birthFailed: boolean
}

const parseSexCell = (value: CellValue): FieldResult<Sex | undefined> => parseSexText(cellString(value))

/**
 * Sex from a "Giới tính" column, or from "Nam" / "Nữ" columns holding a tick — or holding the date of
 * birth itself, as in sheets with "Năm sinh" over "Nam" | "Nữ". Then the date of birth.
 */
export function readSexAndBirth(context: RowContext, today: string | undefined): SexAndBirth {
	const { cells } = context
	let sex = readField(context, 'sex', parseSexCell)
	let birthCell = cells.get('birthDate')
	let birthField: ResidentImportField = 'birthDate'
	const male = cells.get('sexMale')
	const female = cells.get('sexFemale')
	const maleMarked = !isBlankCell(male)
	const femaleMarked = !isBlankCell(female)
	if (maleMarked && femaleMarked) {
		addError(context, 'sexMale', {
			code: 'sexBothMarked',
			messageVi: 'Đánh dấu cả cột Nam và cột Nữ',
			messageEn: 'Both the male and the female column are marked',
		})
	} else if (maleMarked || femaleMarked) {
		const marked: Sex = maleMarked ? 'male' : 'female'
		const value = (maleMarked ? male : female)!
		if (sex !== undefined && sex !== marked) {
			addError(context, 'sex', {
				code: 'sexConflict',
				messageVi: 'Cột Giới tính và cột Nam/Nữ ghi khác nhau',
				messageEn: 'The sex column and the male/female columns disagree',
			})
		}
		sex = marked
		if (!(typeof value === 'string' && isTickMark(value)) && birthCell === undefined) {
			birthCell = value
			birthField = maleMarked ? 'sexMale' : 'sexFemale'
		}
	}
	let birth: BirthDate | undefined
	let birthFailed = false
	if (!isBlankCell(birthCell)) {
		if (hasExcelError(context, birthField, birthCell!)) birthFailed = true
		else {
			const result = parseBirthDate(birthCell!, { today })
			if (result.ok) birth = result.value
			else {
				addError(context, birthField, result)
				birthFailed = true
			}
		}
	}
	return { sex, birth, birthFailed }
}
