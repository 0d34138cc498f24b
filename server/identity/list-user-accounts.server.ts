import { and, asc, count, eq, ilike, inArray, or, type SQL } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import type { RoleGrant } from '#server/identity/permissions.ts'
import { roleAssignments, users } from '#server/identity/schema.ts'
import { type DescribedGrant, describeGrants } from '#server/identity/scope-options.server.ts'

export interface UserAccountSummary {
	id: string
	username: string | null
	displayName: string
	status: 'active' | 'disabled'
	lastLoginAt: Date | null
	lockedUntil: Date | null
	roles: (DescribedGrant & { id: string })[]
}

/** One page of a ward's accounts, by name, optionally filtered by name or username. */
export async function listUserAccounts(
	db: Database,
	query: { wardId: string; q?: string; page: number; pageSize: number },
): Promise<{ items: UserAccountSummary[]; total: number }> {
	const conditions: SQL[] = [eq(users.wardId, query.wardId)]
	if (query.q) {
		const pattern = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
		conditions.push(or(ilike(users.displayName, pattern), ilike(users.username, pattern)) as SQL)
	}
	const where = and(...conditions)
	const [rows, totals] = await Promise.all([
		db
			.select({
				id: users.id,
				username: users.username,
				displayName: users.displayName,
				status: users.status,
				lastLoginAt: users.lastLoginAt,
				lockedUntil: users.lockedUntil,
			})
			.from(users)
			.where(where)
			.orderBy(asc(users.displayName), asc(users.id))
			.limit(query.pageSize)
			.offset((query.page - 1) * query.pageSize),
		db.select({ n: count() }).from(users).where(where),
	])
	const roles = await rolesOf(
		db,
		rows.map((r) => r.id),
	)
	return {
		items: rows.map((r) => ({ ...r, roles: roles.filter((g) => g.userId === r.id) })),
		total: totals[0]?.n ?? 0,
	}
}

/** One account of the ward, with its roles; null when it is not in this ward. */
export async function readUserAccount(
	db: Database,
	wardId: string,
	userId: string,
): Promise<(UserAccountSummary & { mustChangePassword: boolean; hasPassword: boolean }) | null> {
	const account = await db.query.users.findFirst({
		columns: {
			id: true,
			username: true,
			displayName: true,
			status: true,
			lastLoginAt: true,
			lockedUntil: true,
			mustChangePassword: true,
			passwordHash: true,
		},
		where: and(eq(users.id, userId), eq(users.wardId, wardId)),
	})
	if (!account) return null
	const { passwordHash, ...rest } = account
	return { ...rest, hasPassword: passwordHash !== null, roles: await rolesOf(db, [userId]) }
}

async function rolesOf(db: Database, userIds: string[]) {
	if (userIds.length === 0) return []
	const grants: (RoleGrant & { id: string; userId: string })[] = await db
		.select({
			id: roleAssignments.id,
			userId: roleAssignments.userId,
			role: roleAssignments.role,
			scopeKind: roleAssignments.scopeKind,
			scopeId: roleAssignments.scopeId,
		})
		.from(roleAssignments)
		.where(inArray(roleAssignments.userId, userIds))
		.orderBy(asc(roleAssignments.createdAt))
	return describeGrants(db, grants)
}
