import { desc, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { auditLog } from '#server/audit/schema.ts'
import { users } from '#server/identity/schema.ts'
import { findActiveSession } from '#server/identity/session.server.ts'
import { SIGN_IN_PER_IP, signInWithPassword } from '#server/identity/sign-in-with-password.server.ts'
import {
	createIdentityWard,
	createUserWithRole,
	type IdentityWard,
} from '#server/identity/testing/identity-fixtures.ts'
import { lookupHash, normalizePhone } from '#server/security/personal-data.server.ts'
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

let ipCounter = 0
/** Each test signs in from its own address so the per-address limit does not couple them. */
function attempt(identifier: string, password: string, ip = `10.1.0.${++ipCounter}`) {
	return signInWithPassword(services, {
		identifier,
		password,
		ip,
		userAgent: 'vitest',
		requestId: 'req-test-1',
	})
}

async function lastAudit() {
	const [row] = await services.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1)
	return row
}

describe('password sign-in', () => {
	test('opens a session with the right password, by username in any case', async () => {
		const user = await createUserWithRole(services, ward, 'groupLeader')
		const result = await attempt(user.username.toUpperCase(), user.password)
		expect(result.status).toBe('ok')
		if (result.status !== 'ok') return
		expect((await findActiveSession(services.db, result.token))?.userId).toBe(user.id)
		expect(await lastAudit()).toMatchObject({
			action: 'auth.signIn',
			actorUserId: user.id,
			ip: expect.any(String),
		})
	})

	test('finds the account by phone number through its keyed hash', async () => {
		const user = await createUserWithRole(services, ward, 'volunteer')
		const phoneHash = lookupHash(services.keyring, 'phone', normalizePhone('0977 000 111'))
		await services.db.update(users).set({ phoneHash }).where(eq(users.id, user.id))
		expect((await attempt('+84977000111', user.password)).status).toBe('ok')
	})

	test('answers the same for a wrong password and an unknown account', async () => {
		const user = await createUserWithRole(services, ward, 'volunteer')
		expect(await attempt(user.username, 'sai-mat-khau')).toEqual({ status: 'invalid' })
		expect(await attempt('khong-ton-tai', 'sai-mat-khau')).toEqual({ status: 'invalid' })
		const audit = await lastAudit()
		expect(audit).toMatchObject({ action: 'auth.signIn.failed', actorUserId: null })
		expect(JSON.stringify(audit)).not.toContain('khong-ton-tai')
	})

	test('locks an account for 15 minutes after 5 wrong passwords, even with the right one', async () => {
		const user = await createUserWithRole(services, ward, 'instructor')
		for (let i = 0; i < 4; i++) expect((await attempt(user.username, `sai-${i}`)).status).toBe('invalid')
		const fifth = await attempt(user.username, 'sai-5')
		expect(fifth.status).toBe('locked')
		if (fifth.status === 'locked') {
			const minutes = (fifth.until.getTime() - Date.now()) / 60_000
			expect(minutes).toBeGreaterThan(14)
			expect(minutes).toBeLessThanOrEqual(15)
		}
		expect((await attempt(user.username, user.password)).status).toBe('locked')
		const row = await services.db.query.users.findFirst({ where: eq(users.id, user.id) })
		expect(row?.lockedUntil).not.toBeNull()
		expect((await lastAudit())?.action).toBe('auth.signIn.failed')
	})

	test('locks an unknown identifier the same way, so lockout reveals nothing', async () => {
		for (let i = 0; i < 4; i++) expect((await attempt('ai-do', `sai-${i}`)).status).toBe('invalid')
		expect((await attempt('ai-do', 'sai-5')).status).toBe('locked')
	})

	test('refuses a disabled account only after the right password', async () => {
		const user = await createUserWithRole(services, ward, 'auditor')
		await services.db.update(users).set({ status: 'disabled' }).where(eq(users.id, user.id))
		expect((await attempt(user.username, 'sai')).status).toBe('invalid')
		expect((await attempt(user.username, user.password)).status).toBe('disabled')
	})

	test('limits attempts per address across accounts', async () => {
		const ip = '10.9.9.9'
		for (let i = 0; i < SIGN_IN_PER_IP.limit; i++) {
			expect((await attempt(`nguoi-${i}`, 'x', ip)).status).not.toBe('rateLimited')
		}
		expect((await attempt('nguoi-cuoi', 'x', ip)).status).toBe('rateLimited')
		expect((await attempt('nguoi-cuoi', 'x', '10.9.9.10')).status).toBe('invalid')
	}, 120_000)
})
