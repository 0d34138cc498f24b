import { and, asc, desc, eq, inArray } from 'drizzle-orm'
import { z } from 'zod'
import { type AuditActor, recordAudit } from '#server/audit/record-audit.server.ts'
import type { Database } from '#server/db/client.server.ts'
import type { PolicySubject } from '#server/identity/permissions.ts'
import { residentScopeCondition } from '#server/identity/policy.server.ts'
import { users } from '#server/identity/schema.ts'
import { learners, learningCourses, learningTracks, skillCompetencies } from '#server/learning/schema.ts'
import { residents } from '#server/people/schema.ts'
import { applyOutcomes, confirmMastery } from './mastery.server.ts'
import {
	assessmentItems,
	oralAssessmentModes,
	oralAssessmentResults,
	oralAssessments,
	oralOutcomes,
} from './schema.ts'

/*
 * Oral and in-class assessment (issue 6 item 5): an instructor or volunteer who watched a resident records
 * a judgement per competency and the practical tasks the resident did in front of them. With a track and
 * "passed", the record stands for the track's final assessment for people who cannot take it on a phone.
 */

export const OralAssessmentSchema = z.object({
	mode: z.enum(oralAssessmentModes, { error: 'Hãy chọn hình thức đánh giá' }),
	results: z
		.array(z.object({ competencyCode: z.string().regex(/^[1-9]\.[1-9]$/), outcome: z.enum(oralOutcomes) }))
		.max(30),
	practicalItemIds: z.array(z.string().max(60)).max(40),
	trackId: z.string().max(60).nullable(),
	passed: z.boolean(),
	note: z.string().trim().max(500, 'Ghi chú dài tối đa 500 ký tự').nullable(),
})
export type OralAssessmentInput = z.infer<typeof OralAssessmentSchema>

export type RecordOralResult =
	| { ok: true; id: string; certificate: { code: string; created: boolean } | null }
	| { ok: false; reason: 'notInScope' | 'empty' | 'unknownCompetency' | 'unknownTask' | 'unknownTrack' }

/** Issues the track certificate inside the transaction (server/certification), injected to keep domains apart. */
export type IssueOralCertificate = (
	tx: Database,
	input: {
		wardId: string
		residentId: string
		trackId: string
		sourceId: string
		issuedByUserId: string
		actorLabel: string | null
	},
) => Promise<{ code: string; created: boolean }>

/** The learner row of a resident, made when the resident has none (people without an account learn too). */
export async function ensureLearnerForResident(tx: Database, wardId: string, residentId: string) {
	const [existing] = await tx
		.select({ id: learners.id, wardId: learners.wardId })
		.from(learners)
		.where(eq(learners.residentId, residentId))
	if (existing) return existing
	const [created] = await tx
		.insert(learners)
		.values({ wardId, residentId, userId: null })
		.onConflictDoNothing()
		.returning({ id: learners.id, wardId: learners.wardId })
	if (created) return created
	const [raced] = await tx
		.select({ id: learners.id, wardId: learners.wardId })
		.from(learners)
		.where(eq(learners.residentId, residentId))
	return raced!
}

/** Whether the resident is in the assessor's scope (their groups for a volunteer, the ward for an instructor). */
export async function residentInAssessorScope(db: Database, assessor: PolicySubject, residentId: string) {
	const [row] = await db
		.select({
			id: residents.id,
			fullName: residents.fullName,
			wardId: residents.wardId,
			status: residents.status,
		})
		.from(residents)
		.where(and(eq(residents.id, residentId), residentScopeCondition(assessor, 'assessment.confirm')))
	return row
}

export async function recordOralAssessment(
	db: Database,
	assessor: PolicySubject,
	residentId: string,
	input: OralAssessmentInput,
	audit: { actor: AuditActor; ip: string | null; requestId: string | null },
	issueCertificate?: IssueOralCertificate,
): Promise<RecordOralResult> {
	if (input.results.length === 0 && input.practicalItemIds.length === 0 && !input.passed)
		return { ok: false, reason: 'empty' }
	return db.transaction(async (tx) => {
		const resident = await residentInAssessorScope(tx, assessor, residentId)
		if (!resident) return { ok: false, reason: 'notInScope' }
		const codes = [...new Set(input.results.map((r) => r.competencyCode))]
		if (codes.length > 0) {
			const known = await tx
				.selectDistinct({ code: skillCompetencies.code })
				.from(skillCompetencies)
				.where(inArray(skillCompetencies.code, codes))
			if (known.length !== codes.length) return { ok: false, reason: 'unknownCompetency' }
		}
		const tasks = input.practicalItemIds.length
			? await tx
					.select({
						id: assessmentItems.id,
						competencyCode: assessmentItems.competencyCode,
						level: assessmentItems.level,
					})
					.from(assessmentItems)
					.where(
						and(
							inArray(assessmentItems.id, input.practicalItemIds),
							eq(assessmentItems.kind, 'practical'),
							eq(assessmentItems.active, true),
						),
					)
			: []
		if (tasks.length !== new Set(input.practicalItemIds).size) return { ok: false, reason: 'unknownTask' }
		if (input.trackId) {
			const [track] = await tx
				.select({ id: learningTracks.id })
				.from(learningTracks)
				.where(and(eq(learningTracks.id, input.trackId), eq(learningTracks.active, true)))
			if (!track) return { ok: false, reason: 'unknownTrack' }
		}
		const learner = await ensureLearnerForResident(tx, resident.wardId, resident.id)
		const [row] = await tx
			.insert(oralAssessments)
			.values({
				wardId: resident.wardId,
				learnerId: learner.id,
				residentId: resident.id,
				mode: input.mode,
				trackId: input.trackId,
				passed: input.trackId ? input.passed : null,
				note: input.note || null,
				confirmedBy: assessor.id,
			})
			.returning({ id: oralAssessments.id })
		const id = row!.id
		const results = [
			...input.results.map((r) => ({ competencyCode: r.competencyCode, outcome: r.outcome, itemId: null })),
			...tasks.map((t) => ({
				competencyCode: t.competencyCode,
				outcome: 'proficient' as const,
				itemId: t.id,
			})),
		]
		if (results.length > 0)
			await tx
				.insert(oralAssessmentResults)
				.values(results.map((r, position) => ({ oralAssessmentId: id, position, ...r })))
		for (const r of input.results) await confirmMastery(tx, learner, r.competencyCode, r.outcome, assessor.id)
		// A task done in front of the assessor is evidence like a right answer at its level.
		await applyOutcomes(
			tx,
			learner,
			tasks.map((t) => ({ competencyCode: t.competencyCode, level: t.level, correct: true })),
		)
		let certificate: { code: string; created: boolean } | null = null
		if (input.trackId && input.passed && issueCertificate)
			certificate = await issueCertificate(tx, {
				wardId: resident.wardId,
				residentId: resident.id,
				trackId: input.trackId,
				sourceId: id,
				issuedByUserId: assessor.id,
				actorLabel: audit.actor.label,
			})
		await recordAudit(tx, {
			...audit,
			action: 'assessment.oralRecorded',
			entityType: 'oral_assessment',
			entityId: id,
			details: {
				residentId: resident.id,
				mode: input.mode,
				competencies: input.results.length,
				practicalTasks: tasks.length,
				trackId: input.trackId,
				passed: input.trackId ? input.passed : null,
			},
		})
		return { ok: true, id, certificate }
	})
}

/** What the assessor's form offers: competencies, the practical tasks, tracks. */
export async function readOralFormOptions(db: Database) {
	const [competencies, tasks, tracks] = await Promise.all([
		db
			.selectDistinct({
				code: skillCompetencies.code,
				nameVi: skillCompetencies.nameVi,
				nameEn: skillCompetencies.nameEn,
			})
			.from(skillCompetencies)
			.orderBy(asc(skillCompetencies.code)),
		db
			.select({
				id: assessmentItems.id,
				prompt: assessmentItems.prompt,
				checklist: assessmentItems.options,
				explanation: assessmentItems.explanation,
				courseTitle: learningCourses.title,
			})
			.from(assessmentItems)
			.innerJoin(learningCourses, eq(learningCourses.id, assessmentItems.courseId))
			.where(and(eq(assessmentItems.kind, 'practical'), eq(assessmentItems.active, true)))
			.orderBy(asc(assessmentItems.courseId), asc(assessmentItems.id)),
		db
			.select({ id: learningTracks.id, nameVi: learningTracks.nameVi, nameEn: learningTracks.nameEn })
			.from(learningTracks)
			.where(eq(learningTracks.active, true))
			.orderBy(asc(learningTracks.position)),
	])
	return { competencies, tasks, tracks }
}

/** The resident's latest oral assessments with who confirmed them. */
export async function readOralHistory(db: Database, residentId: string) {
	const rows = await db
		.select({
			id: oralAssessments.id,
			mode: oralAssessments.mode,
			trackName: learningTracks.nameVi,
			passed: oralAssessments.passed,
			note: oralAssessments.note,
			confirmedAt: oralAssessments.confirmedAt,
			confirmedByName: users.displayName,
		})
		.from(oralAssessments)
		.innerJoin(users, eq(users.id, oralAssessments.confirmedBy))
		.leftJoin(learningTracks, eq(learningTracks.id, oralAssessments.trackId))
		.where(eq(oralAssessments.residentId, residentId))
		.orderBy(desc(oralAssessments.confirmedAt))
		.limit(10)
	const results = rows.length
		? await db
				.select({
					oralAssessmentId: oralAssessmentResults.oralAssessmentId,
					competencyCode: oralAssessmentResults.competencyCode,
					outcome: oralAssessmentResults.outcome,
					itemPrompt: assessmentItems.prompt,
				})
				.from(oralAssessmentResults)
				.leftJoin(assessmentItems, eq(assessmentItems.id, oralAssessmentResults.itemId))
				.where(
					inArray(
						oralAssessmentResults.oralAssessmentId,
						rows.map((r) => r.id),
					),
				)
				.orderBy(asc(oralAssessmentResults.position))
		: []
	return rows.map((r) => ({ ...r, results: results.filter((x) => x.oralAssessmentId === r.id) }))
}

/** The AI courses' practical tasks are the evidence of target 8 (AI-tool competence, issue 6 item 8). */
export const aiCourseIds = ['ai-basics', 'ai-at-work'] as const

/**
 * The practical tasks a learner did in front of an instructor or volunteer, newest first, with who
 * confirmed them: shown to the learner, and for the AI courses the record of their AI-tool competence.
 */
export async function readConfirmedTasks(db: Database, learnerId: string) {
	const rows = await db
		.select({
			itemId: assessmentItems.id,
			prompt: assessmentItems.prompt,
			courseId: assessmentItems.courseId,
			courseTitle: learningCourses.title,
			confirmedAt: oralAssessments.confirmedAt,
			confirmedByName: users.displayName,
		})
		.from(oralAssessmentResults)
		.innerJoin(oralAssessments, eq(oralAssessments.id, oralAssessmentResults.oralAssessmentId))
		.innerJoin(assessmentItems, eq(assessmentItems.id, oralAssessmentResults.itemId))
		.innerJoin(learningCourses, eq(learningCourses.id, assessmentItems.courseId))
		.innerJoin(users, eq(users.id, oralAssessments.confirmedBy))
		.where(and(eq(oralAssessments.learnerId, learnerId), eq(assessmentItems.kind, 'practical')))
		.orderBy(desc(oralAssessments.confirmedAt))
		.limit(50)
	return rows.map((r) => ({
		...r,
		ai: (aiCourseIds as readonly string[]).includes(r.courseId),
		confirmedAt: r.confirmedAt.toISOString(),
	}))
}
