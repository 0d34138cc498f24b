import { redirect } from 'react-router'
import { z } from 'zod'
import { readPreferences, serializePreferences } from '#app/utils/preferences.server.ts'
import { safeRedirectPath } from '#app/utils/safe-redirect.ts'
import type { Route } from './+types/preferences'

const PreferencesFormSchema = z.object({
	locale: z.enum(['vi', 'en']).optional(),
	textSize: z.enum(['normal', 'large']).optional(),
	contrast: z.enum(['normal', 'high']).optional(),
	returnTo: z.string().optional(),
})

/** Saves display preferences from the header form; works without JavaScript. */
export async function action({ request }: Route.ActionArgs) {
	const form = Object.fromEntries(await request.formData())
	const parsed = PreferencesFormSchema.safeParse(form)
	const current = await readPreferences(request)
	const next = parsed.success ? { ...current, ...stripUndefined(parsed.data) } : current
	const { returnTo: _ignored, ...prefs } = next as typeof next & { returnTo?: string }
	return redirect(safeRedirectPath(parsed.success ? parsed.data.returnTo : null), {
		headers: { 'Set-Cookie': await serializePreferences(prefs) },
	})
}

export function loader() {
	return redirect('/')
}

function stripUndefined<T extends Record<string, unknown>>(value: T): Partial<T> {
	return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>
}
