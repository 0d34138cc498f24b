import { eq } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import type { RequestAuditContext } from '#server/audit/record-personal-data-read.server.ts'
import { normalizeUsername } from '#server/identity/find-user-for-sign-in.server.ts'
import { hashPassword } from '#server/identity/password.server.ts'
import { resolveRoleScope } from '#server/identity/role-assignments.server.ts'
import { type Role, roleAssignments, users } from '#server/identity/schema.ts'
import { generateTemporaryPassword } from '#server/identity/temporary-password.server.ts'
import { lookupHash, normalizePhone } from '#server/security/personal-data.server.ts'

export interface CreateUserAccountInput {
	wardId: string
	username: string
	displayName: string
	/** Lets the person sign in with their phone number; only its keyed hash is stored. */
	phone?: string | null
	role: Role
	/** Residential group or organisation id, for roles scoped to one. */
	scopeId?: string | null
	/** Omitted: a temporary password is generated, shown once, and must be changed at first sign-in. */
	password?: string
}

export type CreateUserAccountResult =
	| { ok: true; userId: string; temporaryPassword: string | null }
	| { ok: false; error: 'usernameTaken' | 'phoneTaken' | 'invalidScope' }

/** Creates a staff, volunteer, instructor or auditor account with its first role. */
export async function createUserAccount(
	services: AppServices,
	audit: RequestAuditContext,
	input: CreateUserAccountInput,
): Promise<CreateUserAccountResult> {
	const { db } = services
	const username = normalizeUsername(input.username)
	const phoneHash = input.phone ? lookupHash(services.keyring, 'phone', normalizePhone(input.phone)) : null
	if (await db.query.users.findFirst({ columns: { id: true }, where: eq(users.username, username) })) {
		return { ok: false, error: 'usernameTaken' }
	}
	if (
		phoneHash &&
		(await db.query.users.findFirst({ columns: { id: true }, where: eq(users.phoneHash, phoneHash) }))
	) {
		return { ok: false, error: 'phoneTaken' }
	}
	const scope = await resolveRoleScope(db, input.wardId, input.role, input.scopeId)
	if (!scope.ok) return { ok: false, error: 'invalidScope' }
	const temporaryPassword = input.password ? null : generateTemporaryPassword()
	const passwordHash = await hashPassword(input.password ?? (temporaryPassword as string))
	const userId = await db.transaction(async (tx) => {
		const [created] = await tx
			.insert(users)
			.values({
				wardId: input.wardId,
				username,
				displayName: input.displayName.trim(),
				passwordHash,
				phoneHash,
				mustChangePassword: temporaryPassword !== null,
			})
			.returning({ id: users.id })
		if (!created) throw new Error('user insert returned nothing')
		await tx
			.insert(roleAssignments)
			.values({ userId: created.id, role: input.role, scopeKind: scope.scopeKind, scopeId: scope.scopeId })
		await recordAudit(tx, {
			...audit,
			action: 'account.created',
			entityType: 'user',
			entityId: created.id,
			details: {
				username,
				role: input.role,
				scopeKind: scope.scopeKind,
				scopeId: scope.scopeId,
				withPhone: phoneHash !== null,
			},
		})
		return created.id
	})
	return { ok: true, userId, temporaryPassword }
}
