import { desc, eq } from 'drizzle-orm'
import type { AppLoadContext } from 'react-router'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { auditLog } from '#server/audit/schema.ts'
import { changeOwnPassword } from '#server/identity/change-own-password.server.ts'
import { createUserAccount } from '#server/identity/create-user-account.server.ts'
import { resetUserPassword, setAccountStatus } from '#server/identity/manage-account.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { grantRole, revokeRole } from '#server/identity/role-assignments.server.ts'
import { roleAssignments, users } from '#server/identity/schema.ts'
import { createSession, findActiveSession } from '#server/identity/session.server.ts'
import { signInWithPassword } from '#server/identity/sign-in-with-password.server.ts'
import {
	createIdentityWard,
	createUserWithRole,
	type IdentityWard,
} from '#server/identity/testing/identity-fixtures.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let ward: IdentityWard
let admin: { id: string; username: string }
beforeAll(async () => {
	services = await createTestServices()
	ward = await createIdentityWard(services)
	admin = await createUserWithRole(services, ward, 'wardAdmin')
})
afterAll(async () => {
	await services.close()
})

const audit = () => ({
	actor: { userId: admin.id, label: admin.username, wardId: ward.wardId },
	ip: '127.0.0.1',
	requestId: 't',
})
const signIn = (identifier: string, password: string) =>
	signInWithPassword(services, {
		identifier,
		password,
		ip: `10.2.0.${Math.floor(Math.random() * 250)}`,
		userAgent: null,
		requestId: 't',
	})
const lastAction = async () =>
	(await services.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1))[0]?.action

describe('creating accounts', () => {
	test('with a temporary password that must be changed, role and scope, audited', async () => {
		const created = await createUserAccount(services, audit(), {
			wardId: ward.wardId,
			username: 'TinhNguyen.To1',
			displayName: ' Đỗ Thị Hoa ',
			phone: '0966 111 222',
			role: 'volunteer',
			scopeId: ward.groups[0],
		})
		if (!created.ok) throw new Error(created.error)
		expect(created.temporaryPassword).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}$/)
		const row = await services.db.query.users.findFirst({ where: eq(users.id, created.userId) })
		expect(row).toMatchObject({
			username: 'tinhnguyen.to1',
			displayName: 'Đỗ Thị Hoa',
			mustChangePassword: true,
		})
		expect(await lastAction()).toBe('account.created')
		const session = await signIn('0966111222', created.temporaryPassword ?? '')
		expect(session.status).toBe('ok')
		if (session.status !== 'ok') return
		// With a temporary password, every page but the account page sends the person there.
		const request = new Request('http://localhost/quan-tri/nhat-ky', {
			headers: { Cookie: `hv_session=${session.token}` },
		})
		const context = { app: services, requestId: 't', clientIp: null } as AppLoadContext
		await expect(requirePermission(request, context, 'people.read')).rejects.toMatchObject({ status: 302 })
		const user = await requirePermission(request, context, 'account.self')
		const changed = await changeOwnPassword(services, audit(), {
			userId: user.id,
			sessionId: user.sessionId,
			currentPassword: created.temporaryPassword ?? '',
			newPassword: 'mot cum tu de nho',
		})
		expect(changed.ok).toBe(true)
		expect(
			(await services.db.query.users.findFirst({ where: eq(users.id, user.id) }))?.mustChangePassword,
		).toBe(false)
	})

	test('refuses a taken username or phone and a scope from elsewhere', async () => {
		const base = {
			wardId: ward.wardId,
			displayName: 'X',
			role: 'groupLeader' as const,
			scopeId: ward.groups[1],
		}
		expect(
			await createUserAccount(services, audit(), { ...base, username: admin.username.toUpperCase() }),
		).toEqual({ ok: false, error: 'usernameTaken' })
		expect(
			await createUserAccount(services, audit(), { ...base, username: 'moi-1', phone: '+84966111222' }),
		).toEqual({ ok: false, error: 'phoneTaken' })
		expect(
			await createUserAccount(services, audit(), {
				...base,
				username: 'moi-2',
				scopeId: ward.organizations[0],
			}),
		).toEqual({ ok: false, error: 'invalidScope' })
		expect(await createUserAccount(services, audit(), { ...base, username: 'moi-3', scopeId: null })).toEqual(
			{ ok: false, error: 'invalidScope' },
		)
	})
})

describe('roles', () => {
	test('are granted with a scope, not twice, and revoked', async () => {
		const user = await createUserWithRole(services, ward, 'instructor')
		const grant = {
			wardId: ward.wardId,
			userId: user.id,
			role: 'focalPoint' as const,
			scopeId: ward.organizations[1],
		}
		expect(await grantRole(services, audit(), grant)).toEqual({ ok: true })
		expect(await lastAction()).toBe('account.roleGranted')
		expect(await grantRole(services, audit(), grant)).toEqual({ ok: false, error: 'alreadyHeld' })
		const rows = await services.db.select().from(roleAssignments).where(eq(roleAssignments.userId, user.id))
		expect(rows.map((r) => [r.role, r.scopeKind]).sort()).toEqual([
			['focalPoint', 'organization'],
			['instructor', 'ward'],
		])
		const focal = rows.find((r) => r.role === 'focalPoint')
		expect(
			await revokeRole(services, audit(), { wardId: ward.wardId, assignmentId: focal?.id ?? '' }),
		).toEqual({ ok: true })
		expect(await lastAction()).toBe('account.roleRevoked')
	})

	test('the last active administrator cannot lose the role or be disabled', async () => {
		const fresh = await createTestServices()
		try {
			const w = await createIdentityWard(fresh)
			const only = await createUserWithRole(fresh, w, 'wardAdmin')
			const [assignment] = await fresh.db
				.select()
				.from(roleAssignments)
				.where(eq(roleAssignments.userId, only.id))
			const a = { actor: { userId: null, label: 'cli', wardId: w.wardId }, ip: null, requestId: null }
			expect(await revokeRole(fresh, a, { wardId: w.wardId, assignmentId: assignment?.id ?? '' })).toEqual({
				ok: false,
				error: 'lastAdmin',
			})
			expect(
				await setAccountStatus(fresh, a, { wardId: w.wardId, userId: only.id, status: 'disabled' }),
			).toEqual({ ok: false, error: 'lastAdmin' })
		} finally {
			await fresh.close()
		}
	})
})

describe('password reset and disabling', () => {
	test('a reset issues a temporary password, ends sessions and lifts a lockout', async () => {
		const user = await createUserWithRole(services, ward, 'auditor')
		const { token } = await createSession(services, { userId: user.id, ip: null, userAgent: null })
		for (let i = 0; i < 5; i++) await signIn(user.username, 'sai')
		expect((await signIn(user.username, user.password)).status).toBe('locked')
		const reset = await resetUserPassword(services, audit(), { wardId: ward.wardId, userId: user.id })
		if (!reset.ok) throw new Error('reset')
		expect(await findActiveSession(services.db, token)).toBeNull()
		expect((await signIn(user.username, user.password)).status).toBe('invalid')
		expect((await signIn(user.username, reset.temporaryPassword)).status).toBe('ok')
	})

	test('disabling ends sessions at once and blocks sign-in; not oneself', async () => {
		const user = await createUserWithRole(services, ward, 'volunteer')
		const { token } = await createSession(services, { userId: user.id, ip: null, userAgent: null })
		expect(
			await setAccountStatus(services, audit(), { wardId: ward.wardId, userId: user.id, status: 'disabled' }),
		).toEqual({ ok: true })
		expect(await findActiveSession(services.db, token)).toBeNull()
		expect((await signIn(user.username, user.password)).status).toBe('disabled')
		expect(
			await setAccountStatus(services, audit(), { wardId: ward.wardId, userId: user.id, status: 'active' }),
		).toEqual({ ok: true })
		expect((await signIn(user.username, user.password)).status).toBe('ok')
		expect(
			await setAccountStatus(services, audit(), {
				wardId: ward.wardId,
				userId: admin.id,
				status: 'disabled',
			}),
		).toEqual({ ok: false, error: 'self' })
	})
})
