import { and, count, eq, ne } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import type { RequestAuditContext } from '#server/audit/record-personal-data-read.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { roleDefinitions } from '#server/identity/permissions.ts'
import { type Role, roleAssignments, type ScopeKind, users } from '#server/identity/schema.ts'
import { scopeBelongsToWard } from '#server/identity/scope-options.server.ts'

export type ScopeResult = { ok: true; scopeKind: ScopeKind; scopeId: string | null } | { ok: false }

/**
 * The scope a role is assigned with: the ward, self, or a residential group / organisation of this
 * ward (the role decides which; see permissions.ts).
 */
export async function resolveRoleScope(
	db: Database,
	wardId: string,
	role: Role,
	scopeId: string | null | undefined,
): Promise<ScopeResult> {
	const kind = roleDefinitions[role].scopeKinds[0]
	if (!kind) return { ok: false }
	if (kind === 'ward' || kind === 'self') return { ok: true, scopeKind: kind, scopeId: null }
	if (!scopeId || !(await scopeBelongsToWard(db, wardId, kind, scopeId))) return { ok: false }
	return { ok: true, scopeKind: kind, scopeId }
}

export type GrantResult = { ok: true } | { ok: false; error: 'invalidScope' | 'alreadyHeld' | 'notFound' }

/** Gives an account a role within a scope. */
export async function grantRole(
	services: AppServices,
	audit: RequestAuditContext,
	input: { wardId: string; userId: string; role: Role; scopeId?: string | null },
): Promise<GrantResult> {
	const { db } = services
	const target = await db.query.users.findFirst({
		columns: { id: true },
		where: and(eq(users.id, input.userId), eq(users.wardId, input.wardId)),
	})
	if (!target) return { ok: false, error: 'notFound' }
	const scope = await resolveRoleScope(db, input.wardId, input.role, input.scopeId)
	if (!scope.ok) return { ok: false, error: 'invalidScope' }
	return db.transaction(async (tx) => {
		const inserted = await tx
			.insert(roleAssignments)
			.values({ userId: input.userId, role: input.role, scopeKind: scope.scopeKind, scopeId: scope.scopeId })
			.onConflictDoNothing()
			.returning({ id: roleAssignments.id })
		if (inserted.length === 0) return { ok: false, error: 'alreadyHeld' } as const
		await recordAudit(tx, {
			...audit,
			action: 'account.roleGranted',
			entityType: 'user',
			entityId: input.userId,
			details: { role: input.role, scopeKind: scope.scopeKind, scopeId: scope.scopeId },
		})
		return { ok: true } as const
	})
}

export type RevokeResult = { ok: true } | { ok: false; error: 'notFound' | 'lastAdmin' }

/** Takes a role assignment away; the ward always keeps at least one active administrator. */
export async function revokeRole(
	services: AppServices,
	audit: RequestAuditContext,
	input: { wardId: string; assignmentId: string },
): Promise<RevokeResult> {
	return services.db.transaction(async (tx) => {
		const [assignment] = await tx
			.select({
				id: roleAssignments.id,
				userId: roleAssignments.userId,
				role: roleAssignments.role,
				scopeKind: roleAssignments.scopeKind,
				scopeId: roleAssignments.scopeId,
			})
			.from(roleAssignments)
			.innerJoin(users, eq(users.id, roleAssignments.userId))
			.where(and(eq(roleAssignments.id, input.assignmentId), eq(users.wardId, input.wardId)))
		if (!assignment) return { ok: false, error: 'notFound' } as const
		if (
			assignment.role === 'wardAdmin' &&
			(await countOtherActiveAdmins(tx, input.wardId, assignment.userId)) === 0
		) {
			return { ok: false, error: 'lastAdmin' } as const
		}
		await tx.delete(roleAssignments).where(eq(roleAssignments.id, assignment.id))
		await recordAudit(tx, {
			...audit,
			action: 'account.roleRevoked',
			entityType: 'user',
			entityId: assignment.userId,
			details: { role: assignment.role, scopeKind: assignment.scopeKind, scopeId: assignment.scopeId },
		})
		return { ok: true } as const
	})
}

/** Active ward administrators other than this user. */
export async function countOtherActiveAdmins(db: Database, wardId: string, userId: string): Promise<number> {
	const [row] = await db
		.select({ n: count() })
		.from(roleAssignments)
		.innerJoin(users, eq(users.id, roleAssignments.userId))
		.where(
			and(
				eq(roleAssignments.role, 'wardAdmin'),
				eq(users.wardId, wardId),
				eq(users.status, 'active'),
				ne(users.id, userId),
			),
		)
	return row?.n ?? 0
}
