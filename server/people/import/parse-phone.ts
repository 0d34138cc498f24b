import { type FieldResult, fieldError, fieldValue } from '#server/people/import/field-result.ts'

/**
 * Mobile prefixes after the 2018 renumbering (Viettel, VinaPhone, MobiFone, Vietnamobile, Gmobile, Itel,
 * Reddi…): 03[2-9], 05[2,5,6,8,9], 07[0,6-9], 08[1-9], 09x; ten digits. Landlines: 02 + area code + number,
 * eleven digits (e.g. 0208 for Thái Nguyên, 024 for Hà Nội).
 */
const MOBILE = /^0(3[2-9]|5[25689]|7[06-9]|8[1-9]|9\d)\d{7}$/
const LANDLINE = /^02\d{9}$/

function normalise(digits: string): string {
	if (digits.startsWith('84') && (digits.length === 11 || digits.length === 12)) return `0${digits.slice(2)}`
	// Stored as a number, the leading zero was dropped: 912345678 → 0912345678.
	if (!digits.startsWith('0') && (digits.length === 9 || digits.length === 10)) return `0${digits}`
	return digits
}

/**
 * "+84 912 345 678", "84912345678", "0912.345.678", 912345678 → "0912345678". Several numbers in one cell:
 * the first is kept and a note says so. Empty is undefined, not an error.
 */
export function parsePhone(raw: string | number): FieldResult<string | undefined> {
	const text = typeof raw === 'number' ? raw.toFixed(0) : raw.trim()
	if (text === '') return fieldValue(undefined)
	const parts = text.split(/\s*[,;/|]\s*|\s+(?:-|–|hoặc|hoac)\s+/).filter((p) => /\d/.test(p))
	const first = parts[0] ?? text
	if (/[^\d\s.+()-]/.test(first)) {
		return fieldError(
			'phoneInvalid',
			`Số điện thoại “${text}” có ký tự lạ`,
			`Phone number “${text}” contains stray characters`,
		)
	}
	const phone = normalise(first.replace(/^\+/, '').replace(/\D/g, ''))
	if (!MOBILE.test(phone) && !LANDLINE.test(phone)) {
		return fieldError(
			'phoneInvalid',
			`Số điện thoại “${text}” không hợp lệ: số di động có 10 chữ số, đầu 03, 05, 07, 08, 09; số cố định có 11 chữ số, đầu 02`,
			`Phone number “${text}” is not valid: mobiles have 10 digits starting 03, 05, 07, 08, 09; landlines 11 digits starting 02`,
		)
	}
	if (parts.length > 1) {
		return fieldValue(phone, {
			code: 'phoneSeveral',
			messageVi: `Ô có ${parts.length} số điện thoại; chỉ nhập số đầu tiên (${phone})`,
			messageEn: `The cell has ${parts.length} phone numbers; only the first (${phone}) is imported`,
		})
	}
	return fieldValue(phone)
}
