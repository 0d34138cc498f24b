import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { auditLog } from '#server/audit/schema.ts'
import { roleAssignments, users } from '#server/identity/schema.ts'
import { residents } from '#server/people/schema.ts'
import { lookupHash, protectField } from '#server/security/personal-data.server.ts'
import { linkVneidAccount } from '#server/vneid/link-vneid-account.server.ts'
import type { VneidIdentity } from '#server/vneid/vneid-claims.ts'
import { VneidSignInError } from '#server/vneid/vneid-errors.ts'
import { wards } from '#server/ward/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let wardId: string
const audit = { ip: '203.0.113.7', requestId: 'test-request-0001' }

function identity(personalId: string, extra: Partial<VneidIdentity> = {}): VneidIdentity {
	return {
		personalId,
		fullName: 'Trần Thị Mơ',
		birthDate: '1958-07-02',
		sex: 'female',
		phone: null,
		...extra,
	}
}

async function addResident(personalId: string, fullName: string) {
	const id = protectField(services.keyring, 'personalId', personalId)
	const [row] = await services.db
		.insert(residents)
		.values({
			wardId,
			fullName,
			searchName: fullName.toLowerCase(),
			sex: 'female',
			birthYear: 1958,
			personalIdCipher: id.cipher,
			personalIdHash: id.hash,
		})
		.returning({ id: residents.id })
	return row!.id
}

async function rolesOf(userId: string) {
	return services.db
		.select({
			role: roleAssignments.role,
			scopeKind: roleAssignments.scopeKind,
			scopeId: roleAssignments.scopeId,
		})
		.from(roleAssignments)
		.where(eq(roleAssignments.userId, userId))
}

async function auditFor(userId: string) {
	return services.db
		.select({ action: auditLog.action, details: auditLog.details, ip: auditLog.ip })
		.from(auditLog)
		.where(eq(auditLog.entityId, userId))
}

beforeAll(async () => {
	services = await createTestServices()
	const [ward] = await services.db
		.insert(wards)
		.values({ code: '05443', name: 'Phường Thử Nghiệm', provinceName: 'Thái Nguyên', provinceIdCode: '019' })
		.returning({ id: wards.id })
	wardId = ward!.id
})

afterAll(async () => {
	await services?.close()
})

describe('linkVneidAccount', () => {
	it('creates a learner linked to the resident with that personal ID, storing only its keyed hash', async () => {
		const residentId = await addResident('019158000001', 'Trần Thị Mơ')
		const account = await linkVneidAccount(services, identity('019158000001'), audit)
		expect(account).toMatchObject({ wardId, residentId, outcome: 'createdLinked' })
		const user = await services.db.query.users.findFirst({ where: eq(users.id, account.userId) })
		expect(user).toMatchObject({
			displayName: 'Trần Thị Mơ',
			residentId,
			personalIdHash: lookupHash(services.keyring, 'personalId', '019158000001'),
			username: null,
			passwordHash: null,
			status: 'active',
		})
		expect(JSON.stringify(user)).not.toContain('019158000001')
		expect(await rolesOf(account.userId)).toEqual([{ role: 'learner', scopeKind: 'self', scopeId: null }])
		expect(await auditFor(account.userId)).toEqual([
			{
				action: 'account.created',
				ip: '203.0.113.7',
				details: { method: 'vneid', role: 'learner', residentId, residentMatched: true },
			},
		])
	})

	it('signs an existing account in again without creating another', async () => {
		const first = await linkVneidAccount(services, identity('019158000001'), audit)
		const again = await linkVneidAccount(services, identity('019158000001', { fullName: 'Tên khác' }), audit)
		expect(again).toEqual({ ...first, outcome: 'existing' })
		const count = await services.db
			.select({ id: users.id })
			.from(users)
			.where(eq(users.personalIdHash, lookupHash(services.keyring, 'personalId', '019158000001')))
		expect(count).toHaveLength(1)
	})

	it('creates an unmatched learner when the registry does not hold the person, and records it for staff', async () => {
		const account = await linkVneidAccount(
			services,
			identity('001090009999', { fullName: 'Lê Văn Khách' }),
			audit,
		)
		expect(account).toMatchObject({ wardId, residentId: null, outcome: 'createdUnmatched' })
		expect(await rolesOf(account.userId)).toEqual([{ role: 'learner', scopeKind: 'self', scopeId: null }])
		expect(await auditFor(account.userId)).toEqual([
			{
				action: 'account.created',
				ip: '203.0.113.7',
				details: { method: 'vneid', role: 'learner', residentId: null, residentMatched: false },
			},
		])
	})

	it('links the unmatched account at the next sign-in once the ward has added the person', async () => {
		const residentId = await addResident('001090009999', 'Lê Văn Khách')
		const account = await linkVneidAccount(services, identity('001090009999'), audit)
		expect(account).toMatchObject({ residentId, outcome: 'existing' })
		const actions = (await auditFor(account.userId)).map((entry) => entry.action)
		expect(actions).toEqual(['account.created', 'account.residentLinked'])
	})

	it("gives the ward's own account for a resident its personal ID instead of creating a second one", async () => {
		const residentId = await addResident('019062001234', 'Vũ Văn Tư')
		const [own] = await services.db
			.insert(users)
			.values({ wardId, username: 'hocvien', displayName: 'Vũ Văn Tư', residentId })
			.returning({ id: users.id })
		const account = await linkVneidAccount(
			services,
			identity('019062001234', { fullName: 'Vũ Văn Tư' }),
			audit,
		)
		expect(account).toEqual({ userId: own!.id, wardId, residentId, outcome: 'linkedExisting' })
		const again = await linkVneidAccount(services, identity('019062001234'), audit)
		expect(again).toMatchObject({ userId: own!.id, outcome: 'existing' })
	})

	it('keeps a shared phone number as its keyed hash only', async () => {
		const account = await linkVneidAccount(services, identity('001190004321', { phone: '0987654321' }), audit)
		const user = await services.db.query.users.findFirst({ where: eq(users.id, account.userId) })
		expect(user?.phoneHash).toBe(lookupHash(services.keyring, 'phone', '0987654321'))
		// Another person sharing the same number does not take it over.
		const other = await linkVneidAccount(services, identity('001190004322', { phone: '0987654321' }), audit)
		const otherUser = await services.db.query.users.findFirst({ where: eq(users.id, other.userId) })
		expect(otherUser?.phoneHash).toBeNull()
	})

	it('refuses a disabled account', async () => {
		const account = await linkVneidAccount(services, identity('001090007777'), audit)
		await services.db.update(users).set({ status: 'disabled' }).where(eq(users.id, account.userId))
		const error = await linkVneidAccount(services, identity('001090007777'), audit).catch((e: unknown) => e)
		expect(error).toBeInstanceOf(VneidSignInError)
		expect((error as VneidSignInError).code).toBe('accountDisabled')
	})

	it('creates one account when the same person signs in twice at once', async () => {
		const [a, b] = await Promise.all([
			linkVneidAccount(services, identity('001090005555'), audit),
			linkVneidAccount(services, identity('001090005555'), audit),
		])
		expect(a.userId).toBe(b.userId)
	})
})
