import { describe, expect, it } from 'vitest'
import {
	cleanPersonalIdInput,
	decodePersonalId,
	generatePersonalId,
	type PersonalIdErrorCode,
	type PersonalIdExpectations,
	validatePersonalId,
} from '#server/people/personal-id.ts'
import { provinceIdCodes } from '#server/people/province-codes.ts'

const currentYear = 2026

describe('validatePersonalId accepts', () => {
	const cases: {
		name: string
		input: string | number
		expect?: PersonalIdExpectations
		personalId: string
	}[] = [
		{ name: 'a man born 1985 in Thái Nguyên', input: '019085001234', personalId: '019085001234' },
		{
			name: 'a woman born 1985, matching sex and year',
			input: '019185001234',
			expect: { sex: 'female', birthYear: 1985 },
			personalId: '019185001234',
		},
		{
			name: 'a boy born 2005 (century digit 2)',
			input: '001205123456',
			expect: { sex: 'male', birthYear: 2005 },
			personalId: '001205123456',
		},
		{
			name: 'a girl born 2000',
			input: '079300000001',
			expect: { sex: 'female', birthYear: 2000 },
			personalId: '079300000001',
		},
		{
			name: 'a man born 1900',
			input: '096000999999',
			expect: { birthYear: 1900 },
			personalId: '096000999999',
		},
		{ name: 'spaces and dots', input: ' 019.085.001 234 ', personalId: '019085001234' },
		{ name: 'a non-breaking space and hyphens', input: '019\u00a0085-001-234', personalId: '019085001234' },
		{ name: "Excel's leading apostrophe", input: "'019085001234", personalId: '019085001234' },
		{ name: '11 digits (leading zero dropped)', input: '19085001234', personalId: '019085001234' },
		{ name: '10 digits (Hà Nội 001, two zeros dropped)', input: '1085001234', personalId: '001085001234' },
		{ name: 'a number from a spreadsheet cell', input: 19085001234, personalId: '019085001234' },
	]
	it.each(cases)('$name', ({ input, expect: expectations, personalId }) => {
		const result = validatePersonalId(input, { currentYear, ...expectations })
		expect(result).toMatchObject({ ok: true, personalId })
	})

	it('reports how many leading zeros it restored', () => {
		expect(validatePersonalId('019085001234', { currentYear })).toMatchObject({ restoredLeadingZeros: 0 })
		expect(validatePersonalId('19085001234', { currentYear })).toMatchObject({ restoredLeadingZeros: 1 })
		expect(validatePersonalId('1085001234', { currentYear })).toMatchObject({ restoredLeadingZeros: 2 })
	})
})

describe('validatePersonalId rejects', () => {
	const cases: {
		name: string
		input: string | number
		expect?: PersonalIdExpectations
		code: PersonalIdErrorCode
		messageVi: string
	}[] = [
		{ name: 'an empty value', input: '  ', code: 'required', messageVi: 'Chưa nhập số định danh cá nhân' },
		{
			name: 'letters',
			input: '01908500123A',
			code: 'invalidCharacters',
			messageVi: 'Số định danh chỉ gồm chữ số, nhưng có ký tự “A”',
		},
		{
			name: 'scientific notation from a spreadsheet',
			input: '1.90850E+10',
			code: 'invalidCharacters',
			messageVi: 'Số định danh chỉ gồm chữ số, nhưng có ký tự “E”',
		},
		{
			name: 'an old 9-digit identity card number',
			input: '090123456',
			code: 'oldIdCardNumber',
			messageVi: 'Đây là số chứng minh nhân dân cũ (9 chữ số); cần số định danh cá nhân 12 chữ số',
		},
		{
			name: '13 digits',
			input: '0190850012345',
			code: 'wrongLength',
			messageVi: 'Số định danh phải gồm 12 chữ số (đang có 13 chữ số)',
		},
		{
			name: '8 digits',
			input: '01908500',
			code: 'wrongLength',
			messageVi: 'Số định danh phải gồm 12 chữ số (đang có 8 chữ số)',
		},
		{
			name: 'an unknown province code',
			input: '099085001234',
			code: 'unknownProvince',
			messageVi: 'Mã tỉnh 099 không có trong danh mục',
		},
		{
			name: 'an unknown province once zeros are restored (10 digits)',
			input: '3085001234',
			code: 'unknownProvince',
			messageVi: 'Mã tỉnh 003 không có trong danh mục',
		},
		{
			name: 'province 000',
			input: '000085001234',
			code: 'unknownProvince',
			messageVi: 'Mã tỉnh 000 không có trong danh mục',
		},
		{
			name: 'a birth year in the future (2100s)',
			input: '019405001234',
			code: 'birthYearInFuture',
			messageVi: 'Chữ số thứ 4 đến thứ 6 cho biết năm sinh 2105, muộn hơn năm hiện tại',
		},
		{
			name: 'a birth year later this century',
			input: '019230001234',
			code: 'birthYearInFuture',
			messageVi: 'Chữ số thứ 4 đến thứ 6 cho biết năm sinh 2030, muộn hơn năm hiện tại',
		},
		{
			name: 'a woman recorded as a man',
			input: '019185001234',
			expect: { sex: 'male', birthYear: 1985 },
			code: 'sexMismatch',
			messageVi: 'Chữ số thứ 4 cho biết giới tính Nữ, sinh thế kỷ 20, nhưng dòng này ghi giới tính Nam',
		},
		{
			name: 'a boy born 2000s recorded as a girl',
			input: '019210001234',
			expect: { sex: 'female' },
			code: 'sexMismatch',
			messageVi: 'Chữ số thứ 4 cho biết giới tính Nam, sinh thế kỷ 21, nhưng dòng này ghi giới tính Nữ',
		},
		{
			name: 'another birth year',
			input: '019085001234',
			expect: { sex: 'male', birthYear: 1986 },
			code: 'birthYearMismatch',
			messageVi: 'Năm sinh trong số định danh (85) không khớp với năm sinh 1986',
		},
		{
			name: 'the right two digits in the wrong century',
			input: '019005001234',
			expect: { birthYear: 2005 },
			code: 'centuryMismatch',
			messageVi: 'Chữ số thứ 4 cho biết sinh thế kỷ 20 (1900–1999), nhưng dòng này ghi năm sinh 2005',
		},
	]
	it.each(cases)('$name', ({ input, expect: expectations, code, messageVi }) => {
		const result = validatePersonalId(input, { currentYear, ...expectations })
		expect(result.ok).toBe(false)
		if (result.ok) return
		expect(result.error.code).toBe(code)
		expect(result.error.messageVi).toBe(messageVi)
		expect(result.error.messageEn.length).toBeGreaterThan(10)
	})

	it('writes English messages too', () => {
		const result = validatePersonalId('019185001234', { sex: 'male', currentYear })
		expect(result).toMatchObject({
			ok: false,
			error: { messageEn: 'Digit 4 means female, born in the 20th century, but this row says male' },
		})
		const year = validatePersonalId('019085001234', { birthYear: 1986, currentYear })
		expect(year).toMatchObject({
			error: {
				messageEn: 'The birth year in the personal ID number (85) does not match the birth year 1986',
			},
		})
		expect(validatePersonalId('019210001234', { sex: 'female', currentYear })).toMatchObject({
			error: { messageEn: 'Digit 4 means male, born in the 21st century, but this row says female' },
		})
	})
})

describe('decodePersonalId', () => {
	const cases = [
		{ personalId: '019085001234', province: 'Thái Nguyên', sex: 'male', century: 20, year: 1985 },
		{ personalId: '001199000000', province: 'Hà Nội', sex: 'female', century: 20, year: 1999 },
		{ personalId: '079200000000', province: 'Hồ Chí Minh', sex: 'male', century: 21, year: 2000 },
		{ personalId: '096312000000', province: 'Cà Mau', sex: 'female', century: 21, year: 2012 },
		{ personalId: '048401000000', province: 'Đà Nẵng', sex: 'male', century: 22, year: 2101 },
		{ personalId: '006999000000', province: 'Bắc Kạn', sex: 'female', century: 24, year: 2399 },
	] as const
	it.each(cases)('$personalId', ({ personalId, province, sex, century, year }) => {
		expect(decodePersonalId(personalId)).toEqual({
			provinceCode: personalId.slice(0, 3),
			provinceName: province,
			sex,
			birthCentury: century,
			birthYearTwoDigits: personalId.slice(4, 6),
			birthYear: year,
		})
	})

	it.each(['19085001234', '099085001234', '01908500123x', ''])('returns null for %j', (value) => {
		expect(decodePersonalId(value)).toBeNull()
	})
})

describe('cleanPersonalIdInput', () => {
	it('keeps the digits a person meant', () => {
		expect(cleanPersonalIdInput(' 019 085-001.234 ')).toBe('019085001234')
		expect(cleanPersonalIdInput(19085001234)).toBe('19085001234')
	})
})

describe('generatePersonalId', () => {
	function sequence(values: number[]): () => number {
		let i = 0
		return () => values[i++ % values.length] ?? 0
	}

	it('encodes province, century, sex and year, and draws the last six digits', () => {
		expect(
			generatePersonalId({ provinceCode: '019', sex: 'male', birthYear: 1985, random: sequence([0]) }),
		).toBe('019085000000')
		expect(
			generatePersonalId({
				provinceCode: '019',
				sex: 'female',
				birthYear: 2007,
				random: sequence([0.123456789]),
			}),
		).toBe('019307123456')
		expect(
			generatePersonalId({
				provinceCode: '001',
				sex: 'female',
				birthYear: 1900,
				random: sequence([0.9999999]),
			}),
		).toBe('001100999999')
	})

	it('produces numbers that validate and agree with what they were made from', () => {
		let state = 7
		const random = () => {
			state = (state * 16807) % 2147483647
			return state / 2147483647
		}
		for (const { code } of provinceIdCodes) {
			for (const birthYear of [1900, 1945, 1999, 2000, 2008, 2026]) {
				for (const sex of ['male', 'female'] as const) {
					const personalId = generatePersonalId({ provinceCode: code, sex, birthYear, random })
					expect(validatePersonalId(personalId, { sex, birthYear, currentYear })).toMatchObject({
						ok: true,
						personalId,
					})
				}
			}
		}
	})

	it('refuses what cannot be encoded', () => {
		const random = () => 0.5
		expect(() => generatePersonalId({ provinceCode: '099', sex: 'male', birthYear: 1990, random })).toThrow()
		expect(() => generatePersonalId({ provinceCode: '019', sex: 'male', birthYear: 1899, random })).toThrow()
		expect(() => generatePersonalId({ provinceCode: '019', sex: 'male', birthYear: 2400, random })).toThrow()
	})
})
