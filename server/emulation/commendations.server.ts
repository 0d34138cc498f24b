import { and, asc, eq, isNull, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '#server/db/client.server.ts'
import type { EmulationSubject } from '#server/emulation/criterion-rules.ts'
import { readRanking } from '#server/emulation/rankings.server.ts'
import { commendationAwards, emulationCommendations, emulationSubjects } from '#server/emulation/schema.ts'
import { users } from '#server/identity/schema.ts'
import type { ReportingPeriod } from '#server/reports/periods.server.ts'

/*
 * Proposed commendations (đề nghị khen thưởng): ward staff pick a unit or a person from a period's ranking
 * with the form of commendation and a short reason. The name, rank and total are kept as they were when
 * proposed; a proposal is withdrawn, never deleted.
 */

export const ProposeCommendationFormSchema = z.object({
	subject: z.enum(emulationSubjects, { error: 'emulation.error.subject' }),
	subjectId: z.uuid({ error: 'emulation.error.subject' }),
	award: z.enum(commendationAwards, { error: 'emulation.error.award' }),
	reason: z
		.string()
		.trim()
		.min(10, { error: 'emulation.error.reason' })
		.max(1000, { error: 'emulation.error.reason' }),
})
export type ProposeCommendationForm = z.infer<typeof ProposeCommendationFormSchema>

/** Proposes a subject of the period's ranking; 'notRanked' if it is not in it, 'duplicate' if already proposed. */
export async function proposeCommendation(
	db: Database,
	input: {
		period: Pick<ReportingPeriod, 'id' | 'wardId' | 'startsOn' | 'endsOn' | 'status'>
		form: ProposeCommendationForm
		by: string
	},
): Promise<{ ok: true; id: string } | { ok: false; reason: 'notRanked' | 'duplicate' }> {
	const ranking = await readRanking(db, { period: input.period, subject: input.form.subject, by: input.by })
	const row = ranking.rows.find((r) => r.subjectId === input.form.subjectId)
	if (!row) return { ok: false, reason: 'notRanked' }
	const [inserted] = await db
		.insert(emulationCommendations)
		.values({
			wardId: input.period.wardId,
			periodId: input.period.id,
			subject: input.form.subject,
			subjectId: row.subjectId,
			name: row.name,
			rank: row.rank,
			total: row.total,
			award: input.form.award,
			reason: input.form.reason,
			proposedBy: input.by,
		})
		.onConflictDoNothing()
		.returning({ id: emulationCommendations.id })
	return inserted ? { ok: true, id: inserted.id } : { ok: false, reason: 'duplicate' }
}

/** Withdraws a proposal of this ward that is still standing; false when there is none. */
export async function withdrawCommendation(
	db: Database,
	input: { wardId: string; id: string; by: string },
): Promise<boolean> {
	const updated = await db
		.update(emulationCommendations)
		.set({ withdrawnAt: new Date(), withdrawnBy: input.by })
		.where(
			and(
				eq(emulationCommendations.id, input.id),
				eq(emulationCommendations.wardId, input.wardId),
				isNull(emulationCommendations.withdrawnAt),
			),
		)
		.returning({ id: emulationCommendations.id })
	return updated.length > 0
}

export interface Commendation {
	id: string
	subject: EmulationSubject
	subjectId: string
	name: string
	rank: number
	total: number
	award: (typeof commendationAwards)[number]
	reason: string
	proposedBy: string
	proposedAt: Date
}

/** The standing proposals of a period: units first, then individuals, each by rank. */
export async function listCommendations(db: Database, periodId: string): Promise<Commendation[]> {
	return db
		.select({
			id: emulationCommendations.id,
			subject: emulationCommendations.subject,
			subjectId: emulationCommendations.subjectId,
			name: emulationCommendations.name,
			rank: emulationCommendations.rank,
			total: emulationCommendations.total,
			award: emulationCommendations.award,
			reason: emulationCommendations.reason,
			proposedBy: users.displayName,
			proposedAt: emulationCommendations.proposedAt,
		})
		.from(emulationCommendations)
		.innerJoin(users, eq(users.id, emulationCommendations.proposedBy))
		.where(and(eq(emulationCommendations.periodId, periodId), isNull(emulationCommendations.withdrawnAt)))
		.orderBy(
			sql`case when ${emulationCommendations.subject} = 'unit' then 0 else 1 end`,
			asc(emulationCommendations.rank),
			asc(emulationCommendations.name),
		)
}
