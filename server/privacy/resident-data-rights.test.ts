import { and, eq, isNotNull } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { auditLog } from '#server/audit/schema.ts'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { listResidents } from '#server/people/list-residents.server.ts'
import { parseResidentListQuery } from '#server/people/resident-filters.ts'
import { residents } from '#server/people/schema.ts'
import { ERASED_NAME, eraseResidentData } from '#server/privacy/erase-resident-data.server.ts'
import { exportResidentData } from '#server/privacy/export-resident-data.server.ts'
import { consentRecords } from '#server/privacy/schema.ts'
import { listOrganizations } from '#server/ward/organization-members.server.ts'
import { organizationMemberships } from '#server/ward/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let wardId: string
const actor = (wardId: string) => ({ userId: null, label: 'test', wardId })

beforeAll(async () => {
	services = await createTestServices()
	await seedDemoWard(services, { residents: 60, seed: 11 })
	wardId = (await services.db.query.wards.findFirst())!.id
})
afterAll(async () => {
	await services.close()
})

async function residentWithId() {
	const resident = await services.db.query.residents.findFirst({
		where: and(isNotNull(residents.personalIdCipher), eq(residents.status, 'active')),
	})
	const [organization] = await listOrganizations(services.db, { wardId, only: 'all' })
	await services.db
		.insert(organizationMemberships)
		.values({
			organizationId: organization!.id,
			residentId: resident!.id,
			kind: 'member',
			startedOn: '2026-01-01',
			position: 'Chi hội trưởng',
		})
		.onConflictDoNothing()
	await services.db.insert(consentRecords).values({
		wardId,
		residentId: resident!.id,
		purpose: 'publicRecognition',
		decision: 'given',
		method: 'paper',
		note: `Ông ${resident!.fullName} ký giấy đồng ý tại nhà văn hóa`,
	})
	return resident!
}

function keysDeep(value: unknown, into: string[] = []): string[] {
	if (Array.isArray(value)) for (const v of value) keysDeep(v, into)
	else if (value && typeof value === 'object')
		for (const [k, v] of Object.entries(value)) {
			into.push(k)
			keysDeep(v, into)
		}
	return into
}

test('a resident’s data export holds the registry record in clear, every linked record and the access log — no hashes or secrets', async () => {
	const resident = await residentWithId()
	const data = await exportResidentData(services, { wardId, residentId: resident.id })
	expect(data).not.toBeNull()
	expect(data!.resident).toMatchObject({ id: resident.id, fullName: resident.fullName })
	expect(data!.resident.personalId).toMatch(/^\d{12}$/)
	expect(data!.household).toMatchObject({ id: resident.householdId })
	expect(data!.records.organization_membership).toEqual(
		expect.arrayContaining([expect.objectContaining({ position: 'Chi hội trưởng' })]),
	)
	expect(data!.records.consent_record).toEqual([expect.objectContaining({ purpose: 'publicRecognition' })])
	expect(keysDeep(data).filter((k) => /hash|cipher|secret|token|password/i.test(k))).toEqual([])
	expect(data!.about.vi).toContain('Nghị định 13/2023/NĐ-CP')
	expect(
		await exportResidentData(services, { wardId: crypto.randomUUID(), residentId: resident.id }),
	).toBeNull()
})

test('erasure blanks what identifies the person, keeps what the counts need, and is recorded without naming them', async () => {
	const resident = await residentWithId()
	const before = await services.db.query.residents.findFirst({ where: eq(residents.id, resident.id) })
	expect(
		await eraseResidentData(services, {
			wardId,
			residentId: resident.id,
			expectedVersion: before!.version - 1,
			actor: actor(wardId),
			reason: 'Yêu cầu của người dân ngày 01/12/2026',
		}),
	).toBe('conflict')

	const outcome = await eraseResidentData(services, {
		wardId,
		residentId: resident.id,
		expectedVersion: before!.version,
		actor: actor(wardId),
		reason: 'Yêu cầu của người dân ngày 01/12/2026',
	})
	expect(outcome).toBe('erased')
	const after = await services.db.query.residents.findFirst({ where: eq(residents.id, resident.id) })
	expect(after).toMatchObject({
		fullName: ERASED_NAME,
		birthDate: null,
		personalIdCipher: null,
		personalIdHash: null,
		phoneCipher: null,
		phoneHash: null,
		occupation: null,
		// What statistics need stays.
		sex: before!.sex,
		birthYear: before!.birthYear,
		residentialGroupId: before!.residentialGroupId,
		status: before!.status,
		vneidLevel: before!.vneidLevel,
		version: before!.version + 1,
	})
	expect(after!.anonymisedAt).not.toBeNull()
	const consents = await services.db
		.select()
		.from(consentRecords)
		.where(eq(consentRecords.residentId, resident.id))
	expect(consents.length).toBeGreaterThan(0)
	expect(consents.every((c) => c.note === null)).toBe(true)
	const memberships = await services.db
		.select()
		.from(organizationMemberships)
		.where(eq(organizationMemberships.residentId, resident.id))
	expect(memberships.every((m) => m.position === null)).toBe(true)

	// Nobody finds them by their old name any more; the export has nothing left to reveal.
	const found = await listResidents(services.db, {
		wardId,
		query: parseResidentListQuery(new URLSearchParams({ q: resident.fullName })),
	})
	expect(found.items.map((i) => i.id)).not.toContain(resident.id)
	const data = await exportResidentData(services, { wardId, residentId: resident.id })
	expect(data!.resident.personalId).toBeNull()
	expect(JSON.stringify(data)).not.toContain(resident.fullName)

	const [entry] = await services.db
		.select()
		.from(auditLog)
		.where(and(eq(auditLog.action, 'resident.erased'), eq(auditLog.entityId, resident.id)))
	expect(entry).toBeDefined()
	expect(JSON.stringify(entry)).not.toContain(resident.fullName)

	expect(
		await eraseResidentData(services, {
			wardId,
			residentId: resident.id,
			expectedVersion: after!.version,
			actor: actor(wardId),
			reason: 'lần hai',
		}),
	).toBe('alreadyErased')
})
