import { formatNumber, type Locale } from '#app/i18n/translate.ts'

/** "45,2%" / "45.2%", or the count for a count target; "—" without data. */
export function formatIndicatorValue(locale: Locale, value: number | null, kind: 'share' | 'count'): string {
	if (value === null) return '—'
	return kind === 'share'
		? `${formatNumber(locale, Math.round(value * 10) / 10)}%`
		: formatNumber(locale, value)
}

/** "T6/2026" / "06/2026" for a `YYYY-MM` month; short "T6" for chart labels. */
export function formatMonth(locale: Locale, month: string, short = false): string {
	const [y, m] = month.split('-')
	if (short) return locale === 'vi' ? `T${Number(m)}` : `${m}/${y?.slice(2)}`
	return locale === 'vi' ? `Tháng ${Number(m)}/${y}` : `${m}/${y}`
}

/** `YYYY-MM-DD` as 30/06/2026. */
export function formatDay(day: string): string {
	const [y, m, d] = day.split('-')
	return `${d}/${m}/${y}`
}
