import { asc } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { targetGroups } from '#server/people/schema.ts'

/** Target groups for filters and forms, in the ward's order. */
export function listTargetGroups(db: Database) {
	return db
		.select({ code: targetGroups.code, nameVi: targetGroups.nameVi, nameEn: targetGroups.nameEn })
		.from(targetGroups)
		.orderBy(asc(targetGroups.sortOrder))
}
