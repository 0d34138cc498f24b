import { and, eq } from 'drizzle-orm'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { REVOKE_REASON_MAX } from '#server/certification/revoke-limits.ts'
import { certificates } from '#server/certification/schema.ts'
import type { Database } from '#server/db/client.server.ts'

export type RevokeResult =
	| { ok: true }
	| { ok: false; reason: 'notFound' | 'alreadyRevoked' | 'reasonRequired' }

/**
 * Revokes a valid certificate with the reason given, in one transaction with its audit entry. The row
 * stays (the verify page then says "revoked"); the resident may be issued a new one for the track.
 */
export async function revokeCertificate(
	db: Database,
	input: {
		wardId: string
		certificateId: string
		reason: string
		userId: string | null
		actorLabel: string | null
		requestId?: string | null
		ip?: string | null
	},
): Promise<RevokeResult> {
	const reason = input.reason.trim().slice(0, REVOKE_REASON_MAX)
	if (!reason) return { ok: false, reason: 'reasonRequired' }
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select({
				status: certificates.status,
				residentId: certificates.residentId,
				trackId: certificates.trackId,
			})
			.from(certificates)
			.where(and(eq(certificates.id, input.certificateId), eq(certificates.wardId, input.wardId)))
			.for('update')
		if (!current) return { ok: false, reason: 'notFound' } as const
		if (current.status === 'revoked') return { ok: false, reason: 'alreadyRevoked' } as const
		await tx
			.update(certificates)
			.set({ status: 'revoked', revokedReason: reason, revokedBy: input.userId, revokedAt: new Date() })
			.where(eq(certificates.id, input.certificateId))
		await recordAudit(tx, {
			actor: { userId: input.userId, label: input.actorLabel, wardId: input.wardId },
			action: 'certificate.revoked',
			entityType: 'certificate',
			entityId: input.certificateId,
			requestId: input.requestId ?? null,
			ip: input.ip ?? null,
			// The reason is staff's words about a decision, kept with the entry (never an identifier).
			details: { residentId: current.residentId, trackId: current.trackId, reason },
		})
		return { ok: true } as const
	})
}
