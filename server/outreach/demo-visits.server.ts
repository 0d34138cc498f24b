import { eq, inArray } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { bulkInsert } from '#server/demo/bulk-insert.server.ts'
import type { DemoWard } from '#server/demo/demo-ward-types.ts'
import { createRandom, type Random } from '#server/demo/random.ts'
import { roleAssignments, users } from '#server/identity/schema.ts'
import { VNEID_MIN_AGE } from '#server/outreach/person-needs.ts'
import { outreachVisitPeople, outreachVisits } from '#server/outreach/schema.ts'
import type { VisitAction, VisitOutcome } from '#server/outreach/visit-vocabulary.ts'

/*
 * The demo ward's door-to-door history (issue 7, item 6): each residential group's community tech team
 * members get a volunteer account (no password: an administrator can give them one) and, with the demo
 * volunteer and group leader in the first group, have visited about half the households once to three
 * times over the last five months. Deterministic for a ward and seed; inserted in bulk.
 */

const DAY = 24 * 3600 * 1000
const WINDOW_DAYS = 150
const HELP_ACTIONS: VisitAction[] = [
	'publicServiceAccount',
	'cashlessPayment',
	'scamAwareness',
	'aiToolShown',
	'lessonTaught',
	'scamAwareness',
]

export interface DemoVisitSummary {
	volunteers: number
	visits: number
}

/** Adds the tech teams' volunteer accounts and their visits (after the demo users exist). */
export async function seedDemoVisits(
	db: Database,
	ward: DemoWard,
	options: { seed: number; asOf: string },
): Promise<DemoVisitSummary> {
	const random = createRandom(options.seed, 'outreach-visits')
	const volunteersByGroup = await insertTeamVolunteers(db, ward, random)
	const end = Date.parse(`${options.asOf}T10:00:00+07:00`)
	const visitRows: (typeof outreachVisits.$inferInsert)[] = []
	const personRows: (typeof outreachVisitPeople.$inferInsert)[] = []
	const people = new Map<string, DemoWard['residents']>()
	for (const r of ward.residents) {
		const list = people.get(r.householdId) ?? []
		list.push(r)
		people.set(r.householdId, list)
	}
	const year = Number(options.asOf.slice(0, 4))
	for (const household of ward.households) {
		const volunteers = volunteersByGroup.get(household.residentialGroupId) ?? []
		if (volunteers.length === 0 || !random.chance(0.55)) continue
		const members = people.get(household.id) ?? []
		const count = random.int(1, 3)
		// Visits in date order, the last one sometimes asking to come back (some of those already due).
		const days = Array.from({ length: count }, () => random.int(1, WINDOW_DAYS)).sort((a, b) => b - a)
		days.forEach((daysAgo, i) => {
			const id = random.uuid()
			const last = i === count - 1
			const notHome = random.chance(0.15)
			const outcome: VisitOutcome = notHome ? 'notHome' : last && random.chance(0.3) ? 'comeBack' : 'helped'
			const comeBackIn = random.int(-20, 30)
			visitRows.push({
				id,
				wardId: ward.ward.id,
				householdId: household.id,
				residentialGroupId: household.residentialGroupId,
				volunteerUserId: random.pick(volunteers),
				outcome,
				nextVisitOn:
					outcome === 'comeBack' || notHome
						? new Date(end - daysAgo * DAY + Math.max(1, daysAgo + comeBackIn) * DAY)
								.toISOString()
								.slice(0, 10)
						: null,
				note: null,
				visitedAt: new Date(end - daysAgo * DAY - random.int(0, 8) * 3600 * 1000),
				syncedAt: new Date(end - daysAgo * DAY + random.int(0, 48) * 3600 * 1000),
				origin: random.chance(0.4) ? 'offline' : 'online',
			})
			if (notHome) return
			const met = members.filter(() => random.chance(0.6))
			if (met.length === 0 && members[0]) met.push(members[0])
			for (const person of met) {
				const actions = new Set<VisitAction>()
				const canHaveVneid = year - person.birthYear >= VNEID_MIN_AGE
				// A level-2 account the registry already shows is credited to a visit now and then.
				if (canHaveVneid && person.vneidLevel === 2 && random.chance(0.25))
					actions.add('vneidLevel2Activated')
				if (outcome === 'helped' && random.chance(0.7)) actions.add(random.pick(HELP_ACTIONS))
				if (outcome === 'helped' && random.chance(0.2)) actions.add(random.pick(HELP_ACTIONS))
				personRows.push({
					visitId: id,
					residentId: person.id,
					actions: [...actions],
					vneidLevelSeen: actions.has('vneidLevel2Activated') ? 1 : person.vneidLevel,
					residentVersionSeen: 1,
					vneidResult: actions.has('vneidLevel2Activated') ? 'applied' : null,
				})
			}
		})
	}
	await bulkInsert(db, outreachVisits, visitRows)
	await bulkInsert(db, outreachVisitPeople, personRows)
	return {
		volunteers: [...volunteersByGroup.values()].reduce((n, list) => n + list.length, 0),
		visits: visitRows.length,
	}
}

/** One volunteer account per tech team member (up to three a team), plus the demo accounts of group 1. */
async function insertTeamVolunteers(
	db: Database,
	ward: DemoWard,
	random: Random,
): Promise<Map<string, string[]>> {
	const teams = new Map(
		ward.organizations.filter((o) => o.kind === 'communityTechTeam').map((o) => [o.id, o.residentialGroupId]),
	)
	const residentById = new Map(ward.residents.map((r) => [r.id, r]))
	const perTeam = new Map<string, number>()
	const rows = ward.memberships
		.filter((m) => {
			if (!teams.has(m.organizationId)) return false
			const n = (perTeam.get(m.organizationId) ?? 0) + 1
			perTeam.set(m.organizationId, n)
			return n <= 3
		})
		.flatMap((m) => {
			const person = residentById.get(m.residentId)
			const groupId = teams.get(m.organizationId)
			return person && groupId ? [{ id: random.uuid(), person, groupId }] : []
		})
	const byGroup = new Map<string, string[]>()
	if (rows.length > 0) {
		await bulkInsert(
			db,
			users,
			rows.map((row) => ({
				id: row.id,
				wardId: ward.ward.id,
				displayName: row.person.fullName,
				residentId: row.person.id,
			})),
		)
		await bulkInsert(
			db,
			roleAssignments,
			rows.map((row) => ({
				id: random.uuid(),
				userId: row.id,
				role: 'volunteer' as const,
				scopeKind: 'residentialGroup' as const,
				scopeId: row.groupId,
			})),
		)
	}
	for (const row of rows) byGroup.set(row.groupId, [...(byGroup.get(row.groupId) ?? []), row.id])
	const demo = await db
		.select({ id: users.id, scopeId: roleAssignments.scopeId })
		.from(users)
		.innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
		.where(inArray(users.username, ['tinhnguyen', 'totruong']))
	for (const row of demo) {
		if (row.scopeId) byGroup.set(row.scopeId, [...(byGroup.get(row.scopeId) ?? []), row.id])
	}
	return byGroup
}
