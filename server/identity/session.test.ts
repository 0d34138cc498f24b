import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { sessions, users } from '#server/identity/schema.ts'
import {
	createSession,
	destroyAllSessionsForUser,
	destroySession,
	findActiveSession,
	hashSessionToken,
	SESSION_ABSOLUTE_MS,
	SESSION_IDLE_MS,
	SESSION_TOUCH_MS,
	serializeSessionCookie,
} from '#server/identity/session.server.ts'
import {
	createIdentityWard,
	createUserWithRole,
	type IdentityWard,
} from '#server/identity/testing/identity-fixtures.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let ward: IdentityWard
beforeAll(async () => {
	services = await createTestServices()
	ward = await createIdentityWard(services)
})
afterAll(async () => {
	await services.close()
})

describe('sessions', () => {
	test('store only the hash of the token, and find the session by the token', async () => {
		const user = await createUserWithRole(services, ward, 'volunteer')
		const { token, expiresAt } = await createSession(services, {
			userId: user.id,
			ip: '10.0.0.1',
			userAgent: 'UA',
		})
		expect(expiresAt.getTime() - Date.now()).toBeGreaterThan(SESSION_ABSOLUTE_MS - 60_000)
		const rows = await services.db.select().from(sessions).where(eq(sessions.userId, user.id))
		expect(rows).toHaveLength(1)
		expect(rows[0]?.tokenHash).toBe(hashSessionToken(token))
		expect(JSON.stringify(rows)).not.toContain(token)
		const found = await findActiveSession(services.db, token)
		expect(found?.userId).toBe(user.id)
		expect(found?.csrfSecret).toMatch(/^[\w-]{40,}$/)
		expect(await findActiveSession(services.db, `${token}x`)).toBeNull()
	})

	test('end after the idle time and after the absolute lifetime', async () => {
		const user = await createUserWithRole(services, ward, 'volunteer')
		const { token } = await createSession(services, { userId: user.id, ip: null, userAgent: null })
		const now = Date.now()
		expect(await findActiveSession(services.db, token, new Date(now + SESSION_IDLE_MS - 1000))).not.toBeNull()
		// That look-up refreshed lastSeenAt, so the idle clock restarted.
		expect(await findActiveSession(services.db, token, new Date(now + SESSION_IDLE_MS + 1000))).not.toBeNull()
		expect(
			await findActiveSession(services.db, token, new Date(now + 2 * SESSION_IDLE_MS + 60_000)),
		).toBeNull()
		const second = await createSession(services, { userId: user.id, ip: null, userAgent: null })
		expect(
			await findActiveSession(services.db, second.token, new Date(now + SESSION_ABSOLUTE_MS + 1000)),
		).toBeNull()
	})

	test('refresh lastSeenAt at most every few minutes', async () => {
		const user = await createUserWithRole(services, ward, 'volunteer')
		const { token } = await createSession(services, { userId: user.id, ip: null, userAgent: null })
		const readLastSeen = async () =>
			(
				await services.db
					.select({ at: sessions.lastSeenAt })
					.from(sessions)
					.where(eq(sessions.userId, user.id))
			)[0]?.at
		const first = await readLastSeen()
		await findActiveSession(services.db, token, new Date(Date.now() + SESSION_TOUCH_MS - 10_000))
		expect(await readLastSeen()).toEqual(first)
		const later = new Date(Date.now() + SESSION_TOUCH_MS + 10_000)
		await findActiveSession(services.db, token, later)
		expect((await readLastSeen())?.getTime()).toBe(later.getTime())
	})

	test('end when the account is disabled, one by one, or all at once', async () => {
		const user = await createUserWithRole(services, ward, 'instructor')
		const a = await createSession(services, { userId: user.id, ip: null, userAgent: null })
		const b = await createSession(services, { userId: user.id, ip: null, userAgent: null })
		const c = await createSession(services, { userId: user.id, ip: null, userAgent: null })
		const sa = await findActiveSession(services.db, a.token)
		await destroySession(services, sa?.sessionId ?? '')
		expect(await findActiveSession(services.db, a.token)).toBeNull()
		const sb = await findActiveSession(services.db, b.token)
		expect(await destroyAllSessionsForUser(services, user.id, { exceptSessionId: sb?.sessionId })).toBe(1)
		expect(await findActiveSession(services.db, b.token)).not.toBeNull()
		expect(await findActiveSession(services.db, c.token)).toBeNull()
		await services.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id))
		expect(await findActiveSession(services.db, b.token)).toBeNull()
	})
})

describe('session cookie', () => {
	test('is httpOnly, SameSite=Lax, and Secure over HTTPS only', () => {
		const expires = new Date('2026-12-01T00:00:00Z')
		const plain = serializeSessionCookie('tok', expires, new Request('http://localhost/dang-nhap'))
		expect(plain).toBe(
			'hv_session=tok; Path=/; SameSite=Lax; HttpOnly; Expires=Tue, 01 Dec 2026 00:00:00 GMT',
		)
		const secure = serializeSessionCookie('tok', expires, new Request('https://hocvuso.example/dang-nhap'))
		expect(secure).toContain('; Secure')
	})
})
