import { readCookie, serializeCookie, serializeExpiredCookie } from '#server/security/cookies.server.ts'
import { LOGIN_STATE_TTL_MS } from '#server/vneid/login-state.server.ts'

/**
 * Binds a sign-in to the browser that started it: the callback must carry the same state as this
 * cookie, or someone could make a victim's browser finish a sign-in the attacker started (login CSRF).
 * SameSite=Lax still sends it on VNeID's top-level redirect back to us.
 */
export const VNEID_STATE_COOKIE = 'hv_vneid_state'

export function serializeVneidStateCookie(state: string, request: Request): string {
	return serializeCookie(VNEID_STATE_COOKIE, state, request, { maxAgeSeconds: LOGIN_STATE_TTL_MS / 1000 })
}

export function clearVneidStateCookie(request: Request): string {
	return serializeExpiredCookie(VNEID_STATE_COOKIE, request)
}

export function readVneidStateCookie(request: Request): string | null {
	const value = readCookie(request, VNEID_STATE_COOKIE)
	return value && /^[\w-]{20,100}$/.test(value) ? value : null
}
