import crypto from 'node:crypto'
import { and, count, eq, isNull, ne, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { users } from '#server/identity/schema.ts'
import { findIndicatorCohortCondition } from '#server/indicators/drill-down.server.ts'
import { ensureStandardIndicators } from '#server/indicators/indicator-definitions.server.ts'
import { getHouseholdCard } from '#server/outreach/household-card.server.ts'
import type { Volunteer } from '#server/outreach/record-visit.server.ts'
import { outreachVisitPeople, outreachVisits } from '#server/outreach/schema.ts'
import { syncVisits } from '#server/outreach/sync-visits.server.ts'
import { listOpenConflicts, resolveConflict } from '#server/outreach/visit-conflicts.server.ts'
import { readVolunteerFigures } from '#server/outreach/volunteer-figures.server.ts'
import { listWorklist } from '#server/outreach/worklist.server.ts'
import { residents } from '#server/people/schema.ts'
import { updateResident } from '#server/people/update-resident.server.ts'
import { residentialGroups } from '#server/ward/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let volunteer: Volunteer
let otherGroupId: string
const today = '2026-12-07'
const audit = { actor: { userId: null, label: 'test', wardId: null } }

beforeAll(async () => {
	services = await createTestServices()
	await seedDemoWard(services, { residents: 300, seed: 11 })
	const [user] = await services.db
		.select({ id: users.id, wardId: users.wardId, username: users.username })
		.from(users)
		.where(eq(users.username, 'tinhnguyen'))
	const groups = await services.db
		.select({ id: residentialGroups.id })
		.from(residentialGroups)
		.orderBy(residentialGroups.sortOrder)
	volunteer = { ...user!, groups: [groups[0]!.id] }
	otherGroupId = groups[1]!.id
})
afterAll(async () => {
	await services.close()
})

/** A household of the volunteer's group with a person still without a level-2 account. */
async function householdNeedingVneid(groupId = (volunteer.groups as string[])[0]!) {
	const list = await listWorklist(services.db, {
		wardId: volunteer.wardId,
		groups: [groupId],
		today,
		page: 1,
	})
	for (const household of list.households) {
		const person = household.people.find((p) => p.needs.includes('vneid') && p.vneidLevel < 2)
		if (person) return { household, person }
	}
	throw new Error('no household needing VNeID')
}

function queued(householdId: string, fields: [string, string][]) {
	const id = crypto.randomUUID()
	return {
		id,
		visitedAt: new Date().toISOString(),
		fields: [['householdId', householdId], ['outcome', 'helped'], ...fields] as [string, string][],
	}
}

async function visitCount() {
	const [row] = await services.db.select({ n: count() }).from(outreachVisits)
	return Number(row!.n)
}

describe('worklist', () => {
	test('lists only the volunteer group households, in walking order, each person with what they need', async () => {
		const list = await listWorklist(services.db, {
			wardId: volunteer.wardId,
			groups: volunteer.groups,
			today,
			page: 1,
		})
		expect(list.households.length).toBeGreaterThan(0)
		expect(new Set(list.households.map((h) => h.groupId))).toEqual(new Set(volunteer.groups))
		for (const household of list.households) {
			expect(household.followUpDue || household.people.some((p) => p.needs.length > 0)).toBe(true)
		}
		const none = await listWorklist(services.db, { wardId: volunteer.wardId, groups: [], today, page: 1 })
		expect(none.total).toBe(0)
	})

	test("an indicator's left-behind list narrows the worklist to the households of those it has not counted", async () => {
		const groupId = (volunteer.groups as string[])[0]!
		await ensureStandardIndicators(services.db, volunteer.wardId)
		const focus = await findIndicatorCohortCondition(services.db, {
			wardId: volunteer.wardId,
			code: '3',
			cohort: 'leftBehind',
			asOf: today,
		})
		expect(focus).not.toBeNull()
		// The households of the group where an active adult has not finished a track, counted on their own.
		const expected = await services.db
			.selectDistinct({ id: residents.householdId })
			.from(residents)
			.where(and(eq(residents.residentialGroupId, groupId), eq(residents.status, 'active'), focus!))
		const focused = await listWorklist(services.db, {
			wardId: volunteer.wardId,
			groups: volunteer.groups,
			today,
			page: 1,
			focus: focus!,
		})
		expect(expected.length).toBeGreaterThan(0)
		expect(focused.total).toBe(expected.length)
		const ids = new Set(expected.map((r) => r.id))
		for (const household of focused.households) expect(ids.has(household.id)).toBe(true)
		// Still only the volunteer's groups.
		expect(new Set(focused.households.map((h) => h.groupId))).toEqual(new Set([groupId]))
		// Nobody left behind: an empty list, not the whole group.
		const nobody = await listWorklist(services.db, {
			wardId: volunteer.wardId,
			groups: volunteer.groups,
			today,
			page: 1,
			focus: sql`false`,
		})
		expect(nobody.total).toBe(0)
	})

	test("another group's household card is not found for the volunteer", async () => {
		const { household } = await householdNeedingVneid(otherGroupId)
		const card = await getHouseholdCard(services.db, {
			householdId: household.id,
			wardId: volunteer.wardId,
			groups: volunteer.groups,
			today,
		})
		expect(card).toBeNull()
	})
})

describe('offline sync', () => {
	test('a batch sent twice stores each visit once and applies the level once', async () => {
		const { household, person } = await householdNeedingVneid()
		const visit = queued(household.id, [
			['quick', `${person.id}:vneidLevel2Activated`],
			[`seen.${person.id}`, `${person.vneidLevel}:${person.version}`],
		])
		const before = await visitCount()
		const first = await syncVisits(services, volunteer, [visit], audit)
		expect(first).toEqual([{ id: visit.id, outcome: 'applied', conflicts: 0 }])
		const again = await syncVisits(services, volunteer, [visit, visit], audit)
		expect(again.map((r) => r.outcome)).toEqual(['duplicate', 'duplicate'])
		expect(await visitCount()).toBe(before + 1)
		const [after] = await services.db
			.select({ level: residents.vneidLevel, version: residents.version })
			.from(residents)
			.where(eq(residents.id, person.id))
		expect(after).toEqual({ level: 2, version: person.version + 1 })
		const card = await getHouseholdCard(services.db, {
			householdId: household.id,
			wardId: volunteer.wardId,
			groups: volunteer.groups,
			today,
		})
		expect(card?.people.find((p) => p.id === person.id)?.needs).not.toContain('notReached')
	})

	test('a level changed on the server since the copy was made is kept as a conflict, then settled', async () => {
		const { household, person } = await householdNeedingVneid()
		// Someone at the ward records level 1 while the volunteer is offline with the old copy.
		const changed = await updateResident(services, {
			wardId: volunteer.wardId,
			residentId: person.id,
			expectedVersion: person.version,
			changes: { vneidLevel: 1 },
		})
		expect(changed.ok).toBe(true)
		const seenLevel = person.vneidLevel === 1 ? 0 : person.vneidLevel
		const visit = queued(household.id, [
			['quick', `${person.id}:vneidLevel2Activated`],
			[`seen.${person.id}`, `${seenLevel}:${person.version}`],
		])
		const [result] = await syncVisits(services, volunteer, [visit], audit)
		expect(result).toEqual({ id: visit.id, outcome: 'applied', conflicts: 1 })
		const [unchanged] = await services.db
			.select({ level: residents.vneidLevel })
			.from(residents)
			.where(eq(residents.id, person.id))
		expect(unchanged?.level).toBe(1)
		const conflicts = await listOpenConflicts(services.db, volunteer)
		expect(conflicts).toContainEqual(
			expect.objectContaining({
				visitId: visit.id,
				residentId: person.id,
				levelOnServer: 1,
				reportedLevel: 2,
			}),
		)
		const resolved = await resolveConflict(
			services,
			volunteer,
			{ visitId: visit.id, residentId: person.id, choice: 'apply' },
			{ audit },
		)
		expect(resolved).toBe('resolved')
		const [applied] = await services.db
			.select({ level: residents.vneidLevel })
			.from(residents)
			.where(eq(residents.id, person.id))
		expect(applied?.level).toBe(2)
		expect((await listOpenConflicts(services.db, volunteer)).map((c) => c.visitId)).not.toContain(visit.id)
	})

	test("visits to another group's household, or naming someone who lives elsewhere, are refused and store nothing", async () => {
		const other = await householdNeedingVneid(otherGroupId)
		const mine = await householdNeedingVneid()
		const before = await visitCount()
		const results = await syncVisits(
			services,
			volunteer,
			[
				queued(other.household.id, [['met', other.person.id]]),
				queued(mine.household.id, [['met', other.person.id]]),
				{ id: crypto.randomUUID(), visitedAt: 'yesterday', fields: [] },
			],
			audit,
		)
		expect(results.map((r) => [r.outcome, r.reason])).toEqual([
			['rejected', 'outreach.error.outOfScope'],
			['rejected', 'outreach.error.notInHousehold'],
			['rejected', 'outreach.error.badForm'],
		])
		expect(await visitCount()).toBe(before)
	})

	test('visit notes lose personal data before they are stored', async () => {
		const { household, person } = await householdNeedingVneid()
		const visit = queued(household.id, [
			['met', person.id],
			['note', 'Gọi lại số 0912345678 để hẹn'],
		])
		await syncVisits(services, volunteer, [visit], audit)
		const [stored] = await services.db
			.select({ note: outreachVisits.note })
			.from(outreachVisits)
			.where(eq(outreachVisits.id, visit.id))
		expect(stored?.note).not.toContain('0912345678')
	})
})

test('volunteer figures count visits and people helped per volunteer and team, within scope', async () => {
	const figures = await readVolunteerFigures(services.db, {
		wardId: volunteer.wardId,
		since: '2000-01-01',
		scope: { groups: volunteer.groups, organizations: [] },
	})
	const mine = figures.people.find((p) => p.id === volunteer.id)
	const [row] = await services.db
		.select({ n: count() })
		.from(outreachVisits)
		.where(
			and(
				eq(outreachVisits.volunteerUserId, volunteer.id),
				eq(outreachVisits.residentialGroupId, (volunteer.groups as string[])[0]!),
			),
		)
	expect(mine?.visits).toBe(Number(row!.n))
	expect(mine?.peopleHelped).toBeGreaterThan(0)
	expect(figures.groups.map((g) => g.id)).toEqual(volunteer.groups)
	const [helpedRows] = await services.db
		.select({ n: count() })
		.from(outreachVisitPeople)
		.where(ne(outreachVisitPeople.actions, []))
	expect(Number(helpedRows!.n)).toBeGreaterThan(0)
})

test('the demo ward comes with visit history by every group’s tech team volunteers', async () => {
	const perGroup = await services.db
		.select({ groupId: outreachVisits.residentialGroupId, n: count() })
		.from(outreachVisits)
		.groupBy(outreachVisits.residentialGroupId)
	const groups = await services.db.select({ id: residentialGroups.id }).from(residentialGroups)
	expect(perGroup.length).toBe(groups.length)
	const [teamVolunteers] = await services.db
		.select({ n: count() })
		.from(users)
		.where(and(isNull(users.username), isNull(users.passwordHash)))
	expect(Number(teamVolunteers!.n)).toBeGreaterThanOrEqual(groups.length)
})
