import { and, eq, sql } from 'drizzle-orm'
import { canonicalJson } from '#server/audit/canonical-json.ts'
import { type AuditActor, recordAudit } from '#server/audit/record-audit.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { bumpKnowledgeBaseRevision } from '#server/procedures/kb-state.server.ts'
import type {
	CorrectableField,
	FieldOverride,
	ProcedureFields,
	ProcedureOverrides,
} from '#server/procedures/procedure-fields.ts'
import { type ProcedureRevisionKind, procedureRevisions, procedures } from '#server/procedures/schema.ts'

export interface ProcedureCorrection {
	code: string
	/** The version the editor read (optimistic concurrency). */
	version: number
	/** New values of correctable fields; a value equal to the national one removes the correction. */
	fields?: { [K in CorrectableField]?: ProcedureFields[K] }
	handledAtWard?: boolean
	localNote?: string
	keywords?: string
	/** Why (shown in the history). */
	reason?: string | null
}

export type CorrectionResult =
	| { ok: true; version: number; changed: boolean }
	| { ok: false; error: 'notFound' | 'conflict' }

// jsonb gives keys back in its own order: compare canonical JSON.
const same = (a: unknown, b: unknown) => canonicalJson(a) === canonicalJson(b)

/**
 * Applies staff corrections and local additions to a procedure record in one transaction: each field
 * change and removal, the "handled at the ward" flag, the local note and keywords become history
 * rows, the record's version moves on, the audit trail records who did it, and every search index
 * rebuilds at its next question. National re-imports keep all of it (only `national` is replaced).
 */
export async function correctProcedure(
	db: Database,
	audit: { actor: AuditActor; ip?: string | null; requestId?: string | null },
	input: ProcedureCorrection,
): Promise<CorrectionResult> {
	return db.transaction(async (tx) => {
		const [row] = await tx.select().from(procedures).where(eq(procedures.code, input.code)).for('update')
		if (!row) return { ok: false, error: 'notFound' } as const
		if (row.version !== input.version) return { ok: false, error: 'conflict' } as const
		const overrides: ProcedureOverrides = { ...row.overrides }
		const corrected: Record<string, { from: unknown; to: unknown }> = {}
		const removed: Record<string, { from: unknown; to: unknown }> = {}
		for (const [key, value] of Object.entries(input.fields ?? {}) as [CorrectableField, unknown][]) {
			if (value === undefined) continue
			const national = row.national[key]
			const before = overrides[key]?.value ?? national
			if (same(value, before)) continue
			if (same(value, national)) {
				delete overrides[key]
				removed[key] = { from: before, to: national }
			} else {
				;(overrides as Record<string, FieldOverride>)[key] = {
					value,
					nationalValue: national,
				} as FieldOverride
				corrected[key] = { from: before, to: value }
			}
		}
		const revisions: { kind: ProcedureRevisionKind; changes: Record<string, unknown> }[] = []
		if (Object.keys(corrected).length) revisions.push({ kind: 'corrected', changes: corrected })
		if (Object.keys(removed).length) revisions.push({ kind: 'correctionRemoved', changes: removed })
		const flag = input.handledAtWard
		if (flag !== undefined && flag !== row.handledAtWard)
			revisions.push({ kind: 'wardFlag', changes: { handledAtWard: { from: row.handledAtWard, to: flag } } })
		const note = input.localNote?.trim()
		if (note !== undefined && note !== row.localNote)
			revisions.push({ kind: 'localNote', changes: { localNote: { from: row.localNote, to: note } } })
		const keywords = input.keywords?.trim()
		if (keywords !== undefined && keywords !== row.keywords)
			revisions.push({ kind: 'keywords', changes: { keywords: { from: row.keywords, to: keywords } } })
		if (revisions.length === 0) return { ok: true, version: row.version, changed: false } as const
		const version = row.version + 1
		await tx
			.update(procedures)
			.set({
				overrides,
				...(flag !== undefined && flag !== row.handledAtWard
					? { handledAtWard: flag, handledAtWardSource: 'staff' as const }
					: {}),
				...(note !== undefined ? { localNote: note } : {}),
				...(keywords !== undefined ? { keywords } : {}),
				version,
				updatedAt: sql`now()`,
			})
			.where(and(eq(procedures.code, input.code), eq(procedures.version, input.version)))
		await tx.insert(procedureRevisions).values(
			revisions.map((r) => ({
				procedureCode: input.code,
				kind: r.kind,
				changes: r.changes,
				reason: input.reason?.trim() || null,
				actorUserId: audit.actor.userId,
				actorLabel: audit.actor.label,
				version,
			})),
		)
		await bumpKnowledgeBaseRevision(tx)
		await recordAudit(tx, {
			actor: audit.actor,
			action: 'procedure.corrected',
			entityType: 'procedure',
			entityId: input.code,
			ip: audit.ip ?? null,
			requestId: audit.requestId ?? null,
			details: {
				kinds: revisions.map((r) => r.kind),
				fields: [...Object.keys(corrected), ...Object.keys(removed)],
			},
		})
		return { ok: true, version, changed: true } as const
	})
}

/** The history of a record, newest first. */
export async function listProcedureRevisions(db: Database, code: string) {
	return db
		.select({
			id: procedureRevisions.id,
			at: procedureRevisions.at,
			kind: procedureRevisions.kind,
			actorLabel: procedureRevisions.actorLabel,
			changes: procedureRevisions.changes,
			reason: procedureRevisions.reason,
			version: procedureRevisions.version,
		})
		.from(procedureRevisions)
		.where(eq(procedureRevisions.procedureCode, code))
		.orderBy(sql`${procedureRevisions.at} desc, ${procedureRevisions.version} desc`)
		.limit(200)
}
