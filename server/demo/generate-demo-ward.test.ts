import { describe, expect, it } from 'vitest'
import { demoAccounts } from '#server/demo/demo-accounts.ts'
import type { DemoWard } from '#server/demo/demo-ward-types.ts'
import { generateDemoWard, listDemoCitizens, residentialGroupCount } from '#server/demo/generate-demo-ward.ts'
import { validatePersonalId } from '#server/people/personal-id.ts'
import { organizationKinds } from '#server/ward/schema.ts'

const ward5000 = generateDemoWard({ residents: 5000, seed: 2026 })
const ageOf = (birthYear: number) => 2025 - birthYear

function share(ward: DemoWard, test: (r: DemoWard['residents'][number]) => boolean): number {
	return ward.residents.filter(test).length / ward.residents.length
}

describe('generateDemoWard', () => {
	it('gives the same ward for the same seed, another for another seed', () => {
		expect(generateDemoWard({ residents: 800, seed: 11 })).toEqual(
			generateDemoWard({ residents: 800, seed: 11 }),
		)
		const other = generateDemoWard({ residents: 800, seed: 12 })
		const names = (w: DemoWard) => w.residents.map((r) => r.fullName).join()
		expect(names(other)).not.toBe(names(generateDemoWard({ residents: 800, seed: 11 })))
	})

	it.each([1, 10, 37, 300, 2000])('creates exactly %i residents', (residents) => {
		const ward = generateDemoWard({ residents, seed: 5 })
		expect(ward.residents).toHaveLength(residents)
		expect(ward.residentialGroups).toHaveLength(residentialGroupCount(residents))
	})

	it('scales the residential groups with the ward: 40 at 5,000, never fewer than 5', () => {
		expect(ward5000.residentialGroups).toHaveLength(40)
		expect(ward5000.residentialGroups[0]?.name).toBe('Tổ dân phố Số 1')
		expect(residentialGroupCount(300)).toBe(5)
		expect(residentialGroupCount(100_000)).toBe(800)
		const perGroup = new Map<string, number>()
		for (const r of ward5000.residents)
			perGroup.set(r.residentialGroupId, (perGroup.get(r.residentialGroupId) ?? 0) + 1)
		for (const count of perGroup.values()) expect(count).toBeGreaterThan(100)
		expect(perGroup.size).toBe(40)
	})

	it('gives everyone a valid personal ID that agrees with their sex and birth year, and unique', () => {
		const ids = new Set<string>()
		for (const r of ward5000.residents) {
			const check = validatePersonalId(r.personalId, {
				sex: r.sex,
				birthYear: r.birthYear,
				currentYear: 2026,
			})
			expect(check, `${r.fullName} ${r.personalId}`).toMatchObject({ ok: true, restoredLeadingZeros: 0 })
			ids.add(r.personalId)
		}
		expect(ids.size).toBe(ward5000.residents.length)
		expect(share(ward5000, (r) => r.personalId.startsWith('019'))).toBeGreaterThan(0.6)
	})

	it('writes real birth dates and Vietnamese mobile numbers, none under 14', () => {
		const phones = new Set<string>()
		for (const r of ward5000.residents) {
			const date = new Date(`${r.birthDate}T00:00:00Z`)
			expect(date.toISOString().slice(0, 10)).toBe(r.birthDate)
			expect(date.getUTCFullYear()).toBe(r.birthYear)
			if (r.phone !== null) {
				expect(r.phone).toMatch(/^0[35789]\d{8}$/)
				expect(ageOf(r.birthYear)).toBeGreaterThanOrEqual(14)
				phones.add(r.phone)
			}
		}
		expect(phones.size).toBe(ward5000.residents.filter((r) => r.phone !== null).length)
	})

	it('builds households of 1–7 people with one head, an adult', () => {
		const members = new Map<string, DemoWard['residents']>()
		for (const r of ward5000.residents) members.set(r.householdId, [...(members.get(r.householdId) ?? []), r])
		expect(members.size).toBe(ward5000.households.length)
		for (const list of members.values()) {
			expect(list.length).toBeGreaterThanOrEqual(1)
			expect(list.length).toBeLessThanOrEqual(7)
			expect(list.filter((r) => r.relationToHead === 'Chủ hộ')).toHaveLength(1)
			expect(list[0]?.relationToHead).toBe('Chủ hộ')
			expect(ageOf(list[0]!.birthYear)).toBeGreaterThanOrEqual(18)
		}
		const codes = new Set(ward5000.households.map((h) => h.code))
		expect(codes.size).toBe(ward5000.households.length)
		expect(ward5000.households[0]?.address).toMatch(/^Số \d+, (ngõ \d+, )?Đường .+, Tổ dân phố Số 1$/)
	})

	it('follows the shape of Vietnam’s population', () => {
		const w = ward5000
		expect(share(w, (r) => ageOf(r.birthYear) < 16)).toBeGreaterThan(0.2)
		expect(share(w, (r) => ageOf(r.birthYear) < 16)).toBeLessThan(0.28)
		expect(share(w, (r) => ageOf(r.birthYear) >= 60)).toBeGreaterThan(0.1)
		expect(share(w, (r) => ageOf(r.birthYear) >= 60)).toBeLessThan(0.16)
		expect(share(w, (r) => r.sex === 'male')).toBeGreaterThan(0.47)
		expect(share(w, (r) => r.sex === 'male')).toBeLessThan(0.53)
		expect(share(w, (r) => r.hasDisability)).toBeGreaterThan(0.025)
		expect(share(w, (r) => r.hasDisability)).toBeLessThan(0.05)
		expect(share(w, (r) => r.ethnicity !== 'Kinh')).toBeGreaterThan(0.05)
		expect(share(w, (r) => r.ethnicity !== 'Kinh')).toBeLessThan(0.15)
		expect(share(w, (r) => r.residence === 'temporary')).toBeGreaterThan(0.02)
		expect(share(w, (r) => r.residence === 'temporary')).toBeLessThan(0.1)
		expect(share(w, (r) => r.fullName.startsWith('Nguyễn '))).toBeGreaterThan(0.3)
		const poor = w.households.filter((h) => h.povertyStatus === 'poor').length / w.households.length
		const nearPoor = w.households.filter((h) => h.povertyStatus === 'nearPoor').length / w.households.length
		expect(poor).toBeGreaterThan(0.01)
		expect(poor).toBeLessThan(0.035)
		expect(nearPoor).toBeGreaterThan(0.015)
		expect(nearPoor).toBeLessThan(0.045)
	})

	it('gives VNeID only from 14, level 2 to most adults', () => {
		const adults = ward5000.residents.filter((r) => ageOf(r.birthYear) >= 18)
		expect(ward5000.residents.filter((r) => ageOf(r.birthYear) < 14 && r.vneidLevel > 0)).toEqual([])
		expect(adults.filter((r) => r.vneidLevel === 2).length / adults.length).toBeGreaterThan(0.6)
		for (const r of ward5000.residents) expect(r.vneidUpdatedOn === null).toBe(r.vneidLevel === 0)
	})

	it('creates organisations of every kind, each membership once', () => {
		const kinds = new Set(ward5000.organizations.map((o) => o.kind))
		for (const kind of organizationKinds) expect(kinds).toContain(kind)
		const residentIds = new Set(ward5000.residents.map((r) => r.id))
		const organizationIds = new Set(ward5000.organizations.map((o) => o.id))
		const keys = new Set<string>()
		for (const m of ward5000.memberships) {
			expect(residentIds.has(m.residentId)).toBe(true)
			expect(organizationIds.has(m.organizationId)).toBe(true)
			keys.add(`${m.organizationId}:${m.residentId}:${m.kind}`)
		}
		expect(keys.size).toBe(ward5000.memberships.length)
		for (const o of ward5000.organizations) if (o.parentId) expect(organizationIds.has(o.parentId)).toBe(true)
	})

	it('puts pupils in the class of their age and each residential group in its own tech team', () => {
		const byId = new Map(ward5000.residents.map((r) => [r.id, r]))
		const primary = ward5000.organizations.find((o) => o.id === ward5000.primarySchoolId)
		expect(primary?.name).toMatch(/^Trường Tiểu học /)
		const pupils = ward5000.memberships.filter(
			(m) => m.organizationId === ward5000.primarySchoolId && m.kind === 'student',
		)
		expect(pupils.length).toBeGreaterThan(200)
		for (const m of pupils) {
			const grade = Number(m.position?.match(/^Lớp (\d)[A-Z]$/)?.[1])
			expect(grade).toBe(2025 - byId.get(m.residentId)!.birthYear - 5)
		}
		const teams = ward5000.organizations.filter((o) => o.kind === 'communityTechTeam')
		expect(new Set(teams.map((t) => t.residentialGroupId))).toEqual(
			new Set(ward5000.residentialGroups.map((g) => g.id)),
		)
		for (const team of teams) {
			const members = ward5000.memberships.filter((m) => m.organizationId === team.id)
			expect(members.length).toBeGreaterThanOrEqual(3)
			expect(members.length).toBeLessThanOrEqual(5)
		}
	})

	it('names about 2% of adults digital ambassadors, all reachable', () => {
		const adults = ward5000.residents.filter((r) => ageOf(r.birthYear) >= 18)
		const byId = new Map(ward5000.residents.map((r) => [r.id, r]))
		expect(ward5000.manualTargetGroups.length / adults.length).toBeGreaterThan(0.015)
		expect(ward5000.manualTargetGroups.length / adults.length).toBeLessThan(0.025)
		for (const row of ward5000.manualTargetGroups) {
			expect(byId.get(row.residentId)?.phone).not.toBeNull()
			expect(byId.get(row.residentId)?.vneidLevel).toBe(2)
		}
	})

	it('scales to 100,000 residents in memory', () => {
		const big = generateDemoWard({ residents: 100_000, seed: 2026 })
		expect(big.residents).toHaveLength(100_000)
		expect(new Set(big.residents.map((r) => r.personalId)).size).toBe(100_000)
		expect(new Set(big.residents.map((r) => r.id)).size).toBe(100_000)
		expect(big.residentialGroups).toHaveLength(800)
	})
})

describe('listDemoCitizens', () => {
	it('starts with the demo learner, who is the learner account’s resident', () => {
		const learner = demoAccounts.find((a) => a.role === 'learner')!
		const [first] = listDemoCitizens({ residents: 5000, seed: 2026 }, 3)
		expect(first?.fullName).toBe(learner.displayName)
		const resident = ward5000.residents.find((r) => r.id === ward5000.learnerResidentId)!
		expect(first).toEqual({
			fullName: resident.fullName,
			personalId: resident.personalId,
			birthDate: resident.birthDate,
			sex: resident.sex,
			phone: resident.phone,
		})
		expect(resident.sex).toBe(learner.resident?.sex)
		expect(resident.birthYear).toBe(learner.resident?.birthYear)
	})

	it('lists adults exactly as the ward holds them, the same whatever the size', () => {
		const citizens = listDemoCitizens({ residents: 5000, seed: 2026 }, 50)
		expect(citizens).toHaveLength(50)
		const adults = ward5000.residents.filter((r) => ageOf(r.birthYear) >= 18).slice(0, 50)
		expect(citizens.map((c) => c.personalId)).toEqual(adults.map((r) => r.personalId))
		expect(listDemoCitizens({ residents: 300, seed: 2026 }, 50)).toEqual(citizens)
		expect(listDemoCitizens({ residents: 10, seed: 2026 }, 50).length).toBeLessThan(10)
	})
})
