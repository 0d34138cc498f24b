import { and, eq, inArray } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { type Permission, roleDefinitions } from '#server/identity/permissions.ts'
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

/**
 * The ward's active accounts holding `permission` ward-wide (e.g. those who review unit reports): whom to
 * tell when a unit has nobody to remind.
 */
export async function listWardStaffWith(
	db: Database,
	wardId: string,
	permission: Permission,
): Promise<{ userId: string }[]> {
	const roles = Object.entries(roleDefinitions)
		.filter(
			([, definition]) =>
				definition.scopeKinds.includes('ward') && definition.permissions.includes(permission),
		)
		.map(([role]) => role as keyof typeof roleDefinitions)
	if (roles.length === 0) return []
	return db
		.selectDistinct({ userId: users.id })
		.from(roleAssignments)
		.innerJoin(users, eq(users.id, roleAssignments.userId))
		.where(
			and(
				inArray(roleAssignments.role, roles),
				eq(roleAssignments.scopeKind, 'ward'),
				eq(users.wardId, wardId),
				eq(users.status, 'active'),
			),
		)
}
