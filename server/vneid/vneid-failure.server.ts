import { type VneidErrorCode, VneidSignInError } from '#server/vneid/vneid-errors.ts'

/**
 * Maps a failed sign-in to what the page shows. Expected failures (a refusal, an expired or replayed
 * state) are logged as warnings with their code; anything else is a bug and is rethrown, so the
 * root error boundary shows the generic Vietnamese 500 page.
 */
export function vneidFailure(error: unknown, requestId: string): { code: VneidErrorCode; status: number } {
	if (!(error instanceof VneidSignInError)) throw error
	const cause = error.cause instanceof Error ? `: ${error.cause.name} ${error.cause.message}` : ''
	console.warn(`[${requestId}] VNeID sign-in stopped: ${error.code}${cause}`)
	return { code: error.code, status: error.status }
}
