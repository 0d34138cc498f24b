import { and, desc, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '#server/db/client.server.ts'
import { getCriterion } from '#server/emulation/criteria.server.ts'
import { emulationCriteria, emulationManualScores } from '#server/emulation/schema.ts'
import type { ManualPoints } from '#server/emulation/subject-values.server.ts'
import { users } from '#server/identity/schema.ts'

/*
 * Hand scores (chấm điểm theo minh chứng): ward staff give points on a manual criterion with a note and a
 * link or a file. Each score is a new row; the latest per criterion and subject counts, so who changed a
 * score, when and on what evidence stays on record.
 */

/** Files accepted as evidence: images and PDFs of at most 2 MB, as for pilot-model evidence. */
export const EVIDENCE_MAX_BYTES = 2 * 1024 * 1024
export const EVIDENCE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const

export const ManualScoreFormSchema = z.object({
	subjectId: z.uuid({ error: 'emulation.error.subject' }),
	points: z
		.string()
		.trim()
		.min(1, { error: 'emulation.error.points' })
		.transform((v, ctx) => {
			const n = Number(v.replace(',', '.'))
			if (!Number.isFinite(n) || n < 0 || n > 100) {
				ctx.addIssue({ code: 'custom', message: 'emulation.error.points' })
				return z.NEVER
			}
			return Math.round(n * 100) / 100
		}),
	note: z
		.string()
		.trim()
		.min(5, { error: 'emulation.error.note' })
		.max(2000, { error: 'emulation.error.note' }),
	url: z
		.url({ protocol: /^https?$/, error: 'emulation.error.url' })
		.max(1000, { error: 'emulation.error.url' })
		.optional()
		.or(z.literal('').transform(() => undefined)),
})
export type ManualScoreForm = z.infer<typeof ManualScoreFormSchema>

export interface EvidenceFile {
	name: string
	type: string
	bytes: Uint8Array<ArrayBuffer>
}

export type ManualScoreResult =
	| { ok: true; id: string }
	| { ok: false; reason: 'notFound' | 'notManual' | 'closed' | 'tooMany' | 'notSubject' }

/**
 * Records hand points on a manual criterion for a subject of its set. Refused when the period is closed,
 * the points exceed the criterion's maximum, or the subject is not one of the ranked units or people
 * (`isSubject`, checked by the caller's list of subjects).
 */
export async function recordManualScore(
	db: Database,
	input: {
		wardId: string
		criterionId: string
		form: ManualScoreForm
		file?: EvidenceFile
		isSubject: (subjectId: string) => boolean
		by: string
	},
): Promise<ManualScoreResult> {
	const criterion = await getCriterion(db, { wardId: input.wardId, criterionId: input.criterionId })
	if (!criterion) return { ok: false, reason: 'notFound' }
	if (criterion.rule.kind !== 'manual') return { ok: false, reason: 'notManual' }
	if (criterion.periodStatus !== 'open') return { ok: false, reason: 'closed' }
	if (input.form.points > criterion.maxPoints) return { ok: false, reason: 'tooMany' }
	if (!input.isSubject(input.form.subjectId)) return { ok: false, reason: 'notSubject' }
	const [row] = await db
		.insert(emulationManualScores)
		.values({
			criterionId: criterion.id,
			subjectId: input.form.subjectId,
			points: input.form.points,
			note: input.form.note,
			evidenceUrl: input.form.url ?? null,
			evidenceFileName: input.file?.name ?? null,
			evidenceContentType: input.file?.type ?? null,
			evidenceBytes: input.file?.bytes ?? null,
			evidenceSizeBytes: input.file?.bytes.byteLength ?? null,
			scoredBy: input.by,
		})
		.returning({ id: emulationManualScores.id })
	return { ok: true, id: row!.id }
}

/** The latest hand points per criterion and subject, for the given criteria. */
export async function latestManualPoints(
	db: Database,
	criterionIds: readonly string[],
): Promise<ManualPoints> {
	const result: ManualPoints = new Map()
	if (criterionIds.length === 0) return result
	const rows = await db
		.selectDistinctOn([emulationManualScores.criterionId, emulationManualScores.subjectId], {
			criterionId: emulationManualScores.criterionId,
			subjectId: emulationManualScores.subjectId,
			points: emulationManualScores.points,
		})
		.from(emulationManualScores)
		.where(inArray(emulationManualScores.criterionId, [...criterionIds]))
		.orderBy(
			emulationManualScores.criterionId,
			emulationManualScores.subjectId,
			desc(emulationManualScores.scoredAt),
			desc(emulationManualScores.id),
		)
	for (const row of rows) {
		const bySubject = result.get(row.criterionId) ?? new Map<string, number>()
		bySubject.set(row.subjectId, row.points)
		result.set(row.criterionId, bySubject)
	}
	return result
}

/** Every hand score of a criterion, latest first, with its evidence (no file bytes) and who gave it. */
export async function listManualScores(db: Database, criterionId: string) {
	return db
		.select({
			id: emulationManualScores.id,
			subjectId: emulationManualScores.subjectId,
			points: emulationManualScores.points,
			note: emulationManualScores.note,
			url: emulationManualScores.evidenceUrl,
			fileName: emulationManualScores.evidenceFileName,
			sizeBytes: emulationManualScores.evidenceSizeBytes,
			scoredBy: users.displayName,
			scoredAt: emulationManualScores.scoredAt,
		})
		.from(emulationManualScores)
		.innerJoin(users, eq(users.id, emulationManualScores.scoredBy))
		.where(eq(emulationManualScores.criterionId, criterionId))
		.orderBy(desc(emulationManualScores.scoredAt), desc(emulationManualScores.id))
}

/** An evidence file of a hand score of this ward, or null. */
export async function readManualEvidenceFile(db: Database, input: { wardId: string; scoreId: string }) {
	const [row] = await db
		.select({
			fileName: emulationManualScores.evidenceFileName,
			contentType: emulationManualScores.evidenceContentType,
			bytes: emulationManualScores.evidenceBytes,
			periodId: emulationCriteria.periodId,
			subject: emulationCriteria.subject,
			subjectId: emulationManualScores.subjectId,
		})
		.from(emulationManualScores)
		.innerJoin(emulationCriteria, eq(emulationCriteria.id, emulationManualScores.criterionId))
		.where(and(eq(emulationManualScores.id, input.scoreId), eq(emulationCriteria.wardId, input.wardId)))
	return row?.bytes && row.fileName ? row : null
}
