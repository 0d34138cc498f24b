import { and, desc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { users } from '#server/identity/schema.ts'
import { outreachVisitPeople, outreachVisits } from '#server/outreach/schema.ts'
import { listPeopleOfHouseholds, type WorklistPerson } from '#server/outreach/worklist.server.ts'
import { households, residents } from '#server/people/schema.ts'
import { residentialGroups } from '#server/ward/schema.ts'

export interface HouseholdCard {
	id: string
	code: string
	address: string | null
	groupName: string
	people: WorklistPerson[]
	visits: {
		id: string
		visitedAt: Date
		outcome: string
		nextVisitOn: string | null
		volunteer: string
		helped: { fullName: string; actions: string[] }[]
	}[]
}

/**
 * A household as the volunteer sees it at the door: who lives there and what each person still
 * needs, and the last visits. Null when it is not in the given groups (the caller answers 404).
 */
export async function getHouseholdCard(
	db: Database,
	input: { householdId: string; wardId: string; groups: 'all' | string[]; today: string },
): Promise<HouseholdCard | null> {
	if (!isUuid(input.householdId)) return null
	const [household] = await db
		.select({
			id: households.id,
			code: households.code,
			address: households.address,
			groupId: households.residentialGroupId,
			groupName: residentialGroups.name,
		})
		.from(households)
		.innerJoin(residentialGroups, eq(residentialGroups.id, households.residentialGroupId))
		.where(and(eq(households.id, input.householdId), eq(households.wardId, input.wardId)))
	if (!household || (input.groups !== 'all' && !input.groups.includes(household.groupId))) return null
	const people = await listPeopleOfHouseholds(db, [household.id], Number(input.today.slice(0, 4)))
	const visits = await db
		.select({
			id: outreachVisits.id,
			visitedAt: outreachVisits.visitedAt,
			outcome: outreachVisits.outcome,
			nextVisitOn: outreachVisits.nextVisitOn,
			volunteer: users.displayName,
		})
		.from(outreachVisits)
		.innerJoin(users, eq(users.id, outreachVisits.volunteerUserId))
		.where(eq(outreachVisits.householdId, household.id))
		.orderBy(desc(outreachVisits.visitedAt))
		.limit(5)
	const helped = visits.length
		? await db
				.select({
					visitId: outreachVisitPeople.visitId,
					fullName: residents.fullName,
					actions: outreachVisitPeople.actions,
				})
				.from(outreachVisitPeople)
				.innerJoin(residents, eq(residents.id, outreachVisitPeople.residentId))
				.where(
					inArray(
						outreachVisitPeople.visitId,
						visits.map((v) => v.id),
					),
				)
		: []
	return {
		id: household.id,
		code: household.code,
		address: household.address,
		groupName: household.groupName,
		people: people.get(household.id) ?? [],
		visits: visits.map((v) => ({
			...v,
			helped: helped
				.filter((h) => h.visitId === v.id)
				.map(({ fullName, actions }) => ({ fullName, actions })),
		})),
	}
}
