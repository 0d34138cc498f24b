/**
 * Why a VNeID sign-in did not complete. Each code has its own Vietnamese explanation
 * (`vneid.error.<code>` in app/i18n/vi.ts) and HTTP status; none carries a stack to the page.
 */
export const vneidErrorStatus = {
	/** No issuer configured (VNEID_ISSUER, VNEID_CLIENT_ID, VNEID_CLIENT_SECRET) and no sandbox. */
	notConfigured: 503,
	/** Too many sign-ins started from one address in a short time. */
	rateLimited: 429,
	/** The issuer could not be reached (discovery, token or userinfo request failed on the network). */
	providerUnavailable: 502,
	/** No state, a state this browser did not start, or a state already used (replay). */
	stateMismatch: 400,
	/** The sign-in took longer than the state's lifetime. */
	expired: 400,
	/** The person refused to share their data, or cancelled, at VNeID. */
	consentDenied: 403,
	/** VNeID answered with an error, or its answer failed validation (ID token, nonce, PKCE…). */
	providerError: 502,
	/** The identity carried no usable personal ID number. */
	missingPersonalId: 502,
	/** The matching account is disabled. */
	accountDisabled: 403,
	/** The installation has no ward to attach a new account to. */
	noWard: 503,
	/** Several wards, and the person is in none of their registries: no ward to attach them to. */
	notInRegistry: 404,
} as const

export type VneidErrorCode = keyof typeof vneidErrorStatus

export function isVneidErrorCode(value: unknown): value is VneidErrorCode {
	return typeof value === 'string' && value in vneidErrorStatus
}

export class VneidSignInError extends Error {
	readonly status: number
	constructor(
		readonly code: VneidErrorCode,
		options?: { cause?: unknown },
	) {
		super(`VNeID sign-in failed: ${code}`, options)
		this.name = 'VneidSignInError'
		this.status = vneidErrorStatus[code]
	}
}
