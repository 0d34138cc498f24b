import { createCookie } from 'react-router'
import { z } from 'zod'

/**
 * Display preferences persist in a cookie so they apply before any script runs. The language is
 * Vietnamese until the person picks English: many phones in Vietnam are set to English, and their
 * owners still expect the ward's service in Vietnamese.
 */
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
	return parsed.success ? parsed.data : defaults
}

export function serializePreferences(prefs: Preferences): Promise<string> {
	return preferencesCookie.serialize(prefs)
}
