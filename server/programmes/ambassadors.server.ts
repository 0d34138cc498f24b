import { and, asc, count, eq, inArray, isNull, type SQL, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { households, residents, residentTargetGroups } from '#server/people/schema.ts'
import { ambassadorAssignments } from '#server/programmes/schema.ts'
import { residentialGroups } from '#server/ward/schema.ts'

/*
 * The digital-ambassador network (Mạng lưới "Đại sứ số"): residents of the target group digitalAmbassador,
 * each looking after some households. A household has one ambassador at a time; ended assignments stay.
 */

const current = isNull(ambassadorAssignments.endedAt)

/** Ambassadors within scope, with how many households each looks after now. */
export async function listAmbassadors(db: Database, input: { wardId: string; scope: SQL }) {
	return db
		.select({
			id: residents.id,
			fullName: residents.fullName,
			birthYear: residents.birthYear,
			groupName: residentialGroups.name,
			households: sql<number>`(select count(*)::int from ${ambassadorAssignments} a where a.ambassador_resident_id = ${residents.id} and a.ended_at is null)`,
		})
		.from(residents)
		.innerJoin(
			residentTargetGroups,
			and(
				eq(residentTargetGroups.residentId, residents.id),
				eq(residentTargetGroups.targetGroupCode, 'digitalAmbassador'),
			),
		)
		.leftJoin(residentialGroups, eq(residentialGroups.id, residents.residentialGroupId))
		.where(and(eq(residents.wardId, input.wardId), eq(residents.status, 'active'), input.scope))
		.orderBy(asc(residentialGroups.sortOrder), asc(residents.searchName))
		.limit(500)
}

/** One ambassador (a resident of the group, within scope), or null. */
export async function getAmbassador(db: Database, input: { wardId: string; scope: SQL; residentId: string }) {
	if (!isUuid(input.residentId)) return undefined
	const [row] = await db
		.select({ id: residents.id, fullName: residents.fullName, groupName: residentialGroups.name })
		.from(residents)
		.innerJoin(
			residentTargetGroups,
			and(
				eq(residentTargetGroups.residentId, residents.id),
				eq(residentTargetGroups.targetGroupCode, 'digitalAmbassador'),
			),
		)
		.leftJoin(residentialGroups, eq(residentialGroups.id, residents.residentialGroupId))
		.where(and(eq(residents.id, input.residentId), eq(residents.wardId, input.wardId), input.scope))
	return row ?? null
}

/** The households an ambassador looks after now, with their residential group and number of members. */
export async function listAssignedHouseholds(db: Database, ambassadorResidentId: string) {
	return db
		.select({
			assignmentId: ambassadorAssignments.id,
			householdId: households.id,
			code: households.code,
			address: households.address,
			groupId: households.residentialGroupId,
			groupName: residentialGroups.name,
			members: sql<number>`(select count(*)::int from ${residents} r where r.household_id = ${households.id} and r.status = 'active')`,
			assignedAt: ambassadorAssignments.assignedAt,
		})
		.from(ambassadorAssignments)
		.innerJoin(households, eq(households.id, ambassadorAssignments.householdId))
		.innerJoin(residentialGroups, eq(residentialGroups.id, households.residentialGroupId))
		.where(and(eq(ambassadorAssignments.ambassadorResidentId, ambassadorResidentId), current))
		.orderBy(asc(households.code))
}

/** Households of the groups in scope with no ambassador, matching a household code (for the assign form). */
export async function findUnassignedHouseholds(
	db: Database,
	input: { wardId: string; groupIds: 'all' | string[]; code: string },
) {
	const text = input.code.trim().replace(/[%_\\]/g, (c) => `\\${c}`)
	if (!text) return []
	if (input.groupIds !== 'all' && input.groupIds.length === 0) return []
	return db
		.select({
			id: households.id,
			code: households.code,
			address: households.address,
			groupName: residentialGroups.name,
		})
		.from(households)
		.innerJoin(residentialGroups, eq(residentialGroups.id, households.residentialGroupId))
		.where(
			and(
				eq(households.wardId, input.wardId),
				input.groupIds === 'all' ? undefined : inArray(households.residentialGroupId, input.groupIds),
				sql`${households.code} ilike ${`%${text}%`}`,
				sql`not exists (select 1 from ${ambassadorAssignments} a where a.household_id = ${households.id} and a.ended_at is null)`,
			),
		)
		.orderBy(asc(households.code))
		.limit(20)
}

/** Assigns a household (of the groups in scope) to an ambassador; 'taken' if someone looks after it already. */
export async function assignHousehold(
	db: Database,
	input: {
		wardId: string
		groupIds: 'all' | string[]
		ambassadorResidentId: string
		householdId: string
		by: string
	},
): Promise<'assigned' | 'taken' | 'notFound'> {
	const [household] = await db
		.select({ id: households.id, groupId: households.residentialGroupId })
		.from(households)
		.where(and(eq(households.id, input.householdId), eq(households.wardId, input.wardId)))
	if (!household || (input.groupIds !== 'all' && !input.groupIds.includes(household.groupId)))
		return 'notFound'
	const inserted = await db
		.insert(ambassadorAssignments)
		.values({
			wardId: input.wardId,
			ambassadorResidentId: input.ambassadorResidentId,
			householdId: input.householdId,
			assignedBy: input.by,
		})
		.onConflictDoNothing()
		.returning({ id: ambassadorAssignments.id })
	return inserted.length > 0 ? 'assigned' : 'taken'
}

/** Ends an assignment of this ambassador (history kept). */
export async function unassignHousehold(
	db: Database,
	input: { ambassadorResidentId: string; assignmentId: string; groupIds: 'all' | string[]; by: string },
): Promise<boolean> {
	const ended = await db
		.update(ambassadorAssignments)
		.set({ endedAt: new Date(), endedBy: input.by })
		.where(
			and(
				eq(ambassadorAssignments.id, input.assignmentId),
				eq(ambassadorAssignments.ambassadorResidentId, input.ambassadorResidentId),
				current,
				input.groupIds === 'all'
					? undefined
					: sql`${ambassadorAssignments.householdId} in (select h.id from ${households} h where ${inArray(sql`h.residential_group_id`, input.groupIds.length ? input.groupIds : ['00000000-0000-0000-0000-000000000000'])})`,
			),
		)
		.returning({ id: ambassadorAssignments.id })
	return ended.length > 0
}

/** Network figures: ambassadors, households looked after, households of the ward. */
export async function ambassadorNetworkFigures(db: Database, wardId: string) {
	const [assigned] = await db
		.select({ n: count() })
		.from(ambassadorAssignments)
		.where(and(eq(ambassadorAssignments.wardId, wardId), current))
	const [all] = await db.select({ n: count() }).from(households).where(eq(households.wardId, wardId))
	const [ambassadors] = await db
		.select({ n: count() })
		.from(residentTargetGroups)
		.innerJoin(residents, eq(residents.id, residentTargetGroups.residentId))
		.where(
			and(
				eq(residentTargetGroups.targetGroupCode, 'digitalAmbassador'),
				eq(residents.wardId, wardId),
				eq(residents.status, 'active'),
			),
		)
	return { ambassadors: ambassadors?.n ?? 0, assignedHouseholds: assigned?.n ?? 0, households: all?.n ?? 0 }
}
