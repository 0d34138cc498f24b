import crypto from 'node:crypto'
import { and, eq, gt, lt, ne, or, sql } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { preparedPerDatabase } from '#server/db/prepared.server.ts'
import type { RoleGrant } from '#server/identity/permissions.ts'
import { roleAssignments, sessions, users } from '#server/identity/schema.ts'
import { readCookie, serializeCookie, serializeExpiredCookie } from '#server/security/cookies.server.ts'

/** The cookie that carries the session token (never the token's hash, never user data). */
export const SESSION_COOKIE = 'hv_session'
/** A session ends after this long without a request… */
export const SESSION_IDLE_MS = 2 * 60 * 60 * 1000
/** …and in any case this long after sign-in (see docs/decisions/004-sessions-and-sign-in.md). */
export const SESSION_ABSOLUTE_MS = 12 * 60 * 60 * 1000
/** lastSeenAt is written at most this often, so reading pages does not write on every request. */
export const SESSION_TOUCH_MS = 5 * 60 * 1000

const USER_AGENT_MAX = 300

/** SHA-256 of a session token: what the table stores, so a copy of the database opens no session. */
export function hashSessionToken(token: string): string {
	return crypto.createHash('sha256').update(token).digest('base64url')
}

/** Starts a session for a user who has just proved who they are (password or VNeID). */
export async function createSession(
	services: AppServices,
	input: { userId: string; ip: string | null; userAgent: string | null },
): Promise<{ token: string; expiresAt: Date }> {
	const token = crypto.randomBytes(32).toString('base64url')
	const now = new Date()
	const expiresAt = new Date(now.getTime() + SESSION_ABSOLUTE_MS)
	await services.db.transaction(async (tx) => {
		// Expired sessions of this person go now rather than waiting for the hourly purge.
		await tx
			.delete(sessions)
			.where(
				and(
					eq(sessions.userId, input.userId),
					or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleCutoff(now))),
				),
			)
		await tx.insert(sessions).values({
			tokenHash: hashSessionToken(token),
			userId: input.userId,
			csrfSecret: crypto.randomBytes(32).toString('base64url'),
			ip: input.ip,
			userAgent: input.userAgent?.slice(0, USER_AGENT_MAX) ?? null,
			createdAt: now,
			lastSeenAt: now,
			expiresAt,
		})
		await tx.update(users).set({ lastLoginAt: now }).where(eq(users.id, input.userId))
	})
	return { token, expiresAt }
}

/** The Set-Cookie header value that hands the session token to the browser. */
export function serializeSessionCookie(token: string, expiresAt: Date, request: Request): string {
	return serializeCookie(SESSION_COOKIE, token, request, { expires: expiresAt })
}

/** The Set-Cookie header value that removes the session cookie. */
export function clearSessionCookie(request: Request): string {
	return serializeExpiredCookie(SESSION_COOKIE, request)
}

export function readSessionToken(request: Request): string | null {
	const token = readCookie(request, SESSION_COOKIE)
	return token && /^[\w-]{20,100}$/.test(token) ? token : null
}

export interface ActiveSession {
	sessionId: string
	userId: string
	csrfSecret: string
}

/** A live session with its account and role grants, as one query reads them (see current-user). */
export interface SignedInAccount extends ActiveSession {
	account: {
		id: string
		wardId: string
		username: string | null
		displayName: string
		residentId: string | null
		mustChangePassword: boolean
	}
	roles: RoleGrant[]
}

/**
 * The live session for a token with its account and roles, in one round trip (every page asks: the
 * root loader and the route's loader): not expired, not idle too long, and its account still active.
 * Refreshes lastSeenAt when it is older than SESSION_TOUCH_MS.
 */
export async function findSignedInAccount(
	db: Database,
	token: string,
	now = new Date(),
): Promise<SignedInAccount | null> {
	const [row] = await signedInAccountQuery(db).execute({
		tokenHash: hashSessionToken(token),
		now,
		idleCutoff: idleCutoff(now),
	})
	if (!row) return null
	if (now.getTime() - row.lastSeenAt.getTime() > SESSION_TOUCH_MS) {
		await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, row.sessionId))
	}
	return {
		sessionId: row.sessionId,
		userId: row.account.id,
		csrfSecret: row.csrfSecret,
		account: row.account,
		roles: row.roles,
	}
}

const signedInAccountQuery = preparedPerDatabase((db) =>
	db
		.select({
			sessionId: sessions.id,
			csrfSecret: sessions.csrfSecret,
			lastSeenAt: sessions.lastSeenAt,
			account: {
				id: users.id,
				wardId: users.wardId,
				username: users.username,
				displayName: users.displayName,
				residentId: users.residentId,
				mustChangePassword: users.mustChangePassword,
			},
			roles: sql<
				RoleGrant[]
			>`(select coalesce(json_agg(json_build_object('role', r.role, 'scopeKind', r.scope_kind, 'scopeId', r.scope_id)), '[]'::json)
				from ${roleAssignments} r where r.user_id = ${users.id})`,
		})
		.from(sessions)
		.innerJoin(users, eq(users.id, sessions.userId))
		.where(
			and(
				eq(sessions.tokenHash, sql.placeholder('tokenHash')),
				gt(sessions.expiresAt, sql.placeholder('now')),
				gt(sessions.lastSeenAt, sql.placeholder('idleCutoff')),
				eq(users.status, 'active'),
			),
		)
		.limit(1)
		.prepare('find_signed_in_account'),
)

/** The live session for a token (findSignedInAccount without the account). */
export async function findActiveSession(
	db: Database,
	token: string,
	now = new Date(),
): Promise<ActiveSession | null> {
	const found = await findSignedInAccount(db, token, now)
	return found && { sessionId: found.sessionId, userId: found.userId, csrfSecret: found.csrfSecret }
}

/** Ends one session (sign-out). */
export async function destroySession(services: AppServices, sessionId: string): Promise<void> {
	await services.db.delete(sessions).where(eq(sessions.id, sessionId))
}

/**
 * Ends every session of a user ("sign out everywhere", account disabled, password reset), optionally
 * keeping the one making the request. Returns how many ended.
 */
export async function destroyAllSessionsForUser(
	services: AppServices,
	userId: string,
	options: { exceptSessionId?: string } = {},
): Promise<number> {
	const where = options.exceptSessionId
		? and(eq(sessions.userId, userId), ne(sessions.id, options.exceptSessionId))
		: eq(sessions.userId, userId)
	const ended = await services.db.delete(sessions).where(where).returning({ id: sessions.id })
	return ended.length
}

export interface SessionSummary {
	id: string
	createdAt: Date
	lastSeenAt: Date
	userAgent: string | null
}

/** A person's own live sessions, newest first, for the account page. */
export async function listSessionsForUser(
	db: Database,
	userId: string,
	now = new Date(),
): Promise<SessionSummary[]> {
	return db
		.select({
			id: sessions.id,
			createdAt: sessions.createdAt,
			lastSeenAt: sessions.lastSeenAt,
			userAgent: sessions.userAgent,
		})
		.from(sessions)
		.where(
			and(eq(sessions.userId, userId), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleCutoff(now))),
		)
		.orderBy(sessions.createdAt)
}

function idleCutoff(now: Date): Date {
	return new Date(now.getTime() - SESSION_IDLE_MS)
}
