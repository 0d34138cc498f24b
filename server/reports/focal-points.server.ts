import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { roleAssignments, users } from '#server/identity/schema.ts'

/** The active accounts that hold the focal-point role for each of these organisations. */
export async function listFocalPoints(
	db: Database,
	organizationIds: readonly string[],
): Promise<{ organizationId: string; userId: string; displayName: string }[]> {
	if (organizationIds.length === 0) return []
	const rows = await db
		.selectDistinct({
			organizationId: roleAssignments.scopeId,
			userId: users.id,
			displayName: users.displayName,
		})
		.from(roleAssignments)
		.innerJoin(users, eq(users.id, roleAssignments.userId))
		.where(
			and(
				eq(roleAssignments.role, 'focalPoint'),
				eq(roleAssignments.scopeKind, 'organization'),
				inArray(roleAssignments.scopeId, [...organizationIds]),
				eq(users.status, 'active'),
			),
		)
	return rows.map((row) => ({ ...row, organizationId: row.organizationId as string }))
}
