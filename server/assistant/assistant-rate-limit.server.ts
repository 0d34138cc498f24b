import crypto from 'node:crypto'
import type { AppServices } from '#server/app-services.server.ts'
import { hitRateLimit, type RateLimitRule, type RateLimitState } from '#server/security/rate-limit.server.ts'

/**
 * Questions per address: generous for a person (one every few seconds) and for a ward office behind
 * one address, while a script hammering the public assistant is slowed. Counted in the shared
 * rate_limit table, so every app server sees the same count.
 */
export const ASK_RATE_LIMIT: RateLimitRule = { limit: 30, windowMs: 60_000 }

/**
 * Counts one question for the client's address. The key holds a keyed hash of the address, not the
 * address itself (the assistant is public; its counters need not say who asked).
 */
export async function countAssistantQuestion(
	services: AppServices,
	clientIp: string | null,
	now = new Date(),
): Promise<RateLimitState> {
	const who = crypto
		.createHmac('sha256', services.keyring.signingKey)
		.update(`assistant:${clientIp ?? 'unknown'}`)
		.digest('base64url')
		.slice(0, 22)
	return hitRateLimit(services.db, `assistant:ip:${who}`, ASK_RATE_LIMIT, now)
}
