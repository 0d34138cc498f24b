import type { AppLoadContext } from 'react-router'
import { getCurrentUser } from '#server/identity/current-user.server.ts'
import { forbidden } from '#server/identity/policy.server.ts'
import { readCookie, serializeCookie } from '#server/security/cookies.server.ts'
import {
	ANONYMOUS_CSRF_COOKIE,
	createAnonymousCsrfToken,
	isSignedAnonymousCsrfToken,
	tokensEqual,
} from '#server/security/csrf.server.ts'
import { CSRF_FIELD } from '#server/security/csrf-field.ts'

/**
 * Refuses (403) a form post whose CSRF token is missing or wrong. Signed in: the token must be the
 * session's synchronizer token. Signed out (the sign-in form): the token must equal the signed
 * `hv_csrf` cookie. See docs/decisions/005-csrf.md.
 */
export async function requireCsrf(
	request: Request,
	formData: FormData,
	context: AppLoadContext,
): Promise<void> {
	const sent = formData.get(CSRF_FIELD)
	const token = typeof sent === 'string' ? sent : null
	const user = await getCurrentUser(request, context)
	if (user) {
		if (!tokensEqual(token, user.csrfToken)) throw forbidden('csrf')
		return
	}
	const cookie = readCookie(request, ANONYMOUS_CSRF_COOKIE)
	if (!tokensEqual(token, cookie) || !isSignedAnonymousCsrfToken(context.app.keyring, cookie)) {
		throw forbidden('csrf')
	}
}

/**
 * Reads a form post and checks its CSRF token in one step: the usual first line of an action. A body
 * that is not a form counts as a form without a token (403), not as a server error.
 */
export async function readCsrfCheckedForm(request: Request, context: AppLoadContext): Promise<FormData> {
	let formData: FormData
	try {
		formData = await request.formData()
	} catch {
		formData = new FormData()
	}
	await requireCsrf(request, formData, context)
	return formData
}

/**
 * The token forms on this page must carry (the root loader hands it to <CsrfInput />), and the
 * Set-Cookie to send when a signed-out visitor has no valid anonymous token yet.
 */
export async function csrfTokenForPage(
	request: Request,
	context: AppLoadContext,
): Promise<{ token: string; setCookie: string | null }> {
	const user = await getCurrentUser(request, context)
	if (user) return { token: user.csrfToken, setCookie: null }
	const existing = readCookie(request, ANONYMOUS_CSRF_COOKIE)
	if (existing && isSignedAnonymousCsrfToken(context.app.keyring, existing)) {
		return { token: existing, setCookie: null }
	}
	const token = createAnonymousCsrfToken(context.app.keyring)
	return { token, setCookie: serializeCookie(ANONYMOUS_CSRF_COOKIE, token, request) }
}
