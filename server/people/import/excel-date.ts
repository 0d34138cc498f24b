import { ExcelSerialDate } from '#server/people/import/sheet-types.ts'

const DAY_MS = 86_400_000
/** 1899-12-30: day 0 of Excel's 1900 system once its fictitious 29 February 1900 is stepped over. */
const EPOCH_1900 = Date.UTC(1899, 11, 30)
const EPOCH_1904 = Date.UTC(1904, 0, 1)

/** A calendar date with no time and no time zone. */
export interface CalendarDate {
	year: number
	month: number
	day: number
}

export function formatCalendarDate({ year, month, day }: CalendarDate): string {
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/**
 * Converts an Excel date serial to a calendar date, or null for a serial that names no day. Excel's 1900
 * system counts 29 February 1900, which never existed (kept for Lotus 1-2-3 compatibility): serial 60 is
 * that day, serials 1–59 are one day later than a plain count. A fraction (a time of day) is rounded to the
 * nearest day: birth dates carry no time, and a fraction there comes from a program that wrote local
 * midnight as UTC, which is up to a few hours off.
 */
export function excelSerialToCalendarDate(serial: number, date1904 = false): CalendarDate | null {
	if (!Number.isFinite(serial) || serial < 0) return null
	let days = Math.round(serial)
	let epoch = EPOCH_1904
	if (!date1904) {
		if (days === 60 || days < 1) return null
		if (days < 60) days += 1
		epoch = EPOCH_1900
	}
	const date = new Date(epoch + days * DAY_MS)
	return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

/** The serial Excel would store for a JavaScript Date (read in UTC, as exceljs writes it). */
export function dateToExcelSerial(date: Date): number {
	return (date.getTime() - EPOCH_1900) / DAY_MS
}

/** A cell value that holds a date: the serial's calendar date, or a Date's in UTC rounded to the nearest day. */
export function cellDateToCalendarDate(value: Date | ExcelSerialDate): CalendarDate | null {
	if (value instanceof ExcelSerialDate) return excelSerialToCalendarDate(value.serial, value.date1904)
	if (Number.isNaN(value.getTime())) return null
	const date = new Date(Math.round(value.getTime() / DAY_MS) * DAY_MS)
	return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() }
}

/** True when the day exists ("31/04" and "29/02" of a common year do not). */
export function isValidCalendarDate({ year, month, day }: CalendarDate): boolean {
	if (!Number.isInteger(year) || month < 1 || month > 12 || day < 1) return false
	return day <= new Date(Date.UTC(year, month, 0)).getUTCDate()
}
