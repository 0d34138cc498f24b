import { and, desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { AuditActor } from '#server/audit/record-audit.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { users } from '#server/identity/schema.ts'
import { residents } from '#server/people/schema.ts'
import {
	CONSENT_NOTE_MAX,
	type ConsentPurpose,
	consentDecisions,
	consentMethods,
	consentPurposes,
} from '#server/privacy/consent-vocabulary.ts'
import { consentRecords } from '#server/privacy/schema.ts'

export const ConsentFormSchema = z.object({
	purpose: z.enum(consentPurposes, { error: 'privacy.consent.error.purpose' }),
	decision: z.enum(consentDecisions, { error: 'privacy.consent.error.decision' }),
	method: z.enum(consentMethods, { error: 'privacy.consent.error.method' }),
	note: z
		.string()
		.trim()
		.max(CONSENT_NOTE_MAX, { error: 'privacy.consent.error.note' })
		.optional()
		.transform((v) => (v ? v : null)),
})
export type ConsentForm = z.infer<typeof ConsentFormSchema>

export interface ConsentDecision {
	decision: (typeof consentDecisions)[number]
	method: (typeof consentMethods)[number]
	recordedAt: string
	recordedByName: string | null
	note: string | null
}

export interface ConsentState {
	purpose: ConsentPurpose
	/** The latest decision; null when the person was never asked. */
	current: ConsentDecision | null
	history: ConsentDecision[]
}

/** Each purpose with the person's latest decision and the history behind it, newest first. */
export async function readConsents(db: Database, residentId: string): Promise<ConsentState[]> {
	const rows = await db
		.select({
			purpose: consentRecords.purpose,
			decision: consentRecords.decision,
			method: consentRecords.method,
			recordedAt: consentRecords.recordedAt,
			recordedByName: users.displayName,
			note: consentRecords.note,
		})
		.from(consentRecords)
		.leftJoin(users, eq(users.id, consentRecords.recordedBy))
		.where(eq(consentRecords.residentId, residentId))
		.orderBy(desc(consentRecords.recordedAt), desc(consentRecords.id))
	return consentPurposes.map((purpose) => {
		const history = rows
			.filter((row) => row.purpose === purpose)
			.map(({ purpose: _, recordedAt, ...row }) => ({ ...row, recordedAt: recordedAt.toISOString() }))
		return { purpose, current: history[0] ?? null, history }
	})
}

/** Whether the person has consented to a purpose now (never asked counts as no). */
export async function hasConsented(
	db: Database,
	residentId: string,
	purpose: ConsentPurpose,
): Promise<boolean> {
	const [latest] = await db
		.select({ decision: consentRecords.decision })
		.from(consentRecords)
		.where(and(eq(consentRecords.residentId, residentId), eq(consentRecords.purpose, purpose)))
		.orderBy(desc(consentRecords.recordedAt), desc(consentRecords.id))
		.limit(1)
	return latest?.decision === 'given'
}

/**
 * Appends one decision (never updates: the history is the proof, Decree 13 Art. 11 §6). Refuses a
 * resident of another ward or one whose data was erased. The audit entry names the purpose and the
 * decision, never the note.
 */
export async function recordConsent(
	db: Database,
	input: { wardId: string; residentId: string; recordedBy: string | null; actor: AuditActor } & ConsentForm,
): Promise<'recorded' | 'notFound'> {
	return db.transaction(async (tx) => {
		const [resident] = await tx
			.select({ id: residents.id, anonymisedAt: residents.anonymisedAt })
			.from(residents)
			.where(and(eq(residents.id, input.residentId), eq(residents.wardId, input.wardId)))
		if (!resident || resident.anonymisedAt) return 'notFound'
		await tx.insert(consentRecords).values({
			wardId: input.wardId,
			residentId: input.residentId,
			purpose: input.purpose,
			decision: input.decision,
			method: input.method,
			recordedBy: input.recordedBy,
			note: input.note,
		})
		await recordAudit(tx, {
			actor: input.actor,
			action: 'privacy.consentRecorded',
			entityType: 'resident',
			entityId: input.residentId,
			details: { purpose: input.purpose, decision: input.decision, method: input.method },
		})
		return 'recorded'
	})
}
