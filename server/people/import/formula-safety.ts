/**
 * Makes a value safe to put in an exported spreadsheet cell: text that a spreadsheet would run as a formula
 * (starting with = + - @, or a tab or carriage return that some programs strip first) gets a leading
 * apostrophe-like guard, so it shows as typed and never executes (OWASP "CSV injection").
 */
const DANGEROUS_START = /^[=+\-@\t\r]/

export function neutralizeFormula(value: string): string {
	return DANGEROUS_START.test(value) ? `'${value}` : value
}

/** Same, for any cell value: only text is changed; numbers, dates and booleans are not formulas. */
export function neutralizeCellValue<T>(value: T): T | string {
	return typeof value === 'string' ? neutralizeFormula(value) : value
}

/** A CSV field, neutralised and quoted when it holds the delimiter, a quote or a line break. */
export function toSafeCsvField(value: string, delimiter = ','): string {
	const safe = neutralizeFormula(value)
	return safe.includes(delimiter) || /["\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
