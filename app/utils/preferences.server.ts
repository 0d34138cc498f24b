import { createCookie } from 'react-router'
import { z } from 'zod'
import type { Locale } from '#app/i18n/translate.ts'

/** Display preferences persist in a cookie so they apply before any script runs. */
export const PreferencesSchema = z.object({
	locale: z.enum(['vi', 'en']).catch('vi'),
	textSize: z.enum(['normal', 'large']).catch('normal'),
	contrast: z.enum(['normal', 'high']).catch('normal'),
})
export type Preferences = z.infer<typeof PreferencesSchema>

const preferencesCookie = createCookie('hv_prefs', {
	path: '/',
	sameSite: 'lax',
	httpOnly: true,
	maxAge: 60 * 60 * 24 * 365,
})

const defaults: Preferences = { locale: 'vi', textSize: 'normal', contrast: 'normal' }

export async function readPreferences(request: Request): Promise<Preferences> {
	const raw = await preferencesCookie.parse(request.headers.get('Cookie'))
	const parsed = PreferencesSchema.safeParse(raw ?? {})
	const prefs = parsed.success ? parsed.data : defaults
	if (raw?.locale === undefined) prefs.locale = localeFromAcceptLanguage(request)
	return prefs
}

export function serializePreferences(prefs: Preferences): Promise<string> {
	return preferencesCookie.serialize(prefs)
}

/** Vietnamese unless the browser asks for English before Vietnamese. */
function localeFromAcceptLanguage(request: Request): Locale {
	const header = request.headers.get('Accept-Language') ?? ''
	const en = header.indexOf('en')
	const vi = header.indexOf('vi')
	return en !== -1 && (vi === -1 || en < vi) ? 'en' : 'vi'
}
