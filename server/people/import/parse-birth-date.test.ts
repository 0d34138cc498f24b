import { describe, expect, it } from 'vitest'
import { excelSerialToCalendarDate } from '#server/people/import/excel-date.ts'
import type { FieldResult } from '#server/people/import/field-result.ts'
import { parseBirthDate } from '#server/people/import/parse-birth-date.ts'
import { type CellValue, ExcelSerialDate } from '#server/people/import/sheet-types.ts'

function outcome<T>(result: FieldResult<T>): T | string {
	return result.ok ? result.value : `error:${result.code}`
}

const today = '2026-11-24'

describe('date of birth', () => {
	const utcMidnight = new Date(Date.UTC(1990, 4, 1))
	// What a program in Vietnam (UTC+7) writes for local midnight of 1 May 1990.
	const localMidnightHanoi = new Date(Date.UTC(1990, 3, 30, 17))
	it.each<[string, CellValue, string | { birthDate?: string; birthYear: number }]>([
		['Excel serial date', new ExcelSerialDate(32994), { birthDate: '1990-05-01', birthYear: 1990 }],
		['1904 date system', new ExcelSerialDate(31532, true), { birthDate: '1990-05-01', birthYear: 1990 }],
		['Date at UTC midnight', utcMidnight, { birthDate: '1990-05-01', birthYear: 1990 }],
		['Date at Hanoi midnight', localMidnightHanoi, { birthDate: '1990-05-01', birthYear: 1990 }],
		['serial with a time of day', new ExcelSerialDate(32994.4), { birthDate: '1990-05-01', birthYear: 1990 }],
		['number without date format', 32994, { birthDate: '1990-05-01', birthYear: 1990 }],
		['dd/mm/yyyy', '05/03/1956', { birthDate: '1956-03-05', birthYear: 1956 }],
		['d/m/yyyy', '5/3/1956', { birthDate: '1956-03-05', birthYear: 1956 }],
		['d/m/yy, past century', '7/8/58', { birthDate: '1958-08-07', birthYear: 1958 }],
		['d/m/yy, this century', '1/2/15', { birthDate: '2015-02-01', birthYear: 2015 }],
		['d/m/yy, this year', '1/2/26', { birthDate: '2026-02-01', birthYear: 2026 }],
		['d/m/yy, not in the future', '1/2/27', { birthDate: '1927-02-01', birthYear: 1927 }],
		['dd-mm-yyyy', '05-03-1956', { birthDate: '1956-03-05', birthYear: 1956 }],
		['dd.mm.yyyy', '05.03.1956', { birthDate: '1956-03-05', birthYear: 1956 }],
		['spaces around separators', '05 / 03 / 1956', { birthDate: '1956-03-05', birthYear: 1956 }],
		['ISO', '1956-03-05', { birthDate: '1956-03-05', birthYear: 1956 }],
		['in words', 'Ngày 5 tháng 3 năm 1956', { birthDate: '1956-03-05', birthYear: 1956 }],
		['bare year as text', '1956', { birthYear: 1956 }],
		['bare year as number', 1956, { birthYear: 1956 }],
		['month and year', '03/1956', { birthYear: 1956 }],
		['29 February of a leap year', '29/02/2000', { birthDate: '2000-02-29', birthYear: 2000 }],
		['29 February of a common year', '29/02/2001', 'error:birthDateInvalid'],
		['31 April', '31/04/1990', 'error:birthDateInvalid'],
		['month first (US)', '05/23/1990', 'error:birthDateInvalid'],
		['mixed separators', '05/03-1956', 'error:birthDateInvalid'],
		['words', 'không rõ', 'error:birthDateInvalid'],
		['tomorrow', '25/11/2026', 'error:birthDateInFuture'],
		['next year', 2027, 'error:birthDateInFuture'],
		['older than 120', '1/1/1900', 'error:birthDateTooOld'],
		['120 exactly', '1906', { birthYear: 1906 }],
		['empty', '', 'error:birthDateMissing'],
		['Excel’s fictitious 29/02/1900', new ExcelSerialDate(60), 'error:birthDateInvalid'],
	])('%s', (_label, input, expected) => {
		expect(outcome(parseBirthDate(input, { today }))).toEqual(expected)
	})

	it('handles the serials around Excel’s 1900 leap-year bug', () => {
		expect(excelSerialToCalendarDate(1)).toEqual({ year: 1900, month: 1, day: 1 })
		expect(excelSerialToCalendarDate(59)).toEqual({ year: 1900, month: 2, day: 28 })
		expect(excelSerialToCalendarDate(60)).toBeNull()
		expect(excelSerialToCalendarDate(61)).toEqual({ year: 1900, month: 3, day: 1 })
		expect(excelSerialToCalendarDate(0, true)).toEqual({ year: 1904, month: 1, day: 1 })
	})
})
