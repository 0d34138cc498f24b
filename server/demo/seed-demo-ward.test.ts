import { count, eq, isNotNull, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, demoAccounts } from '#server/demo/demo-accounts.ts'
import type { DemoWard } from '#server/demo/demo-ward-types.ts'
import { generateDemoWard, listDemoCitizens } from '#server/demo/generate-demo-ward.ts'
import { type DemoSeedSummary, hasWard, seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { verifyPassword } from '#server/identity/password.server.ts'
import { roleAssignments, users } from '#server/identity/schema.ts'
import { residents, residentTargetGroups } from '#server/people/schema.ts'
import { decryptField, lookupHash } from '#server/security/personal-data.server.ts'
import { organizations } from '#server/ward/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

const options = { residents: 300, seed: 7 }
let services: TestServices
let summary: DemoSeedSummary
let generated: DemoWard

beforeAll(async () => {
	services = await createTestServices()
	expect(await hasWard(services.db)).toBe(false)
	summary = await seedDemoWard(services, options)
	generated = generateDemoWard(options)
})

afterAll(async () => {
	await services.close()
})

async function rows<T>(query: ReturnType<typeof sql>): Promise<T[]> {
	return ((await services.db.execute(query)) as unknown as { rows: T[] }).rows
}

describe('seedDemoWard', () => {
	it('stores the generated ward and reports its size', async () => {
		expect(await hasWard(services.db)).toBe(true)
		expect(summary).toEqual({
			wardName: 'Phường Sông Công',
			residentialGroups: 5,
			households: generated.households.length,
			residents: 300,
			organizations: generated.organizations.length,
			users: demoAccounts.length,
		})
		const [counts] = await rows<Record<string, number>>(sql`select
			(select count(*) from ward)::int as wards,
			(select count(*) from residential_group)::int as groups,
			(select count(*) from household)::int as households,
			(select count(*) from resident)::int as residents,
			(select count(*) from organization)::int as organizations,
			(select count(*) from organization_membership)::int as memberships`)
		expect(counts).toEqual({
			wards: 1,
			groups: 5,
			households: generated.households.length,
			residents: 300,
			organizations: generated.organizations.length,
			memberships: generated.memberships.length,
		})
	})

	it('keeps no personal ID or phone number in clear anywhere in the resident table', async () => {
		const dump = (await rows<{ row: string }>(sql`select row_to_json(r)::text as row from resident r`))
			.map((r) => r.row)
			.join('\n')
		for (const resident of generated.residents) {
			expect(dump.includes(resident.personalId)).toBe(false)
			if (resident.phone) expect(dump.includes(resident.phone)).toBe(false)
		}
	})

	it('stores the cipher and keyed hash of each number, and the folded name', async () => {
		const sample = generated.residents[3]!
		const stored = await services.db.query.residents.findFirst({
			where: eq(residents.personalIdHash, lookupHash(services.keyring, 'personalId', sample.personalId)),
		})
		expect(stored?.fullName).toBe(sample.fullName)
		expect(decryptField(services.keyring, stored!.personalIdCipher!)).toBe(sample.personalId)
		expect(stored?.searchName).toMatch(/^[a-z ]+$/)
		expect(stored?.birthDate).toBe(sample.birthDate)
	})

	it('derives target groups and keeps the digital ambassadors as manual', async () => {
		const byGroup = await services.db
			.select({ code: residentTargetGroups.targetGroupCode, source: residentTargetGroups.source, n: count() })
			.from(residentTargetGroups)
			.groupBy(residentTargetGroups.targetGroupCode, residentTargetGroups.source)
		const n = (code: string, source = 'derived') =>
			byGroup.find((g) => g.code === code && g.source === source)?.n ?? 0
		const adults = generated.residents.filter((r) => 2025 - r.birthYear >= 18).length
		expect(n('adultCitizen')).toBeGreaterThanOrEqual(adults)
		for (const code of ['elderly', 'student', 'publicEmployee', 'enterpriseWorker', 'communityTechTeam']) {
			expect(n(code), code).toBeGreaterThan(0)
		}
		expect(n('digitalAmbassador', 'manual')).toBe(generated.manualTargetGroups.length)
		expect(n('digitalAmbassador', 'manual')).toBeGreaterThan(0)
		const [groups] = await rows<{ n: number }>(sql`select count(*)::int as n from target_group`)
		expect(groups?.n).toBe(10)
	})

	it('creates the demo accounts with their roles and scopes', async () => {
		const accounts = await services.db
			.select({
				username: users.username,
				passwordHash: users.passwordHash,
				residentId: users.residentId,
				role: roleAssignments.role,
				scopeKind: roleAssignments.scopeKind,
				scopeId: roleAssignments.scopeId,
			})
			.from(users)
			.innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
			// The tech teams' volunteer accounts (no username or password) come with the outreach history.
			.where(isNotNull(users.username))
		expect(accounts.map((a) => a.username).sort()).toEqual(demoAccounts.map((a) => a.username).sort())
		const firstGroup = generated.residentialGroups[0]!.id
		const scopes = Object.fromEntries(accounts.map((a) => [a.role, [a.scopeKind, a.scopeId]]))
		expect(scopes).toEqual({
			wardAdmin: ['ward', null],
			steeringStaff: ['ward', null],
			auditor: ['ward', null],
			instructor: ['ward', null],
			groupLeader: ['residentialGroup', firstGroup],
			volunteer: ['residentialGroup', firstGroup],
			focalPoint: ['organization', generated.primarySchoolId],
			learner: ['self', null],
		})
		const school = await services.db.query.organizations.findFirst({
			where: eq(organizations.id, generated.primarySchoolId),
		})
		expect(school?.name).toMatch(/^Trường Tiểu học /)
		expect(await verifyPassword(accounts[0]!.passwordHash!, DEMO_PASSWORD)).toBe(true)
		expect(new Set(accounts.map((a) => a.passwordHash)).size).toBe(1)
	})

	it('links the learner to the first demo citizen', async () => {
		const learner = await services.db.query.users.findFirst({ where: eq(users.username, 'hocvien') })
		const resident = await services.db.query.residents.findFirst({
			where: eq(residents.id, learner!.residentId!),
		})
		const [citizen] = listDemoCitizens(options, 1)
		expect(resident?.fullName).toBe('Vũ Văn Tư')
		expect(resident?.personalIdHash).toBe(lookupHash(services.keyring, 'personalId', citizen!.personalId))
		expect(resident?.birthDate).toBe(citizen?.birthDate)
		const groups = await services.db
			.select({ code: residentTargetGroups.targetGroupCode })
			.from(residentTargetGroups)
			.where(eq(residentTargetGroups.residentId, resident!.id))
		expect(groups.map((g) => g.code)).toContain('adultCitizen')
	})
})
