import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { certificates } from '#server/certification/schema.ts'
import {
	createIdentityWard,
	createUserWithRole,
	type IdentityWard,
} from '#server/identity/testing/identity-fixtures.ts'
import { learningTracks } from '#server/learning/schema.ts'
import { households, residents } from '#server/people/schema.ts'
import {
	computeDigitalFamilies,
	readDigitalFamilyCriteria,
	saveDigitalFamilyCriteria,
} from '#server/programmes/digital-family.server.ts'
import { ambassadorAssignments, residentDigitalPractices } from '#server/programmes/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

// "Gia đình số" computed on a hand-built set of households, in the year 2026.
let services: TestServices
let ward: IdentityWard
const YEAR = 2026
const codes = new Map<string, string>()

interface Member {
	birthYear: number
	vneid: 0 | 1 | 2
	cashless?: boolean
	certified?: boolean
	status?: 'active' | 'movedAway'
}

async function household(code: string, group: string, members: Member[]) {
	const [h] = await services.db
		.insert(households)
		.values({ wardId: ward.wardId, residentialGroupId: group, code })
		.returning({ id: households.id })
	codes.set(code, h!.id)
	for (const [i, m] of members.entries()) {
		const [r] = await services.db
			.insert(residents)
			.values({
				wardId: ward.wardId,
				householdId: h!.id,
				residentialGroupId: group,
				fullName: `Thành viên ${code}-${i}`,
				searchName: `thanh vien ${code}-${i}`,
				sex: 'female',
				birthYear: m.birthYear,
				vneidLevel: m.vneid,
				status: m.status ?? 'active',
			})
			.returning({ id: residents.id })
		if (m.cashless)
			await services.db
				.insert(residentDigitalPractices)
				.values({ residentId: r!.id, practice: 'cashlessPayment', source: 'staff', since: '2026-01-01' })
		if (m.certified)
			await services.db.insert(certificates).values({
				wardId: ward.wardId,
				residentId: r!.id,
				trackId: 'citizen-test',
				code: `C${code}${i}`,
				basis: 'final_assessment',
				issuedOn: '2026-05-01',
			})
	}
}

beforeAll(async () => {
	services = await createTestServices()
	ward = await createIdentityWard(services)
	await services.db.insert(learningTracks).values({
		id: 'citizen-test',
		nameVi: 'Người dân',
		nameEn: 'Citizens',
		description: 'Lộ trình thử',
		position: 1,
		targetGroups: ['adultCitizen'],
		completion: {},
		revision: 1,
		contentHash: 'x',
	})
	const [g1, g2] = ward.groups
	// Meets: both adults at level 2, one pays cashless, one certified; the child does not count as an adult.
	await household('GDS-1', g1, [
		{ birthYear: 1980, vneid: 2, cashless: true },
		{ birthYear: 1982, vneid: 2, certified: true },
		{ birthYear: 2015, vneid: 0 },
	])
	// An adult still at level 1.
	await household('GDS-2', g1, [
		{ birthYear: 1975, vneid: 2, cashless: true, certified: true },
		{ birthYear: 1950, vneid: 1 },
	])
	// Nobody certified.
	await household('GDS-3', g2, [{ birthYear: 1990, vneid: 2, cashless: true }])
	// Only a 17-year-old (not an adult at 18; an adult if the ward sets 16), and someone who moved away.
	await household('GDS-4', g2, [
		{ birthYear: 2009, vneid: 2, cashless: true, certified: true },
		{ birthYear: 1960, vneid: 0, status: 'movedAway' },
	])
})
afterAll(async () => {
	await services.close()
})

const scoped = (groups: 'all' | string[]) => async () =>
	computeDigitalFamilies(services.db, {
		wardId: ward.wardId,
		groupIds: groups,
		criteria: await readDigitalFamilyCriteria(services.db, ward.wardId),
		year: YEAR,
	})

describe('Gia đình số', () => {
	test('with the default criteria only the household meeting all of them counts', async () => {
		const result = await scoped([ward.groups[0], ward.groups[1]])()
		// The identity fixture's own household (members without VNeID level 2) is in group 1 too.
		expect(result.households).toBe(5)
		expect(result.digitalFamilies).toBe(1)
		expect(result.byCriterion.adultsVneidLevel2).toBe(2) // GDS-1, GDS-3
		expect(result.byCriterion.cashlessPayment).toBe(4)
		expect(result.byCriterion.memberCertified).toBe(3)
		expect(result.byGroup).toEqual([
			expect.objectContaining({ groupId: ward.groups[0], households: 3, digitalFamilies: 1 }),
			expect.objectContaining({ groupId: ward.groups[1], households: 2, digitalFamilies: 0 }),
		])
	})

	test('the ward’s own criteria change the result: no certificate needed, adults from 16', async () => {
		const criteria = await readDigitalFamilyCriteria(services.db, ward.wardId)
		await saveDigitalFamilyCriteria(services.db, {
			wardId: ward.wardId,
			by: (await createUserWithRole(services, ward, 'wardAdmin')).id,
			criteria: criteria.map((c) =>
				c.kind === 'memberCertified'
					? { ...c, enabled: false }
					: c.kind === 'adultsVneidLevel2'
						? { ...c, threshold: 16 }
						: c,
			),
		})
		const result = await scoped('all')()
		// GDS-1, GDS-3 (no certificate needed) and GDS-4 (the 17-year-old is an adult at 16).
		expect(result.digitalFamilies).toBe(3)
	})

	test('an ambassador criterion counts only households someone looks after now', async () => {
		const criteria = (await readDigitalFamilyCriteria(services.db, ward.wardId)).map((c) =>
			c.kind === 'ambassadorAssigned' ? { ...c, enabled: true } : c,
		)
		await services.db.insert(ambassadorAssignments).values([
			{ wardId: ward.wardId, ambassadorResidentId: ward.residents[0], householdId: codes.get('GDS-1')! },
			{
				wardId: ward.wardId,
				ambassadorResidentId: ward.residents[0],
				householdId: codes.get('GDS-3')!,
				endedAt: new Date(),
			},
		])
		const result = await computeDigitalFamilies(services.db, {
			wardId: ward.wardId,
			groupIds: 'all',
			criteria,
			year: YEAR,
		})
		expect(result.digitalFamilies).toBe(1)
	})

	test('a group leader’s scope counts only their groups', async () => {
		const result = await scoped([ward.groups[1]])()
		expect(result.households).toBe(2)
		expect(await scoped([])().then((r) => r.households)).toBe(0)
	})
})
