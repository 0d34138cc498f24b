import { lt, or } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { oidcLoginStates, rateLimits, sessions } from '#server/identity/schema.ts'
import { SESSION_IDLE_MS } from '#server/identity/session.server.ts'

/**
 * Removes sessions past their absolute or idle expiry, abandoned sign-in states and rate-limit
 * windows older than a day.
 */
export async function purgeExpiredIdentityState(
	db: Database,
	now = new Date(),
): Promise<Record<string, number>> {
	const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000)
	const idleCutoff = new Date(now.getTime() - SESSION_IDLE_MS)
	const expiredSessions = await db
		.delete(sessions)
		.where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff)))
		.returning({ id: sessions.id })
	const states = await db
		.delete(oidcLoginStates)
		.where(lt(oidcLoginStates.expiresAt, now))
		.returning({ state: oidcLoginStates.state })
	const windows = await db
		.delete(rateLimits)
		.where(lt(rateLimits.windowStart, dayAgo))
		.returning({ key: rateLimits.key })
	return { sessions: expiredSessions.length, loginStates: states.length, rateLimitWindows: windows.length }
}
