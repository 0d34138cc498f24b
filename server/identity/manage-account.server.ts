import { and, eq } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import type { RequestAuditContext } from '#server/audit/record-personal-data-read.server.ts'
import { hashPassword } from '#server/identity/password.server.ts'
import { countOtherActiveAdmins } from '#server/identity/role-assignments.server.ts'
import { roleAssignments, users } from '#server/identity/schema.ts'
import { destroyAllSessionsForUser } from '#server/identity/session.server.ts'
import { generateTemporaryPassword } from '#server/identity/temporary-password.server.ts'
import { clearRateLimit } from '#server/security/rate-limit.server.ts'

/**
 * An administrator resets someone's password: a temporary one is returned to show once, the person
 * must choose their own at next sign-in, their sessions end and any lockout is lifted.
 */
export async function resetUserPassword(
	services: AppServices,
	audit: RequestAuditContext,
	input: { wardId: string; userId: string },
): Promise<{ ok: true; temporaryPassword: string } | { ok: false; error: 'notFound' }> {
	const { db } = services
	const temporaryPassword = generateTemporaryPassword()
	const passwordHash = await hashPassword(temporaryPassword)
	const updated = await db.transaction(async (tx) => {
		const rows = await tx
			.update(users)
			.set({
				passwordHash,
				mustChangePassword: true,
				failedLoginCount: 0,
				lockedUntil: null,
				updatedAt: new Date(),
			})
			.where(and(eq(users.id, input.userId), eq(users.wardId, input.wardId)))
			.returning({ id: users.id })
		if (rows.length === 0) return false
		await recordAudit(tx, {
			...audit,
			action: 'account.passwordReset',
			entityType: 'user',
			entityId: input.userId,
		})
		return true
	})
	if (!updated) return { ok: false, error: 'notFound' }
	await clearRateLimit(db, `signin:fail:user:${input.userId}`)
	await destroyAllSessionsForUser(services, input.userId)
	return { ok: true, temporaryPassword }
}

export type StatusResult = { ok: true } | { ok: false; error: 'notFound' | 'self' | 'lastAdmin' }

/** Disables an account (its sessions end at once) or enables it again. */
export async function setAccountStatus(
	services: AppServices,
	audit: RequestAuditContext,
	input: { wardId: string; userId: string; status: 'active' | 'disabled' },
): Promise<StatusResult> {
	const { db } = services
	if (input.status === 'disabled' && input.userId === audit.actor.userId) return { ok: false, error: 'self' }
	const result = await db.transaction(async (tx) => {
		if (input.status === 'disabled') {
			const admin = await tx.query.roleAssignments.findFirst({
				columns: { id: true },
				where: and(eq(roleAssignments.userId, input.userId), eq(roleAssignments.role, 'wardAdmin')),
			})
			if (admin && (await countOtherActiveAdmins(tx, input.wardId, input.userId)) === 0) return 'lastAdmin'
		}
		const rows = await tx
			.update(users)
			.set({ status: input.status, updatedAt: new Date() })
			.where(and(eq(users.id, input.userId), eq(users.wardId, input.wardId)))
			.returning({ id: users.id })
		if (rows.length === 0) return 'notFound'
		await recordAudit(tx, {
			...audit,
			action: input.status === 'disabled' ? 'account.disabled' : 'account.enabled',
			entityType: 'user',
			entityId: input.userId,
		})
		return 'ok'
	})
	if (result !== 'ok') return { ok: false, error: result }
	if (input.status === 'disabled') await destroyAllSessionsForUser(services, input.userId)
	return { ok: true }
}
