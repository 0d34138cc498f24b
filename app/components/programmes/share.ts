import type { Locale } from '#app/i18n/translate.ts'

/** "12/40 (30 %)" the way the locale writes percentages; "—" for an empty whole. */
export function share(part: number, whole: number, locale: Locale): string {
	if (whole === 0) return '—'
	const percent = new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
		style: 'percent',
		maximumFractionDigits: 1,
	}).format(part / whole)
	return `${part}/${whole} (${percent})`
}
