import type { Locale } from '#app/i18n/translate.ts'

// Every time on screen is the ward's time, whatever the server's or the browser's zone, so the server
// render and the browser agree.
const TIME_ZONE = 'Asia/Ho_Chi_Minh'

function intlLocale(locale: Locale): string {
	return locale === 'vi' ? 'vi-VN' : 'en-GB'
}

/** "14:05 24/11/2026" style date and time. */
export function formatDateTime(locale: Locale, value: Date | string): string {
	return new Intl.DateTimeFormat(intlLocale(locale), {
		timeZone: TIME_ZONE,
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
		hour: '2-digit',
		minute: '2-digit',
	}).format(new Date(value))
}

/** "14:05". */
export function formatTime(locale: Locale, value: Date | string): string {
	return new Intl.DateTimeFormat(intlLocale(locale), { timeZone: TIME_ZONE, timeStyle: 'short' }).format(
		new Date(value),
	)
}

/** A calendar date "1985-03-07" → "07/03/1985", the way Vietnamese forms write dates. */
export function formatIsoDate(value: string): string {
	const [y, m, d] = value.split('-')
	return `${d}/${m}/${y}`
}
