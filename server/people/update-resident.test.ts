import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { getHousehold } from '#server/people/households.server.ts'
import { listResidents } from '#server/people/list-residents.server.ts'
import { moveResidentToHousehold, setResidentStatus } from '#server/people/move-resident.server.ts'
import { parseResidentListQuery } from '#server/people/resident-filters.ts'
import { households, residents } from '#server/people/schema.ts'
import { updateResident } from '#server/people/update-resident.server.ts'
import { lookupHash } from '#server/security/personal-data.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let wardId: string

beforeAll(async () => {
	services = await createTestServices()
	await seedDemoWard(services, { residents: 120, seed: 7 })
	const ward = await services.db.query.wards.findFirst()
	wardId = ward!.id
})
afterAll(async () => {
	await services.close()
})

async function anyResident() {
	const [row] = await services.db
		.select({
			id: residents.id,
			version: residents.version,
			fullName: residents.fullName,
			householdId: residents.householdId,
		})
		.from(residents)
		.where(eq(residents.status, 'active'))
		.limit(1)
	return row!
}

test('a second save based on an old version is refused as a conflict and changes nothing', async () => {
	const resident = await anyResident()
	const first = await updateResident(services, {
		wardId,
		residentId: resident.id,
		expectedVersion: resident.version,
		changes: { occupation: 'Bán hàng tạp hóa' },
	})
	expect(first).toMatchObject({ ok: true, version: resident.version + 1 })
	const second = await updateResident(services, {
		wardId,
		residentId: resident.id,
		expectedVersion: resident.version,
		changes: { occupation: 'Nông dân' },
	})
	expect(second).toEqual({ ok: false, reason: 'conflict', currentVersion: resident.version + 1 })
	const [stored] = await services.db
		.select({ occupation: residents.occupation })
		.from(residents)
		.where(eq(residents.id, resident.id))
	expect(stored?.occupation).toBe('Bán hàng tạp hóa')
})

test('a new personal ID is stored encrypted with its look-up hash, never in clear', async () => {
	const resident = await anyResident()
	const personalId = '019085000123'
	const result = await updateResident(services, {
		wardId,
		residentId: resident.id,
		expectedVersion: resident.version,
		changes: { personalId },
	})
	expect(result.ok).toBe(true)
	const [row] = await services.database.query<{ json: string }>(
		'select row_to_json(r)::text as json from resident r where id = $1',
		[resident.id],
	)
	expect(row?.json).not.toContain(personalId)
	const [stored] = await services.db
		.select({ hash: residents.personalIdHash })
		.from(residents)
		.where(eq(residents.id, resident.id))
	expect(stored?.hash).toBe(lookupHash(services.keyring, 'personalId', personalId))
})

test('search ignores diacritics and case', async () => {
	const resident = await anyResident()
	const typed = resident.fullName
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.toUpperCase()
	const page = await listResidents(services.db, {
		wardId,
		query: parseResidentListQuery(new URLSearchParams({ q: typed })),
	})
	expect(page.items.map((i) => i.id)).toContain(resident.id)
})

test('moving a resident puts them in the new household and its residential group', async () => {
	const resident = await anyResident()
	const [other] = await services.db
		.select({ id: households.id, residentialGroupId: households.residentialGroupId })
		.from(households)
		.where(eq(households.wardId, wardId))
		.limit(2)
		.then((rows) => rows.filter((h) => h.id !== resident.householdId))
	const moved = await moveResidentToHousehold(services.db, {
		wardId,
		residentId: resident.id,
		expectedVersion: resident.version,
		householdId: other!.id,
		relationToHead: 'Cháu',
	})
	expect(moved).toMatchObject({ ok: true, toResidentialGroupId: other!.residentialGroupId })
	const household = await getHousehold(services.db, { wardId, householdId: other!.id })
	expect(household?.members.map((m) => m.id)).toContain(resident.id)
	const stale = await moveResidentToHousehold(services.db, {
		wardId,
		residentId: resident.id,
		expectedVersion: resident.version,
		householdId: resident.householdId!,
		relationToHead: 'Con',
	})
	expect(stale).toEqual({ ok: false, reason: 'conflict' })
})

test('a resident marked deceased leaves the active list but keeps the record', async () => {
	const resident = await anyResident()
	const marked = await setResidentStatus(services.db, {
		wardId,
		residentId: resident.id,
		expectedVersion: resident.version,
		status: 'deceased',
	})
	expect(marked.ok).toBe(true)
	const active = await listResidents(services.db, {
		wardId,
		query: parseResidentListQuery(new URLSearchParams({ q: resident.fullName })),
	})
	expect(active.items.map((i) => i.id)).not.toContain(resident.id)
	const all = await listResidents(services.db, {
		wardId,
		query: parseResidentListQuery(new URLSearchParams({ q: resident.fullName, status: 'all' })),
	})
	expect(all.items.find((i) => i.id === resident.id)?.status).toBe('deceased')
})
