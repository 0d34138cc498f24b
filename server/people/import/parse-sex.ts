import { type FieldResult, fieldError, fieldValue } from '#server/people/import/field-result.ts'
import { foldHeaderText } from '#server/people/import/resident-import-fields.ts'
import type { Sex } from '#server/people/schema.ts'

const words: Record<string, Sex> = {
	nam: 'male',
	m: 'male',
	male: 'male',
	trai: 'male',
	nu: 'female',
	f: 'female',
	female: 'female',
	gai: 'female',
}

const commonSpellings = new Map<string, FieldResult<Sex | undefined>>([
	['Nam', fieldValue('male')],
	['Nữ', fieldValue('female')],
	['NAM', fieldValue('male')],
	['NỮ', fieldValue('female')],
	['nam', fieldValue('male')],
	['nữ', fieldValue('female')],
])

/** "Nam", "nữ", "nu", "M", "F" (any case, with or without diacritics). Empty is undefined, not an error. */
export function parseSexText(raw: string): FieldResult<Sex | undefined> {
	const direct = commonSpellings.get(raw)
	if (direct) return direct
	const folded = foldHeaderText(raw)
	if (folded === '') return fieldValue(undefined)
	const sex = words[folded]
	if (sex) return fieldValue(sex)
	return fieldError(
		'sexInvalid',
		`Giới tính “${raw.trim()}” không rõ; ghi “Nam” hoặc “Nữ”`,
		`Sex “${raw.trim()}” is unclear; write “Nam” (male) or “Nữ” (female)`,
	)
}

/** A tick in a "Nam" or "Nữ" column: x, X, ✓, ✔, v, 1, có. */
export function isTickMark(raw: string): boolean {
	return /^(x|v|1|co|yes|\u2713|\u2714|\u2611|\u2612|\u00fc)$/.test(foldHeaderText(raw) || raw.trim())
}
