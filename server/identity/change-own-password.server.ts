import { eq } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import type { RequestAuditContext } from '#server/audit/record-personal-data-read.server.ts'
import { hashPassword, verifyPassword } from '#server/identity/password.server.ts'
import { users } from '#server/identity/schema.ts'
import { destroyAllSessionsForUser } from '#server/identity/session.server.ts'

/**
 * A signed-in person changes their own password after proving the current one; their other sessions
 * end (a stolen session does not survive the change), this one stays.
 */
export async function changeOwnPassword(
	services: AppServices,
	audit: RequestAuditContext,
	input: { userId: string; sessionId: string; currentPassword: string; newPassword: string },
): Promise<{ ok: true; otherSessionsEnded: number } | { ok: false; error: 'wrongPassword' }> {
	const { db } = services
	const account = await db.query.users.findFirst({
		columns: { passwordHash: true },
		where: eq(users.id, input.userId),
	})
	if (!account?.passwordHash || !(await verifyPassword(account.passwordHash, input.currentPassword))) {
		return { ok: false, error: 'wrongPassword' }
	}
	const passwordHash = await hashPassword(input.newPassword)
	await db.transaction(async (tx) => {
		await tx
			.update(users)
			.set({ passwordHash, mustChangePassword: false, updatedAt: new Date() })
			.where(eq(users.id, input.userId))
		await recordAudit(tx, {
			...audit,
			action: 'auth.passwordChanged',
			entityType: 'user',
			entityId: input.userId,
		})
	})
	const otherSessionsEnded = await destroyAllSessionsForUser(services, input.userId, {
		exceptSessionId: input.sessionId,
	})
	return { ok: true, otherSessionsEnded }
}
