import { eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { rateLimits } from '#server/identity/schema.ts'

export interface RateLimitRule {
	limit: number
	windowMs: number
	/**
	 * When the count reaches the limit, restart the window at that moment: the key then stays blocked
	 * for a whole window after the last allowed attempt (a lockout) rather than until the window ends.
	 */
	holdAtLimit?: boolean
}

export interface RateLimitState {
	count: number
	windowStart: Date
	/** The count has reached the limit and the window has not ended. */
	blocked: boolean
	/** When the current window ends. */
	resetAt: Date
}

/**
 * Counts one event for a key in a fixed window held in the database (table `rate_limit`), so every
 * app server shares the count. One atomic upsert: concurrent requests cannot slip past the limit.
 */
export async function hitRateLimit(
	db: Database,
	key: string,
	rule: RateLimitRule,
	now = new Date(),
): Promise<RateLimitState> {
	const nowIso = now.toISOString()
	const cutoff = new Date(now.getTime() - rule.windowMs).toISOString()
	const expired = sql`${rateLimits.windowStart} <= ${cutoff}::timestamptz`
	const nextCount = sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`
	const nextStart = rule.holdAtLimit
		? sql`case when ${expired} or ${rateLimits.count} + 1 = ${rule.limit} then ${nowIso}::timestamptz else ${rateLimits.windowStart} end`
		: sql`case when ${expired} then ${nowIso}::timestamptz else ${rateLimits.windowStart} end`
	const [row] = await db
		.insert(rateLimits)
		.values({ key, windowStart: now, count: 1 })
		.onConflictDoUpdate({ target: rateLimits.key, set: { count: nextCount, windowStart: nextStart } })
		.returning({ count: rateLimits.count, windowStart: rateLimits.windowStart })
	return describeWindow(row ?? { count: 1, windowStart: now }, rule, now)
}

/** The current state of a key without counting anything. */
export async function readRateLimit(
	db: Database,
	key: string,
	rule: RateLimitRule,
	now = new Date(),
): Promise<RateLimitState> {
	const [row] = await db
		.select({ count: rateLimits.count, windowStart: rateLimits.windowStart })
		.from(rateLimits)
		.where(eq(rateLimits.key, key))
	if (!row || now.getTime() - row.windowStart.getTime() >= rule.windowMs) {
		return { count: 0, windowStart: now, blocked: false, resetAt: now }
	}
	return describeWindow(row, rule, now)
}

/** Forgets a key (e.g. after a successful sign-in or an administrator's password reset). */
export async function clearRateLimit(db: Database, key: string): Promise<void> {
	await db.delete(rateLimits).where(eq(rateLimits.key, key))
}

function describeWindow(
	row: { count: number; windowStart: Date },
	rule: RateLimitRule,
	now: Date,
): RateLimitState {
	const resetAt = new Date(row.windowStart.getTime() + rule.windowMs)
	return {
		count: row.count,
		windowStart: row.windowStart,
		blocked: row.count >= rule.limit && resetAt > now,
		resetAt,
	}
}
