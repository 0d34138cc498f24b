import { describe, expect, it } from 'vitest'
import type { FieldResult } from '#server/people/import/field-result.ts'
import { neutralizeFormula, toSafeCsvField } from '#server/people/import/formula-safety.ts'
import { parseFullName } from '#server/people/import/parse-full-name.ts'
import { parsePersonalIdCell } from '#server/people/import/parse-personal-id-cell.ts'
import { parsePhone } from '#server/people/import/parse-phone.ts'
import { isTickMark, parseSexText } from '#server/people/import/parse-sex.ts'
import { parseRelationToHead, parseVneidLevel } from '#server/people/import/parse-text-fields.ts'
import {
	matchResidentialGroup,
	parseResidentialGroupLabel,
} from '#server/people/import/residential-group-hint.ts'
import type { CellValue } from '#server/people/import/sheet-types.ts'
import { plausibleShare, scoreVietnameseText } from '#server/people/import/vietnamese-text-score.ts'

/** The value, or the error code: one column of expectations for ok and failed parses alike. */
function outcome<T>(result: FieldResult<T>): T | string {
	return result.ok ? result.value : `error:${result.code}`
}

describe('full name', () => {
	it.each([
		['NGUYỄN văn an', 'Nguyễn Văn An'],
		['  trần   thị  BÌNH ', 'Trần Thị Bình'],
		["h'hen niê", "H'Hen Niê"],
		['y-moan ênuôl', 'Y-Moan Ênuôl'],
		['Nguye\u0302\u0303n Va\u0306n An', 'Nguyễn Văn An'],
		['', 'error:fullNameMissing'],
		['Nguyễn Văn 2', 'error:fullNameInvalid'],
		['Lê Văn (Tý)', 'error:fullNameInvalid'],
		['A', 'error:fullNameInvalid'],
		['Nguyễn '.repeat(20), 'error:fullNameTooLong'],
	])('%j → %j', (input, expected) => {
		expect(outcome(parseFullName(input))).toBe(expected)
	})
})

describe('sex', () => {
	it.each([
		['Nam', 'male'],
		['nam', 'male'],
		['NỮ', 'female'],
		['nu', 'female'],
		['M', 'male'],
		['F', 'female'],
		['', undefined],
		['Khác', 'error:sexInvalid'],
	])('%j → %j', (input, expected) => {
		expect(outcome(parseSexText(input))).toBe(expected)
	})

	it.each([
		['x', true],
		['X', true],
		['✓', true],
		['✔', true],
		['1', true],
		['', false],
		['Nam', false],
	])('tick %j → %j', (input, expected) => {
		expect(isTickMark(input)).toBe(expected)
	})
})

describe('phone', () => {
	it.each<[string | number, string | undefined]>([
		['0912345678', '0912345678'],
		['+84 912 345 678', '0912345678'],
		['84912345678', '0912345678'],
		['0912.345.678', '0912345678'],
		['(+84) 386-123-456', '0386123456'],
		[912345678, '0912345678'],
		['0562345678', '0562345678'],
		['0708123456', '0708123456'],
		['0812345678', '0812345678'],
		['02083852123', '02083852123'],
		['024 3825 1234', '02438251234'],
		['', undefined],
	])('%j → %j', (input, expected) => {
		expect(outcome(parsePhone(input))).toBe(expected)
	})

	it.each(['0112345678', '091234567', '09123456789', '0312345678', '0212345678', 'không có', '0912abc678'])(
		'%j is refused',
		(input) => {
			expect(outcome(parsePhone(input))).toBe('error:phoneInvalid')
		},
	)

	it('keeps the first of several numbers, with a note', () => {
		const result = parsePhone('0912345678 - 0987654321')
		expect(result).toMatchObject({ ok: true, value: '0912345678', note: { code: 'phoneSeveral' } })
	})
})

describe('personal ID cell (rules from personal-id.ts)', () => {
	it.each<[string, CellValue, { sex?: 'male' | 'female'; birthYear?: number }, string]>([
		['valid text', '019056001234', { sex: 'male', birthYear: 1956 }, '019056001234'],
		['number that lost its zero', 19056001234, {}, '019056001234'],
		['with spaces and apostrophe', "'019 056 001 234", {}, '019056001234'],
		['scientific notation from a CSV', '1,90561E+11', {}, 'error:personalIdScientific'],
		['fraction', 19056001.5, {}, 'error:personalIdInvalid'],
		['old 9-digit card', '123456789', {}, 'error:oldIdCardNumber'],
		['wrong length', '01905600', {}, 'error:wrongLength'],
		['unknown province', '099056001234', {}, 'error:unknownProvince'],
		['sex disagrees', '019056001234', { sex: 'female' }, 'error:sexMismatch'],
		['birth year disagrees', '019056001234', { birthYear: 1957 }, 'error:birthYearMismatch'],
		['century disagrees', '019056001234', { birthYear: 2056 }, 'error:centuryMismatch'],
		['letters', '01905600123A', {}, 'error:invalidCharacters'],
	])('%s', (_label, input, expect_, expected) => {
		const result = parsePersonalIdCell(input, { ...expect_, currentYear: 2026 })
		expect(result.ok ? result.value?.personalId : `error:${result.code}`).toBe(expected)
	})

	it('notes a restored leading zero without repeating the number', () => {
		const result = parsePersonalIdCell(19056001234, {})
		expect(result.ok && result.note?.messageVi).toContain('số 0')
		expect(result.ok && result.note?.messageVi).not.toContain('019056001234')
	})
})

describe('other fields', () => {
	it.each<[string | number, number | undefined | string]>([
		['Mức 2', 2],
		['mức 1', 1],
		[2, 2],
		['Chưa có', 0],
		['không', 0],
		['', undefined],
		['đã kích hoạt', 'error:vneidLevelInvalid'],
	])('VNeID level %j → %j', (input, expected) => {
		expect(outcome(parseVneidLevel(input))).toBe(expected)
	})

	it('re-cases the relation to the head of household', () => {
		expect(parseRelationToHead('  chủ HỘ ')).toBe('Chủ hộ')
	})

	it.each([
		['Tổ 5', 'Tổ dân phố số 5'],
		['TDP số 05', 'Tổ dân phố số 5'],
		['Tổ dân phố Số 05', 'Tổ dân phố số 5'],
		['TDP5', 'Tổ dân phố số 5'],
		['DANH SÁCH NHÂN KHẨU TỔ DÂN PHỐ SỐ 12 PHƯỜNG SÔNG CÔNG', 'Tổ dân phố số 12'],
		['Thôn 3', 'Thôn 3'],
		['THÔN ĐỒNG TÂM, XÃ TÂN QUANG', 'Thôn Đồng Tâm'],
		['Xóm Chùa xã Bá Xuyên', 'Xóm Chùa'],
		['Sheet1', undefined],
		['Tổng hợp', undefined],
	])('residential group in %j → %j', (input, expected) => {
		expect(parseResidentialGroupLabel(input)?.label).toBe(expected)
	})

	it('matches a group label to the ward’s groups by number or by name', () => {
		const groups = [
			{ id: 'a', code: '05', name: 'Tổ dân phố số 5' },
			{ id: 'b', code: '15', name: 'Tổ dân phố số 15' },
			{ id: 'c', code: 'DT', name: 'Thôn Đồng Tâm' },
		]
		expect(matchResidentialGroup('TDP 5', groups)?.id).toBe('a')
		expect(matchResidentialGroup('Tổ 15', groups)?.id).toBe('b')
		expect(matchResidentialGroup('thon dong tam', groups)?.id).toBe('c')
		expect(matchResidentialGroup('Tổ 7', groups)).toBeUndefined()
	})

	it.each([
		['=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'],
		['+84912345678', "'+84912345678"],
		['-1', "'-1"],
		['@SUM(A1)', "'@SUM(A1)"],
		['\tcmd', "'\tcmd"],
		['\rcmd', "'\rcmd"],
		['Nguyễn Văn An', 'Nguyễn Văn An'],
		['a=b', 'a=b'],
	])('export guard %j → %j', (input, expected) => {
		expect(neutralizeFormula(input)).toBe(expected)
	})

	it('quotes CSV fields after guarding them', () => {
		expect(toSafeCsvField('=1+1,2')).toBe('"\'=1+1,2"')
		expect(toSafeCsvField('Số 5 "A"')).toBe('"Số 5 ""A"""')
	})

	it('scores Vietnamese text to choose between legacy encodings', () => {
		expect(plausibleShare(scoreVietnameseText('Nguyễn Thị Hường, Đỗ Văn Đức, Hà Nội'))).toBe(1)
		expect(plausibleShare(scoreVietnameseText('Nguyờịn Thị'))).toBe(0.5)
		expect(plausibleShare(scoreVietnameseText('Hµ Néi'))).toBe(0)
	})
})
