import { type FieldResult, fieldError, fieldValue } from '#server/people/import/field-result.ts'
import { toTitleCase } from '#server/people/import/title-case.ts'

export const MAX_FULL_NAME_LENGTH = 100

/**
 * "  NGUYỄN   văn an " → "Nguyễn Văn An". Letters, spaces, apostrophes and hyphens only (ethnic-minority
 * names such as "H'Hen Niê", "Y-Moan Ênuôl"); at least two letters.
 */
export function parseFullName(raw: string): FieldResult<string> {
	const name = toTitleCase(raw.replace(/[’`]/g, "'"))
	if (name === '') return fieldError('fullNameMissing', 'Chưa có họ và tên', 'The full name is missing')
	if (/\d/.test(name)) {
		return fieldError(
			'fullNameInvalid',
			`Họ và tên “${name}” có chữ số`,
			`Full name “${name}” contains digits`,
		)
	}
	const stray = /[^\p{L}\p{M} '-]/u.exec(name)
	if (stray) {
		return fieldError(
			'fullNameInvalid',
			`Họ và tên “${name}” có ký tự “${stray[0]}” không dùng trong tên người`,
			`Full name “${name}” contains “${stray[0]}”, which is not used in names`,
		)
	}
	if (name.length < 4 && (name.match(/\p{L}/gu)?.length ?? 0) < 2) {
		return fieldError('fullNameInvalid', `Họ và tên “${name}” quá ngắn`, `Full name “${name}” is too short`)
	}
	if (name.length > MAX_FULL_NAME_LENGTH) {
		return fieldError(
			'fullNameTooLong',
			`Họ và tên dài quá ${MAX_FULL_NAME_LENGTH} ký tự`,
			`The full name is longer than ${MAX_FULL_NAME_LENGTH} characters`,
		)
	}
	return fieldValue(name)
}
