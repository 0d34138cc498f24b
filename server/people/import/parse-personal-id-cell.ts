import { type FieldResult, fieldError, fieldValue } from '#server/people/import/field-result.ts'
import { type CellValue, cellText } from '#server/people/import/sheet-types.ts'
import {
	type DecodedPersonalId,
	type PersonalIdExpectations,
	validatePersonalId,
} from '#server/people/personal-id.ts'

export interface PersonalIdCell {
	personalId: string
	decoded: DecodedPersonalId
}

/**
 * A personal ID cell as spreadsheets hold it: text, or a number that lost its leading zero (restored, with a
 * note). The rules themselves are server/people/personal-id.ts's; this only adds what cells do to numbers.
 */
export function parsePersonalIdCell(
	value: CellValue,
	expect: PersonalIdExpectations,
): FieldResult<PersonalIdCell | undefined> {
	if (typeof value === 'number' && !Number.isInteger(value)) {
		return fieldError(
			'personalIdInvalid',
			`Số định danh “${value}” không phải số nguyên`,
			`Personal ID number “${value}” is not a whole number`,
		)
	}
	const raw = typeof value === 'number' ? value : cellText(value)
	if (raw === '') return fieldValue(undefined)
	if (typeof raw === 'string' && /^\d+([.,]\d+)?e\+?\d+$/i.test(raw.replace(/\s/g, ''))) {
		return fieldError(
			'personalIdScientific',
			`Số định danh bị Excel đổi thành “${raw}” và đã mất chữ số; hãy định dạng cột là Văn bản (Text) và nhập lại số`,
			`Excel turned the personal ID number into “${raw}” and lost digits; format the column as Text and enter the number again`,
		)
	}
	const check = validatePersonalId(raw, expect)
	if (!check.ok) return fieldError(check.error.code, check.error.messageVi, check.error.messageEn)
	const result = { personalId: check.personalId, decoded: check.decoded }
	if (check.restoredLeadingZeros === 0) return fieldValue(result)
	return fieldValue(result, {
		code: 'personalIdZeroRestored',
		messageVi: `Đã thêm ${check.restoredLeadingZeros} số 0 ở đầu số định danh (Excel lưu dạng số nên bỏ mất)`,
		messageEn: `Added ${check.restoredLeadingZeros} leading zero(s) that Excel dropped by storing it as a number`,
	})
}
