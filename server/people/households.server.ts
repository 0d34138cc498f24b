import { and, asc, eq, type SQL, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { households, residents } from '#server/people/schema.ts'
import { residentialGroups } from '#server/ward/schema.ts'

/** A household with its current and former members, for the household page. */
export async function getHousehold(
	db: Database,
	input: { wardId: string; householdId: string; scope?: SQL },
) {
	if (!isUuid(input.householdId)) return undefined
	const [household] = await db
		.select({
			id: households.id,
			code: households.code,
			address: households.address,
			povertyStatus: households.povertyStatus,
			version: households.version,
			residentialGroupId: households.residentialGroupId,
			residentialGroupName: residentialGroups.name,
		})
		.from(households)
		.innerJoin(residentialGroups, eq(residentialGroups.id, households.residentialGroupId))
		.where(and(eq(households.id, input.householdId), eq(households.wardId, input.wardId)))
	if (!household) return null
	const members = await db
		.select({
			id: residents.id,
			fullName: residents.fullName,
			sex: residents.sex,
			birthYear: residents.birthYear,
			relationToHead: residents.relationToHead,
			status: residents.status,
			vneidLevel: residents.vneidLevel,
		})
		.from(residents)
		.where(and(eq(residents.householdId, household.id), input.scope))
		.orderBy(
			sql`case when ${residents.relationToHead} = 'Chủ hộ' then 0 else 1 end`,
			asc(residents.birthYear),
		)
	return { ...household, members }
}

export type HouseholdDetail = NonNullable<Awaited<ReturnType<typeof getHousehold>>>

/** Households matching a code or address fragment, for the "move to household" picker. */
export async function findHouseholds(db: Database, input: { wardId: string; text: string; limit?: number }) {
	const pattern = `%${input.text.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
	return db
		.select({
			id: households.id,
			code: households.code,
			address: households.address,
			residentialGroupId: households.residentialGroupId,
			residentialGroupName: residentialGroups.name,
		})
		.from(households)
		.innerJoin(residentialGroups, eq(residentialGroups.id, households.residentialGroupId))
		.where(
			and(
				eq(households.wardId, input.wardId),
				sql`(${households.code} ilike ${pattern} or ${households.address} ilike ${pattern})`,
			),
		)
		.orderBy(asc(households.code))
		.limit(input.limit ?? 20)
}

/** The residential group a household belongs to (for the policy), or null if not in the ward. */
export async function findHouseholdGroup(db: Database, input: { wardId: string; householdId: string }) {
	const [row] = await db
		.select({ residentialGroupId: households.residentialGroupId })
		.from(households)
		.where(and(eq(households.id, input.householdId), eq(households.wardId, input.wardId)))
	return row?.residentialGroupId ?? null
}
