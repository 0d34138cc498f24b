import {
	type CalendarDate,
	cellDateToCalendarDate,
	excelSerialToCalendarDate,
	formatCalendarDate,
	isValidCalendarDate,
} from '#server/people/import/excel-date.ts'
import { type FieldResult, fieldError, fieldValue } from '#server/people/import/field-result.ts'
import { foldHeaderText } from '#server/people/import/resident-import-fields.ts'
import { type CellValue, ExcelSerialDate } from '#server/people/import/sheet-types.ts'

export interface BirthDate {
	/** "YYYY-MM-DD" when the day is known; undefined when only the year is. */
	birthDate?: string
	birthYear: number
}

export interface BirthDateOptions {
	/** Today's date, "YYYY-MM-DD" (tests pass a fixed one). Defaults to the server's local date. */
	today?: string
}

/** Nobody in the registry is older than this. */
export const MAX_AGE_YEARS = 120

export function localToday(now = new Date()): string {
	return formatCalendarDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() })
}

function shown(value: CellValue): string {
	return value instanceof ExcelSerialDate
		? String(value.serial)
		: value instanceof Date
			? value.toISOString()
			: String(value)
}

function invalid(value: CellValue): FieldResult<BirthDate> {
	return fieldError(
		'birthDateInvalid',
		`Ngày sinh “${shown(value)}” không đọc được; hãy ghi dạng ngày/tháng/năm (ví dụ 05/03/1956) hoặc chỉ năm sinh (1956)`,
		`Date of birth “${shown(value)}” cannot be read; write it as day/month/year (e.g. 05/03/1956) or just the year (1956)`,
	)
}

let lastToday: { text: string; date: CalendarDate } | undefined

/** "YYYY-MM-DD" → parts, remembered: every row of an import asks with the same day. */
function parseToday(text: string): CalendarDate {
	if (lastToday?.text !== text) {
		const [year, month, day] = text.split('-').map(Number)
		lastToday = { text, date: { year: year!, month: month!, day: day! } }
	}
	return lastToday.date
}

/** Two-digit years are birth years: the latest one that is not in the future ("26" → 2026 in 2026, "27" → 1927). */
function expandYear(digits: string, today: CalendarDate): number {
	if (digits.length !== 2) return Number(digits)
	const yy = Number(digits)
	const century = Math.floor(today.year / 100) * 100
	return century + yy <= today.year ? century + yy : century - 100 + yy
}

function parseText(text: string, today: CalendarDate): CalendarDate | number | null {
	const t = text.trim()
	if (/^\d{4}$/.test(t)) return Number(t)
	const dmy = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4}|\d{2})$/.exec(t)
	if (dmy) return { day: Number(dmy[1]), month: Number(dmy[3]), year: expandYear(dmy[4]!, today) }
	const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ][\d:.]+Z?)?$/.exec(t)
	if (iso) return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]) }
	const monthYear = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t)
	if (monthYear && Number(monthYear[1]) >= 1 && Number(monthYear[1]) <= 12) return Number(monthYear[2])
	const words = /ngay (\d{1,2}) thang (\d{1,2}) nam (\d{4})/.exec(foldHeaderText(t))
	if (words) return { day: Number(words[1]), month: Number(words[2]), year: Number(words[3]) }
	return null
}

function toCalendar(value: CellValue, today: CalendarDate): CalendarDate | number | null {
	if (value instanceof ExcelSerialDate || value instanceof Date) return cellDateToCalendarDate(value)
	if (typeof value === 'number') {
		// A bare year typed as a number; larger numbers are date serials whose cell lost its date format.
		if (Number.isInteger(value) && value >= 1000 && value <= 2200) return value
		return value > 2200 ? excelSerialToCalendarDate(value) : null
	}
	if (typeof value === 'string') return parseText(value, today)
	return null
}

/**
 * Reads a date of birth as wards write it: a real Excel date, "dd/mm/yyyy", "d/m/yy", "dd-mm-yyyy",
 * "dd.mm.yyyy", "yyyy-mm-dd", "ngày 5 tháng 3 năm 1956", or a bare year. Checks that it is a real day, not
 * in the future and at most 120 years ago.
 */
export function parseBirthDate(value: CellValue, options: BirthDateOptions = {}): FieldResult<BirthDate> {
	const todayText = options.today ?? localToday()
	const today = parseToday(todayText)
	if (value === null || (typeof value === 'string' && value.trim() === '')) {
		return fieldError(
			'birthDateMissing',
			'Chưa có ngày sinh hoặc năm sinh',
			'The date or year of birth is missing',
		)
	}
	const parsed = toCalendar(value, today)
	if (parsed === null) return invalid(value)
	const year = typeof parsed === 'number' ? parsed : parsed.year
	if (typeof parsed !== 'number' && !isValidCalendarDate(parsed)) {
		return fieldError(
			'birthDateInvalid',
			`Ngày sinh ${parsed.day}/${parsed.month}/${parsed.year} không có thật (ghi theo thứ tự ngày/tháng/năm)`,
			`Date of birth ${parsed.day}/${parsed.month}/${parsed.year} does not exist (write day/month/year)`,
		)
	}
	const iso = typeof parsed === 'number' ? undefined : formatCalendarDate(parsed)
	if (year > today.year || (iso !== undefined && iso > todayText)) {
		return fieldError(
			'birthDateInFuture',
			`Ngày sinh ${iso ?? year} ở tương lai`,
			`Date of birth ${iso ?? year} is in the future`,
		)
	}
	if (year < today.year - MAX_AGE_YEARS) {
		return fieldError(
			'birthDateTooOld',
			`Năm sinh ${year} quá xa (hơn ${MAX_AGE_YEARS} tuổi)`,
			`Birth year ${year} is implausible (over ${MAX_AGE_YEARS} years old)`,
		)
	}
	return fieldValue(iso === undefined ? { birthYear: year } : { birthDate: iso, birthYear: year })
}
