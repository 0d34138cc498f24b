import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { findUserForSignIn } from '#server/identity/find-user-for-sign-in.server.ts'
import { hashPassword, verifyPassword } from '#server/identity/password.server.ts'
import { users } from '#server/identity/schema.ts'
import { createSession } from '#server/identity/session.server.ts'
import {
	clearRateLimit,
	hitRateLimit,
	type RateLimitRule,
	readRateLimit,
} from '#server/security/rate-limit.server.ts'

/** Sign-in attempts from one address (all attempts, any account): generous for an office behind NAT. */
export const SIGN_IN_PER_IP: RateLimitRule = { limit: 300, windowMs: 15 * 60 * 1000 }
/** Wrong passwords for one account before it is locked, and for how long (docs/decisions/004-sessions-and-sign-in.md). */
export const SIGN_IN_LOCKOUT: RateLimitRule = { limit: 5, windowMs: 15 * 60 * 1000, holdAtLimit: true }

export interface SignInInput {
	identifier: string
	password: string
	ip: string | null
	userAgent: string | null
	requestId: string
}

export type SignInResult =
	| { status: 'ok'; userId: string; token: string; expiresAt: Date }
	| { status: 'invalid' }
	| { status: 'locked'; until: Date }
	| { status: 'rateLimited'; until: Date }
	| { status: 'disabled' }

// Verified against when the account does not exist, so both cases take the same time.
let dummyHash: Promise<string> | undefined

/**
 * Username/phone + password sign-in with per-address rate limiting and per-account lockout. Unknown
 * identifiers are counted and locked exactly like real accounts, so neither the message nor the
 * lockout reveals whether an account exists. Every outcome is audit-logged.
 */
export async function signInWithPassword(services: AppServices, input: SignInInput): Promise<SignInResult> {
	const { db } = services
	const base = { ip: input.ip, requestId: input.requestId }
	const perIp = await hitRateLimit(db, `signin:ip:${input.ip ?? 'unknown'}`, SIGN_IN_PER_IP)
	if (perIp.count > SIGN_IN_PER_IP.limit) return { status: 'rateLimited', until: perIp.resetAt }

	const user = await findUserForSignIn(services, input.identifier)
	const actor = { userId: user?.id ?? null, label: user?.username ?? null, wardId: user?.wardId ?? null }
	const audit = { ...base, actor, entityType: user ? 'user' : null, entityId: user?.id ?? null }
	const failKey = user
		? `signin:fail:user:${user.id}`
		: `signin:fail:id:${identifierHash(services, input.identifier)}`

	const lock = await readRateLimit(db, failKey, SIGN_IN_LOCKOUT)
	if (lock.blocked) {
		await recordAudit(db, { ...audit, action: 'auth.signIn.failed', details: { reason: 'locked' } })
		return { status: 'locked', until: lock.resetAt }
	}

	dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'))
	const valid = await verifyPassword(user?.passwordHash ?? (await dummyHash), input.password)
	if (!user?.passwordHash || !valid) {
		const failures = await hitRateLimit(db, failKey, SIGN_IN_LOCKOUT)
		if (user) {
			await db
				.update(users)
				.set({ failedLoginCount: failures.count, lockedUntil: failures.blocked ? failures.resetAt : null })
				.where(eq(users.id, user.id))
		}
		const reason = !user ? 'unknownAccount' : !user.passwordHash ? 'noPassword' : 'wrongPassword'
		if (failures.blocked) {
			await recordAudit(db, {
				...audit,
				action: 'auth.lockout',
				details: { reason, failures: failures.count },
			})
			return { status: 'locked', until: failures.resetAt }
		}
		await recordAudit(db, {
			...audit,
			action: 'auth.signIn.failed',
			details: { reason, failures: failures.count },
		})
		return { status: 'invalid' }
	}
	if (user.status !== 'active') {
		await recordAudit(db, { ...audit, action: 'auth.signIn.failed', details: { reason: 'disabled' } })
		return { status: 'disabled' }
	}

	await clearRateLimit(db, failKey)
	await db.update(users).set({ failedLoginCount: 0, lockedUntil: null }).where(eq(users.id, user.id))
	const session = await createSession(services, { userId: user.id, ip: input.ip, userAgent: input.userAgent })
	await recordAudit(db, { ...audit, action: 'auth.signIn', details: { method: 'password' } })
	return { status: 'ok', userId: user.id, ...session }
}

/** The rate-limit key for an identifier that names no account: keyed hash, never the text itself. */
function identifierHash(services: AppServices, identifier: string): string {
	return crypto
		.createHmac('sha256', services.keyring.hashKey)
		.update(`signin:${identifier.trim().toLowerCase()}`)
		.digest('base64url')
}
