import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { refreshDerivedTargetGroups } from '#server/people/refresh-target-groups.server.ts'
import { households, residents, residentTargetGroups } from '#server/people/schema.ts'
import { foldVietnamese } from '#server/people/search-name.ts'
import { organizationMemberships, organizations, residentialGroups, wards } from '#server/ward/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
const asOf = '2026-03-01'

interface PersonSpec {
	name: string
	birthDate?: string
	birthYear?: number
	household?: 'poor' | 'nearPoor' | 'none'
	ethnicity?: string
	hasDisability?: boolean
	status?: 'active' | 'movedAway'
	ward?: 'other'
}

const ids = new Map<string, string>()
const orgIds = new Map<string, string>()

async function groupsOf(name: string): Promise<string[]> {
	const rows = await services.db
		.select({ code: residentTargetGroups.targetGroupCode, source: residentTargetGroups.source })
		.from(residentTargetGroups)
		.where(eq(residentTargetGroups.residentId, ids.get(name)!))
	return rows.map((r) => (r.source === 'manual' ? `${r.code}(manual)` : r.code)).sort()
}

beforeAll(async () => {
	services = await createTestServices()
	const { db } = services
	const [ward, otherWard] = await db
		.insert(wards)
		.values([
			{ code: 'T1', name: 'Phường Thử', provinceName: 'Tỉnh Thái Nguyên', provinceIdCode: '019' },
			{ code: 'T2', name: 'Phường Khác', provinceName: 'Tỉnh Thái Nguyên', provinceIdCode: '019' },
		])
		.returning({ id: wards.id })
	const [group, otherGroup] = await db
		.insert(residentialGroups)
		.values([
			{ wardId: ward!.id, code: '1', name: 'Tổ dân phố Số 1' },
			{ wardId: otherWard!.id, code: '1', name: 'Tổ dân phố Số 1' },
		])
		.returning({ id: residentialGroups.id })
	const householdIds: Record<string, string> = {}
	for (const status of ['none', 'poor', 'nearPoor'] as const) {
		const [row] = await db
			.insert(households)
			.values({ wardId: ward!.id, residentialGroupId: group!.id, code: status, povertyStatus: status })
			.returning({ id: households.id })
		householdIds[status] = row!.id
	}
	const people: PersonSpec[] = [
		{ name: 'Mười tám hôm nay', birthDate: '2008-03-01' },
		{ name: 'Chưa đủ mười tám', birthDate: '2008-03-02' },
		{ name: 'Chỉ biết năm sinh', birthYear: 2008 },
		{ name: 'Sáu mươi', birthDate: '1966-02-28' },
		{ name: 'Hộ nghèo', birthDate: '1990-05-05', household: 'poor' },
		{ name: 'Hộ cận nghèo', birthDate: '1990-05-05', household: 'nearPoor' },
		{ name: 'Cán bộ', birthDate: '1980-01-01' },
		{ name: 'Đã nghỉ việc', birthDate: '1980-01-01' },
		{ name: 'Giáo viên', birthDate: '1985-01-01' },
		{ name: 'Học sinh', birthDate: '2016-09-01' },
		{ name: 'Trẻ mầm non', birthDate: '2022-01-01' },
		{ name: 'Công nhân', birthDate: '1995-01-01' },
		{ name: 'Giám đốc HTX', birthDate: '1970-01-01' },
		{ name: 'Tổ công nghệ số', birthDate: '2000-01-01' },
		{ name: 'Hội viên phụ nữ', birthDate: '1975-01-01' },
		{ name: 'Khuyết tật', birthDate: '1950-06-01', hasDisability: true },
		{ name: 'Người Tày', birthDate: '2010-01-01', ethnicity: 'Tày' },
		{ name: 'Người Kinh', birthDate: '2010-01-01', ethnicity: ' kinh ' },
		{ name: 'Đã chuyển đi', birthDate: '1950-01-01', status: 'movedAway', ethnicity: 'Nùng' },
		{ name: 'Đại sứ số', birthDate: '2001-01-01' },
		{ name: 'Phường khác', birthDate: '1940-01-01', ward: 'other' },
	]
	for (const person of people) {
		const other = person.ward === 'other'
		const [row] = await db
			.insert(residents)
			.values({
				wardId: other ? otherWard!.id : ward!.id,
				residentialGroupId: other ? otherGroup!.id : group!.id,
				householdId: other ? null : householdIds[person.household ?? 'none'],
				fullName: person.name,
				searchName: foldVietnamese(person.name),
				sex: 'female',
				birthDate: person.birthDate ?? null,
				birthYear: person.birthYear ?? Number(person.birthDate!.slice(0, 4)),
				ethnicity: person.ethnicity ?? 'Kinh',
				hasDisability: person.hasDisability ?? false,
				status: person.status ?? 'active',
			})
			.returning({ id: residents.id })
		ids.set(person.name, row!.id)
	}
	const orgs = [
		['ubnd', 'agency'],
		['school', 'school'],
		['kindergarten', 'school'],
		['firm', 'enterprise'],
		['coop', 'cooperative'],
		['team', 'communityTechTeam'],
		['women', 'massOrganization'],
	] as const
	for (const [key, kind] of orgs) {
		const [row] = await db
			.insert(organizations)
			.values({ wardId: ward!.id, kind, name: key })
			.returning({ id: organizations.id })
		orgIds.set(key, row!.id)
	}
	const member = (name: string, org: string, kind: 'staff' | 'student' | 'worker' | 'member' | 'leader') => ({
		residentId: ids.get(name)!,
		organizationId: orgIds.get(org)!,
		kind,
	})
	await db
		.insert(organizationMemberships)
		.values([
			{ ...member('Cán bộ', 'ubnd', 'staff'), startedOn: '2015-08-01' },
			{ ...member('Đã nghỉ việc', 'ubnd', 'staff'), endedOn: '2025-12-31' },
			member('Giáo viên', 'school', 'staff'),
			member('Học sinh', 'school', 'student'),
			member('Trẻ mầm non', 'kindergarten', 'student'),
			member('Công nhân', 'firm', 'worker'),
			member('Giám đốc HTX', 'coop', 'leader'),
			member('Tổ công nghệ số', 'team', 'member'),
			member('Hội viên phụ nữ', 'women', 'member'),
		])
	await refreshDerivedTargetGroups(db, { asOf: '2026-01-01' })
	await db.insert(residentTargetGroups).values([
		{ residentId: ids.get('Đại sứ số')!, targetGroupCode: 'digitalAmbassador', source: 'manual' },
		{ residentId: ids.get('Công nhân')!, targetGroupCode: 'disabled', source: 'manual' },
	])
	// A derived row the resident no longer qualifies for once they moved away.
	await db
		.insert(residentTargetGroups)
		.values({ residentId: ids.get('Đã chuyển đi')!, targetGroupCode: 'elderly', source: 'derived' })
		.onConflictDoNothing()
})

afterAll(async () => {
	await services.close()
})

describe('refreshDerivedTargetGroups', () => {
	it('derives every rule as of the given day, for the given ward only', async () => {
		await refreshDerivedTargetGroups(services.db, {
			asOf,
			wardId: (await services.db.query.wards.findFirst())!.id,
		})
		expect(await groupsOf('Mười tám hôm nay')).toEqual(['adultCitizen'])
		expect(await groupsOf('Chưa đủ mười tám')).toEqual([])
		expect(await groupsOf('Chỉ biết năm sinh')).toEqual(['adultCitizen'])
		expect(await groupsOf('Sáu mươi')).toEqual(['adultCitizen', 'elderly'])
		expect(await groupsOf('Hộ nghèo')).toEqual(['adultCitizen', 'poorHousehold'])
		expect(await groupsOf('Hộ cận nghèo')).toEqual(['adultCitizen', 'poorHousehold'])
		expect(await groupsOf('Cán bộ')).toEqual(['adultCitizen', 'publicEmployee'])
		expect(await groupsOf('Đã nghỉ việc')).toEqual(['adultCitizen'])
		expect(await groupsOf('Giáo viên')).toEqual(['adultCitizen', 'publicEmployee'])
		expect(await groupsOf('Học sinh')).toEqual(['student'])
		expect(await groupsOf('Trẻ mầm non')).toEqual([])
		expect(await groupsOf('Công nhân')).toEqual(['adultCitizen', 'disabled(manual)', 'enterpriseWorker'])
		expect(await groupsOf('Giám đốc HTX')).toEqual(['adultCitizen', 'enterpriseWorker'])
		expect(await groupsOf('Tổ công nghệ số')).toEqual(['adultCitizen', 'communityTechTeam'])
		expect(await groupsOf('Hội viên phụ nữ')).toEqual(['adultCitizen'])
		expect(await groupsOf('Khuyết tật')).toEqual(['adultCitizen', 'disabled', 'elderly'])
		expect(await groupsOf('Người Tày')).toEqual(['ethnicMinority'])
		expect(await groupsOf('Người Kinh')).toEqual([])
		expect(await groupsOf('Đã chuyển đi')).toEqual([])
		expect(await groupsOf('Đại sứ số')).toEqual(['adultCitizen', 'digitalAmbassador(manual)'])
		expect(await groupsOf('Phường khác')).toEqual(['adultCitizen', 'elderly'])
	})

	it('records when an age-based membership began, and when a membership started', async () => {
		const since = async (name: string, code: string) => {
			const [row] = await services.db
				.select({ since: residentTargetGroups.since })
				.from(residentTargetGroups)
				.where(
					and(
						eq(residentTargetGroups.residentId, ids.get(name)!),
						eq(residentTargetGroups.targetGroupCode, code),
					),
				)
			return row?.since
		}
		expect(await since('Mười tám hôm nay', 'adultCitizen')).toBe('2026-03-01')
		expect(await since('Sáu mươi', 'elderly')).toBe('2026-02-28')
		expect(await since('Chỉ biết năm sinh', 'adultCitizen')).toBe('2026-01-01')
		expect(await since('Cán bộ', 'publicEmployee')).toBe('2015-08-01')
	})

	it('changes nothing when run again', async () => {
		expect(await refreshDerivedTargetGroups(services.db, { asOf })).toEqual({ added: 0, removed: 0 })
	})

	it('removes derived memberships that no longer hold and keeps manual ones', async () => {
		await services.db
			.update(households)
			.set({ povertyStatus: 'none' })
			.where(eq(households.id, (await householdOf('Hộ nghèo'))!))
		await services.db
			.update(organizationMemberships)
			.set({ endedOn: '2026-02-01' })
			.where(eq(organizationMemberships.residentId, ids.get('Công nhân')!))
		expect(await refreshDerivedTargetGroups(services.db, { asOf })).toEqual({ added: 0, removed: 2 })
		expect(await groupsOf('Hộ nghèo')).toEqual(['adultCitizen'])
		expect(await groupsOf('Công nhân')).toEqual(['adultCitizen', 'disabled(manual)'])
		expect(await groupsOf('Đại sứ số')).toEqual(['adultCitizen', 'digitalAmbassador(manual)'])
	})

	it('rejects a malformed date', async () => {
		await expect(refreshDerivedTargetGroups(services.db, { asOf: '1/3/2026' })).rejects.toThrow()
	})
})

async function householdOf(name: string): Promise<string | null | undefined> {
	const [row] = await services.db
		.select({ householdId: residents.householdId })
		.from(residents)
		.where(eq(residents.id, ids.get(name)!))
	return row?.householdId
}
