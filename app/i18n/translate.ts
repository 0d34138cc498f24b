import { en } from '#app/i18n/en.ts'
import { type MessageKey, vi } from '#app/i18n/vi.ts'

export const locales = ['vi', 'en'] as const
export type Locale = (typeof locales)[number]
export type { MessageKey }

const catalogs: Record<Locale, Record<MessageKey, string>> = { vi, en }

export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string

/** Returns a translator for a locale; `{name}` placeholders are filled from params. */
export function createTranslator(locale: Locale): Translate {
	const catalog = catalogs[locale]
	return (key, params) => {
		const template = catalog[key] ?? vi[key] ?? key
		if (!params) return template
		return template.replace(/\{(\w+)\}/g, (match, name: string) =>
			name in params ? String(params[name]) : match,
		)
	}
}

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value)
}

/** Formats numbers the Vietnamese way (1.234,5) or the English way. */
export function formatNumber(locale: Locale, value: number): string {
	return new Intl.NumberFormat(locale === 'vi' ? 'vi-VN' : 'en-GB').format(value)
}
