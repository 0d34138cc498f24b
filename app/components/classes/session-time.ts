import type { Locale } from '#app/i18n/translate.ts'

/** A session's day and hours in Vietnam time, as people read them: "Thứ Ba, 08/12/2026", "08:00". */
export function sessionTime(startsAt: Date | string, endsAt: Date | string, locale: Locale) {
	const zone = 'Asia/Ho_Chi_Minh'
	const tag = locale === 'vi' ? 'vi-VN' : 'en-GB'
	const date = new Intl.DateTimeFormat(tag, {
		timeZone: zone,
		weekday: 'long',
		day: '2-digit',
		month: '2-digit',
		year: 'numeric',
	}).format(new Date(startsAt))
	const hours = new Intl.DateTimeFormat(tag, {
		timeZone: zone,
		hour: '2-digit',
		minute: '2-digit',
		hour12: false,
	})
	return { date, start: hours.format(new Date(startsAt)), end: hours.format(new Date(endsAt)) }
}
