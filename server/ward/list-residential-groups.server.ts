import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { residentialGroups } from '#server/ward/schema.ts'

/** The ward's residential groups in their order, limited to `only` when the caller's scope is narrower. */
export async function listResidentialGroups(
	db: Database,
	input: { wardId: string; only?: 'all' | string[] },
) {
	if (Array.isArray(input.only) && input.only.length === 0) return []
	return db
		.select({ id: residentialGroups.id, code: residentialGroups.code, name: residentialGroups.name })
		.from(residentialGroups)
		.where(
			and(
				eq(residentialGroups.wardId, input.wardId),
				Array.isArray(input.only) ? inArray(residentialGroups.id, input.only) : undefined,
			),
		)
		.orderBy(asc(residentialGroups.sortOrder), asc(residentialGroups.code))
}
