import type { Database } from '#server/db/client.server.ts'
import { targetGroups } from '#server/people/schema.ts'
import { standardTargetGroups } from '#server/people/target-groups.ts'

/**
 * Inserts the standard target groups that are missing. Existing rows are left as they are, so a
 * ward's own wording survives upgrades.
 */
export async function ensureStandardTargetGroups(db: Database): Promise<void> {
	await db
		.insert(targetGroups)
		.values(
			standardTargetGroups.map(({ code, nameVi, nameEn, descriptionVi, derivation, sortOrder }) => ({
				code,
				nameVi,
				nameEn,
				descriptionVi,
				derivation,
				sortOrder,
			})),
		)
		.onConflictDoNothing({ target: targetGroups.code })
}
