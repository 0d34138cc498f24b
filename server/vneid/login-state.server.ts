import { eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { oidcLoginStates } from '#server/identity/schema.ts'

/** Ten minutes to get through VNeID's pages; abandoned rows are purged by the hourly job. */
export const LOGIN_STATE_TTL_MS = 10 * 60 * 1000

export interface LoginState {
	state: string
	nonce: string
	codeVerifier: string
	returnTo: string | null
}

/**
 * Keeps what the callback must check in the database, not in process memory: the callback may reach
 * another app server behind the load balancer than the one that started the sign-in.
 */
export async function saveLoginState(db: Database, login: LoginState, now = new Date()): Promise<void> {
	await db.insert(oidcLoginStates).values({
		...login,
		createdAt: now,
		expiresAt: new Date(now.getTime() + LOGIN_STATE_TTL_MS),
	})
}

export type ConsumedLoginState =
	| { ok: true; login: LoginState }
	| { ok: false; reason: 'unknown' | 'expired' }

/**
 * Takes a state out of the table: a single DELETE … RETURNING, so of two requests carrying the same
 * state (a replayed callback) at most one gets it, whichever app server each reaches.
 */
export async function consumeLoginState(
	db: Database,
	state: string,
	now = new Date(),
): Promise<ConsumedLoginState> {
	const [row] = await db.delete(oidcLoginStates).where(eq(oidcLoginStates.state, state)).returning({
		state: oidcLoginStates.state,
		nonce: oidcLoginStates.nonce,
		codeVerifier: oidcLoginStates.codeVerifier,
		returnTo: oidcLoginStates.returnTo,
		expiresAt: oidcLoginStates.expiresAt,
	})
	if (!row) return { ok: false, reason: 'unknown' }
	if (row.expiresAt <= now) return { ok: false, reason: 'expired' }
	const { expiresAt: _expiresAt, ...login } = row
	return { ok: true, login }
}
