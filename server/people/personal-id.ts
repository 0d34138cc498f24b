// Personal identification number (số định danh cá nhân): 12 digits, Luật Căn cước 2023 art. 12; structure
// from Nghị định 137/2015/NĐ-CP art. 13 and Thông tư 07/2016/TT-BCA art. 7:
//   digits 1–3  province where the birth was registered (province-codes.ts)
//   digit 4     century of birth and sex: 1900s 0 male / 1 female, 2000s 2 / 3, 2100s 4 / 5, …
//   digits 5–6  last two digits of the birth year
//   digits 7–12 random
// Pure: runs in the browser (form hints) and on the server (imports, sign-in).
import { findProvinceName } from '#server/people/province-codes.ts'
import type { Sex } from '#server/people/schema.ts'

export const PERSONAL_ID_LENGTH = 12
const FIRST_CENTURY_START = 1900
const LAST_CENTURY_START = 2300

export type PersonalIdErrorCode =
	| 'required'
	| 'invalidCharacters'
	| 'oldIdCardNumber'
	| 'wrongLength'
	| 'unknownProvince'
	| 'birthYearInFuture'
	| 'sexMismatch'
	| 'centuryMismatch'
	| 'birthYearMismatch'

export interface PersonalIdError {
	/** Stable, for code and translations; the messages are ready to show. */
	code: PersonalIdErrorCode
	messageVi: string
	messageEn: string
}

export interface DecodedPersonalId {
	provinceCode: string
	provinceName: string
	sex: Sex
	/** 20 for 1900–1999, 21 for 2000–2099, … (Vietnamese usage: "thế kỷ 20 (từ năm 1900 đến hết năm 1999)"). */
	birthCentury: number
	/** Digits 5–6 as written, e.g. "85". */
	birthYearTwoDigits: string
	/** Century and digits 5–6 together, e.g. 1985. */
	birthYear: number
}

export type PersonalIdCheck =
	| {
			ok: true
			/** The normalised 12-digit number. */
			personalId: string
			decoded: DecodedPersonalId
			/** Leading zeros put back (a spreadsheet stored the number as a number), 0 when none. */
			restoredLeadingZeros: number
	  }
	| { ok: false; error: PersonalIdError }

export interface PersonalIdExpectations {
	/** Sex recorded elsewhere (the import row, the form); checked against digit 4. */
	sex?: Sex
	/** Birth year recorded elsewhere; checked against digits 4–6. */
	birthYear?: number
	/** Numbers cannot encode a birth year after this one; defaults to the current year. */
	currentYear?: number
}

const sexNames: Record<Sex, { vi: string; en: string }> = {
	male: { vi: 'Nam', en: 'male' },
	female: { vi: 'Nữ', en: 'female' },
}

function ordinalEn(n: number): string {
	if (n % 100 >= 11 && n % 100 <= 13) return `${n}th`
	const suffix = ['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'
	return `${n}${suffix}`
}

function fail(code: PersonalIdErrorCode, messageVi: string, messageEn: string): PersonalIdCheck {
	return { ok: false, error: { code, messageVi, messageEn } }
}

/**
 * Removes what people and spreadsheets add around the digits: spaces (incl. non-breaking), dots,
 * hyphens and Excel's leading apostrophe. Does not restore leading zeros.
 */
export function cleanPersonalIdInput(input: string | number): string {
	const text = typeof input === 'number' ? (Number.isFinite(input) ? input.toFixed(0) : String(input)) : input
	return text.replace(/^\s*'/, '').replace(/[\s.\u00a0-]/g, '')
}

function centuryDigit(birthYear: number, sex: Sex): number {
	return ((Math.floor(birthYear / 100) * 100 - FIRST_CENTURY_START) / 100) * 2 + (sex === 'female' ? 1 : 0)
}

/** Reads province, sex and birth year from a well-formed 12-digit number; null when it is not one. */
export function decodePersonalId(personalId: string): DecodedPersonalId | null {
	if (!/^\d{12}$/.test(personalId)) return null
	const provinceCode = personalId.slice(0, 3)
	const provinceName = findProvinceName(provinceCode)
	if (provinceName === undefined) return null
	const digit = Number(personalId[3])
	const centuryStart = FIRST_CENTURY_START + Math.floor(digit / 2) * 100
	const birthYearTwoDigits = personalId.slice(4, 6)
	return {
		provinceCode,
		provinceName,
		sex: digit % 2 === 0 ? 'male' : 'female',
		birthCentury: centuryStart / 100 + 1,
		birthYearTwoDigits,
		birthYear: centuryStart + Number(birthYearTwoDigits),
	}
}

/**
 * Checks a personal ID number as typed or imported, and optionally that it agrees with the sex and
 * birth year recorded alongside it. Returns the first problem found, with Vietnamese and English text.
 */
export function validatePersonalId(
	input: string | number,
	expect: PersonalIdExpectations = {},
): PersonalIdCheck {
	const cleaned = cleanPersonalIdInput(input)
	if (cleaned === '')
		return fail('required', 'Chưa nhập số định danh cá nhân', 'The personal ID number is missing')
	const stray = cleaned.match(/\D/u)
	if (stray) {
		return fail(
			'invalidCharacters',
			`Số định danh chỉ gồm chữ số, nhưng có ký tự “${stray[0]}”`,
			`A personal ID number has digits only, but this one contains “${stray[0]}”`,
		)
	}
	if (cleaned.length === 9) {
		return fail(
			'oldIdCardNumber',
			'Đây là số chứng minh nhân dân cũ (9 chữ số); cần số định danh cá nhân 12 chữ số',
			'This is an old 9-digit identity card number; the 12-digit personal ID number is needed',
		)
	}
	// Every province code starts with 0 (001–096), so a number stored as a number loses one or two zeros.
	const restoredLeadingZeros =
		cleaned.length === 10 || cleaned.length === 11 ? PERSONAL_ID_LENGTH - cleaned.length : 0
	if (cleaned.length !== PERSONAL_ID_LENGTH && restoredLeadingZeros === 0) {
		return fail(
			'wrongLength',
			`Số định danh phải gồm 12 chữ số (đang có ${cleaned.length} chữ số)`,
			`A personal ID number has 12 digits (this one has ${cleaned.length})`,
		)
	}
	const personalId = cleaned.padStart(PERSONAL_ID_LENGTH, '0')
	const decoded = decodePersonalId(personalId)
	if (!decoded) {
		const code = personalId.slice(0, 3)
		return fail(
			'unknownProvince',
			`Mã tỉnh ${code} không có trong danh mục`,
			`Province code ${code} is not in the list`,
		)
	}
	const currentYear = expect.currentYear ?? new Date().getFullYear()
	if (decoded.birthYear > currentYear) {
		return fail(
			'birthYearInFuture',
			`Chữ số thứ 4 đến thứ 6 cho biết năm sinh ${decoded.birthYear}, muộn hơn năm hiện tại`,
			`Digits 4 to 6 give the birth year ${decoded.birthYear}, which is in the future`,
		)
	}
	if (expect.sex !== undefined && expect.sex !== decoded.sex) {
		return fail(
			'sexMismatch',
			`Chữ số thứ 4 cho biết giới tính ${sexNames[decoded.sex].vi}, sinh thế kỷ ${decoded.birthCentury}, nhưng dòng này ghi giới tính ${sexNames[expect.sex].vi}`,
			`Digit 4 means ${sexNames[decoded.sex].en}, born in the ${ordinalEn(decoded.birthCentury)} century, but this row says ${sexNames[expect.sex].en}`,
		)
	}
	if (expect.birthYear !== undefined && expect.birthYear !== decoded.birthYear) {
		const expectedTwoDigits = String(expect.birthYear % 100).padStart(2, '0')
		if (expectedTwoDigits !== decoded.birthYearTwoDigits) {
			return fail(
				'birthYearMismatch',
				`Năm sinh trong số định danh (${decoded.birthYearTwoDigits}) không khớp với năm sinh ${expect.birthYear}`,
				`The birth year in the personal ID number (${decoded.birthYearTwoDigits}) does not match the birth year ${expect.birthYear}`,
			)
		}
		const from = (decoded.birthCentury - 1) * 100
		return fail(
			'centuryMismatch',
			`Chữ số thứ 4 cho biết sinh thế kỷ ${decoded.birthCentury} (${from}–${from + 99}), nhưng dòng này ghi năm sinh ${expect.birthYear}`,
			`Digit 4 means born in the ${ordinalEn(decoded.birthCentury)} century (${from}–${from + 99}), but this row says ${expect.birthYear}`,
		)
	}
	return { ok: true, personalId, decoded, restoredLeadingZeros }
}

export interface GeneratePersonalIdOptions {
	provinceCode: string
	sex: Sex
	birthYear: number
	/** Uniform in [0, 1): pass a seeded generator for reproducible demo data. */
	random: () => number
}

/** Builds a well-formed personal ID number for demo and test data (digits 7–12 drawn from `random`). */
export function generatePersonalId({
	provinceCode,
	sex,
	birthYear,
	random,
}: GeneratePersonalIdOptions): string {
	if (findProvinceName(provinceCode) === undefined) throw new Error(`Unknown province code ${provinceCode}`)
	if (
		!Number.isInteger(birthYear) ||
		birthYear < FIRST_CENTURY_START ||
		birthYear > LAST_CENTURY_START + 99
	) {
		throw new Error(`Birth year ${birthYear} cannot be encoded in a personal ID number`)
	}
	const serial = Math.floor(random() * 1_000_000)
	return `${provinceCode}${centuryDigit(birthYear, sex)}${String(birthYear % 100).padStart(2, '0')}${String(serial).padStart(6, '0')}`
}
