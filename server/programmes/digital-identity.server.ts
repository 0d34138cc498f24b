import { and, asc, eq, type SQL, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { residents } from '#server/people/schema.ts'
import { residentialGroups } from '#server/ward/schema.ts'

/** "Mỗi công dân – Một danh tính số": everyone 16 and over (Luật Căn cước 2023) with a level-2 VNeID account. */
export const DIGITAL_IDENTITY_MIN_AGE = 16

/**
 * The share of residents aged 16+ (by birth year) with level-2 VNeID, per residential group, among the
 * residents `scope` lets the person see.
 */
export async function computeDigitalIdentity(
	db: Database,
	input: { wardId: string; scope: SQL; year?: number },
) {
	const year = input.year ?? new Date().getFullYear()
	const rows = await db
		.select({
			groupId: residentialGroups.id,
			groupName: sql<string>`coalesce(${residentialGroups.name}, '')`,
			eligible: sql<number>`count(*)::int`,
			level2: sql<number>`count(*) filter (where ${residents.vneidLevel} = 2)::int`,
			level1: sql<number>`count(*) filter (where ${residents.vneidLevel} = 1)::int`,
		})
		.from(residents)
		.leftJoin(residentialGroups, eq(residentialGroups.id, residents.residentialGroupId))
		.where(
			and(
				eq(residents.wardId, input.wardId),
				eq(residents.status, 'active'),
				sql`${year} - ${residents.birthYear} >= ${DIGITAL_IDENTITY_MIN_AGE}`,
				input.scope,
			),
		)
		.groupBy(residentialGroups.id, residentialGroups.name, residentialGroups.sortOrder)
		.orderBy(asc(residentialGroups.sortOrder))
	const eligible = rows.reduce((n, r) => n + r.eligible, 0)
	const level2 = rows.reduce((n, r) => n + r.level2, 0)
	return { eligible, level2, byGroup: rows }
}
