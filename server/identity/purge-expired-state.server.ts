import { lt } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { oidcLoginStates, rateLimits, sessions } from '#server/identity/schema.ts'

/** Removes expired sessions, abandoned sign-in states and rate-limit windows older than a day. */
export async function purgeExpiredIdentityState(
	db: Database,
	now = new Date(),
): Promise<Record<string, number>> {
	const dayAgo = new Date(now.getTime() - 24 * 60 * 60 * 1000)
	const expiredSessions = await db
		.delete(sessions)
		.where(lt(sessions.expiresAt, now))
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
