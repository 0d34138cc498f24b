import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { rowsOf } from '#server/people/import-jobs/rows-of.ts'
import {
	addMembership,
	endMembership,
	findResidentsToAdd,
	listCurrentMembers,
	listOrganizations,
} from '#server/ward/organization-members.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let wardId: string

beforeAll(async () => {
	services = await createTestServices()
	await seedDemoWard(services, { residents: 60, seed: 3 })
	wardId = (await services.db.query.wards.findFirst())!.id
})
afterAll(async () => {
	await services.close()
})

test('a membership is added once, ended without being deleted, and the counts follow', async () => {
	const [organization] = await listOrganizations(services.db, { wardId, only: 'all' })
	expect(await listOrganizations(services.db, { wardId, only: [] })).toEqual([])
	const resident = await services.db.query.residents.findFirst()
	const [found] = await findResidentsToAdd(services.db, {
		wardId,
		scope: sql`true`,
		text: resident!.searchName.toUpperCase(),
	})
	expect(found?.id).toBe(resident!.id)
	const input = {
		organizationId: organization!.id,
		residentId: resident!.id,
		kind: 'member' as const,
		startedOn: '2026-01-05',
	}
	expect(await addMembership(services.db, input)).toBe('added')
	expect(await addMembership(services.db, input)).toBe('exists')
	const members = await listCurrentMembers(services.db, organization!.id)
	const membership = members.find((m) => m.residentId === resident!.id)!
	const [only] = await listOrganizations(services.db, { wardId, only: [organization!.id] })
	expect(only!.members).toBe(members.length)

	expect(
		await endMembership(services.db, {
			organizationId: organization!.id,
			membershipId: membership.membershipId,
			endedOn: '2026-02-01',
		}),
	).toBe(true)
	expect(
		await endMembership(services.db, {
			organizationId: organization!.id,
			membershipId: membership.membershipId,
			endedOn: '2026-02-01',
		}),
	).toBe(false)
	expect(
		(await listCurrentMembers(services.db, organization!.id)).some((m) => m.residentId === resident!.id),
	).toBe(false)
	const kept = rowsOf<{ ended_on: string }>(
		await services.db.execute(
			sql`select ended_on::text from organization_membership where id = ${membership.membershipId}`,
		),
	)
	expect(kept[0]!.ended_on).toBe('2026-02-01')
})
