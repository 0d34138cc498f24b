import crypto from 'node:crypto'
import type { Keyring } from '#server/security/keyring.server.ts'

/** Before sign-in there is no session: a signed double-submit cookie protects the sign-in form. */
export const ANONYMOUS_CSRF_COOKIE = 'hv_csrf'

/** A fresh anonymous token: `<random>.<HMAC(signing key, random)>`. */
export function createAnonymousCsrfToken(keyring: Keyring): string {
	const nonce = crypto.randomBytes(24).toString('base64url')
	return `${nonce}.${sign(keyring, nonce)}`
}

/** True when a token was made by createAnonymousCsrfToken with this installation's key. */
export function isSignedAnonymousCsrfToken(keyring: Keyring, token: string | null | undefined): boolean {
	if (!token) return false
	const [nonce, signature, extra] = token.split('.')
	if (!nonce || !signature || extra !== undefined) return false
	return tokensEqual(signature, sign(keyring, nonce))
}

/** Constant-time comparison of two tokens. */
export function tokensEqual(a: string | null | undefined, b: string | null | undefined): boolean {
	if (typeof a !== 'string' || typeof b !== 'string' || a.length === 0) return false
	const left = Buffer.from(a)
	const right = Buffer.from(b)
	return left.length === right.length && crypto.timingSafeEqual(left, right)
}

function sign(keyring: Keyring, nonce: string): string {
	return crypto.createHmac('sha256', keyring.signingKey).update(`csrf:${nonce}`).digest('base64url')
}
