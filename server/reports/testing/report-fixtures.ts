import type { Database } from '#server/db/client.server.ts'
import type { PolicySubject } from '#server/identity/permissions.ts'
import { type Role, roleAssignments, users } from '#server/identity/schema.ts'

/** An account with one role (scoped to an organisation for a focal point), for the reports tests. */
export async function insertReportAccount(
	db: Database,
	input: { wardId: string; username: string; role: Role; organizationId?: string },
): Promise<PolicySubject & { displayName: string }> {
	const [user] = await db
		.insert(users)
		.values({ wardId: input.wardId, username: input.username, displayName: `Người dùng ${input.username}` })
		.returning({ id: users.id })
	if (!user) throw new Error('user')
	const scopeKind = input.organizationId ? ('organization' as const) : ('ward' as const)
	await db
		.insert(roleAssignments)
		.values({ userId: user.id, role: input.role, scopeKind, scopeId: input.organizationId ?? null })
	return {
		id: user.id,
		wardId: input.wardId,
		residentId: null,
		displayName: `Người dùng ${input.username}`,
		roles: [{ role: input.role, scopeKind, scopeId: input.organizationId ?? null }],
	}
}
