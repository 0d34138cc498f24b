import { and, eq, sql } from 'drizzle-orm'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { generateCertificateCode } from '#server/certification/certificate-code.ts'
import { type CertificateBasis, certificates } from '#server/certification/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import { residents } from '#server/people/schema.ts'

export type Certificate = typeof certificates.$inferSelect

export interface IssueCertificateInput {
	wardId: string
	residentId: string
	trackId: string
	basis: CertificateBasis
	/** The assessment attempt (or oral assessment) id, or the reference in an imported list. */
	sourceId?: string | null
	/** Null when the system issues it (a CLI import, the demo seed). */
	issuedByUserId: string | null
	/** The audit entry's actor label (username or 'cli'); never a personal identifier. */
	actorLabel?: string | null
	/** Defaults to today in the ward's time; imports give the date of the list. */
	issuedOn?: string
	importId?: string | null
	requestId?: string | null
	ip?: string | null
}

export class CertificateIssueError extends Error {
	constructor(readonly reason: 'residentNotInWard') {
		super(`Cannot issue certificate: ${reason}`)
	}
}

/** Today's date in the ward's time zone, "YYYY-MM-DD". */
export function todayInWard(now = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now)
}

/**
 * Issues the resident's certificate for the track, or returns the valid one they already hold
 * (`created: false`): calling it twice — a retried request, a re-imported list, two app servers at once —
 * never makes a second certificate. The partial unique index (resident, track) where status = 'valid'
 * decides races. Pass the caller's transaction so the certificate commits with what earned it.
 */
export async function issueCertificate(
	tx: Database,
	input: IssueCertificateInput,
): Promise<Certificate & { created: boolean }> {
	const [resident] = await tx
		.select({ id: residents.id })
		.from(residents)
		.where(and(eq(residents.id, input.residentId), eq(residents.wardId, input.wardId)))
	if (!resident) throw new CertificateIssueError('residentNotInWard')

	const existing = await findValidCertificate(tx, input.residentId, input.trackId)
	if (existing) return { ...existing, created: false }

	const [inserted] = await tx
		.insert(certificates)
		.values({
			wardId: input.wardId,
			residentId: input.residentId,
			trackId: input.trackId,
			code: generateCertificateCode(),
			basis: input.basis,
			sourceId: input.sourceId ?? null,
			importId: input.importId ?? null,
			issuedOn: input.issuedOn ?? todayInWard(),
			issuedBy: input.issuedByUserId,
		})
		.onConflictDoNothing({
			target: [certificates.residentId, certificates.trackId],
			where: sql`${certificates.status} = 'valid'`,
		})
		.returning()
	if (!inserted) {
		// Another transaction issued it between our check and our insert.
		const winner = await findValidCertificate(tx, input.residentId, input.trackId)
		if (!winner) throw new Error('Certificate conflict without a valid certificate')
		return { ...winner, created: false }
	}

	await recordAudit(tx, {
		actor: { userId: input.issuedByUserId, label: input.actorLabel ?? null, wardId: input.wardId },
		action: 'certificate.issued',
		entityType: 'certificate',
		entityId: inserted.id,
		requestId: input.requestId ?? null,
		ip: input.ip ?? null,
		details: {
			residentId: input.residentId,
			trackId: input.trackId,
			basis: input.basis,
			sourceId: input.sourceId ?? undefined,
			importId: input.importId ?? undefined,
		},
	})
	return { ...inserted, created: true }
}

async function findValidCertificate(
	tx: Database,
	residentId: string,
	trackId: string,
): Promise<Certificate | undefined> {
	const [row] = await tx
		.select()
		.from(certificates)
		.where(
			and(
				eq(certificates.residentId, residentId),
				eq(certificates.trackId, trackId),
				eq(certificates.status, 'valid'),
			),
		)
	return row
}
