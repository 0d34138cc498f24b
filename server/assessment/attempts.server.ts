import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { levelCodes } from '#server/learning/content/framework-schemas.ts'
import type { Learner } from '#server/learning/learners.server.ts'
import { learningLessons, learningTrackCourses, learningTracks } from '#server/learning/schema.ts'
import { pickSpread } from './item-selection.ts'
import { applyOutcomes } from './mastery.server.ts'
import { decodeAnswer, issueOptionTokens, type PostedAnswer } from './option-tokens.ts'
import {
	nextPlacementStep,
	type PlacementAnswer,
	type PlacementPlan,
	placementState,
	skippableLessons,
} from './placement-rules.ts'
import { type RetakeDecision, retakeDecision, retakePolicies } from './retake-rules.ts'
import {
	type AttemptKind,
	assessmentAttemptItems,
	assessmentAttempts,
	assessmentItems,
	competencyMastery,
} from './schema.ts'
import { scoreAnswer, scoreAttempt } from './score-answer.ts'

/** How many items each assessment serves, and the course quiz's pass mark. */
export const attemptSizes = {
	courseQuiz: 10,
	finalAssessment: 20,
	placement: { maxItems: 15, perCompetency: 3, competencies: 5 },
} as const
export const courseQuizPassMarkPercent = 70
/** Answers sent this long after the deadline still count (a slow phone, a slow network). */
const deadlineGraceMs = 2 * 60_000

export type AttemptTarget =
	| { kind: 'courseQuiz'; courseId: string }
	| { kind: 'finalAssessment'; trackId: string }
	| { kind: 'placement'; trackId: string }

export type StartResult =
	| { ok: true; attemptId: string; resumed: boolean }
	| { ok: false; reason: 'notAllowed'; decision: Exclude<RetakeDecision, { allowed: true }> }
	| { ok: false; reason: 'noItems' | 'unknownTarget' }

type PoolItem = {
	id: string
	courseId: string
	competencyCode: string
	level: string
	kind: (typeof assessmentItems.$inferSelect)['kind']
	options: { id: string; text: string }[]
	targets: { id: string; text: string }[] | null
	revision: number
}

const poolColumns = {
	id: assessmentItems.id,
	courseId: assessmentItems.courseId,
	competencyCode: assessmentItems.competencyCode,
	level: assessmentItems.level,
	kind: assessmentItems.kind,
	options: assessmentItems.options,
	targets: assessmentItems.targets,
	revision: assessmentItems.revision,
}

/** Active items that can be answered online (practical tasks are confirmed in person). */
async function itemPool(db: Database, courseIds: string[]): Promise<PoolItem[]> {
	if (courseIds.length === 0) return []
	return db
		.select(poolColumns)
		.from(assessmentItems)
		.where(
			and(
				inArray(assessmentItems.courseId, courseIds),
				eq(assessmentItems.active, true),
				ne(assessmentItems.kind, 'practical'),
			),
		)
		.orderBy(asc(assessmentItems.id))
}

async function trackCourses(db: Database, trackId: string, requiredOnly: boolean) {
	const rows = await db
		.select({ courseId: learningTrackCourses.courseId, required: learningTrackCourses.required })
		.from(learningTrackCourses)
		.where(eq(learningTrackCourses.trackId, trackId))
		.orderBy(asc(learningTrackCourses.position))
	return rows.filter((r) => !requiredOnly || r.required).map((r) => r.courseId)
}

/** The track's final-assessment pass mark (content/tracks/*.yaml), 70 % when the track gives none. */
export async function trackPassMark(db: Database, trackId: string): Promise<number> {
	const [track] = await db
		.select({ completion: learningTracks.completion })
		.from(learningTracks)
		.where(eq(learningTracks.id, trackId))
	const mark = (track?.completion as { finalAssessment?: { passMarkPercent?: unknown } } | undefined)
		?.finalAssessment?.passMarkPercent
	return typeof mark === 'number' ? mark : 70
}

function targetCondition(learnerId: string, target: AttemptTarget) {
	const a = assessmentAttempts
	return and(
		eq(a.learnerId, learnerId),
		eq(a.kind, target.kind),
		target.kind === 'courseQuiz' ? eq(a.courseId, target.courseId) : eq(a.trackId, target.trackId),
	)
}

/** Earlier attempts at the same assessment, for the retake rules and the pages. */
export async function pastAttempts(db: Database, learnerId: string, target: AttemptTarget) {
	return db
		.select({
			id: assessmentAttempts.id,
			status: assessmentAttempts.status,
			startedAt: assessmentAttempts.startedAt,
			submittedAt: assessmentAttempts.submittedAt,
			passed: assessmentAttempts.passed,
			scorePercent: assessmentAttempts.scorePercent,
		})
		.from(assessmentAttempts)
		.where(targetCondition(learnerId, target))
		.orderBy(desc(assessmentAttempts.startedAt))
}

/** Whether the learner may start the assessment now (an unfinished attempt is always resumable). */
export async function canStart(db: Database, learnerId: string, target: AttemptTarget, now = new Date()) {
	const past = await pastAttempts(db, learnerId, target)
	const open = past.find((p) => p.status === 'inProgress')
	if (open) return { decision: { allowed: true } as RetakeDecision, openAttemptId: open.id, past }
	return { decision: retakeDecision(retakePolicies[target.kind], past, now), openAttemptId: null, past }
}

/**
 * Starts an attempt, or resumes the one the learner left unfinished. The learner row is locked for the
 * transaction so two quick presses of "Bắt đầu" start one attempt, not two.
 */
export async function startAttempt(
	db: Database,
	learner: Learner,
	target: AttemptTarget,
	now = new Date(),
): Promise<StartResult> {
	return db.transaction(async (tx) => {
		await tx.execute(sql`select id from learner where id = ${learner.id} for update`)
		const { decision, openAttemptId } = await canStart(tx, learner.id, target, now)
		if (openAttemptId) return { ok: true, attemptId: openAttemptId, resumed: true }
		if (!decision.allowed) return { ok: false, reason: 'notAllowed', decision }
		const policy = retakePolicies[target.kind]
		const deadlineAt = policy.timeLimitMinutes ? new Date(+now + policy.timeLimitMinutes * 60_000) : null
		const base = {
			wardId: learner.wardId,
			learnerId: learner.id,
			kind: target.kind,
			startedAt: now,
			deadlineAt,
		}

		if (target.kind === 'courseQuiz') {
			const pool = await itemPool(tx, [target.courseId])
			if (pool.length === 0) return { ok: false, reason: 'noItems' }
			const items = pickSpread(pool, (i) => i.competencyCode, attemptSizes.courseQuiz)
			const id = await insertAttempt(tx, {
				...base,
				courseId: target.courseId,
				plannedItems: items.length,
				passMarkPercent: courseQuizPassMarkPercent,
			})
			await serveItems(tx, id, items, 0)
			return { ok: true, attemptId: id, resumed: false }
		}

		const [track] = await tx
			.select({ id: learningTracks.id })
			.from(learningTracks)
			.where(and(eq(learningTracks.id, target.trackId), eq(learningTracks.active, true)))
		if (!track) return { ok: false, reason: 'unknownTarget' }

		if (target.kind === 'finalAssessment') {
			const pool = await itemPool(tx, await trackCourses(tx, target.trackId, true))
			if (pool.length === 0) return { ok: false, reason: 'noItems' }
			const items = pickSpread(pool, (i) => i.courseId, attemptSizes.finalAssessment)
			const id = await insertAttempt(tx, {
				...base,
				trackId: target.trackId,
				plannedItems: items.length,
				passMarkPercent: await trackPassMark(tx, target.trackId),
			})
			await serveItems(tx, id, items, 0)
			return { ok: true, attemptId: id, resumed: false }
		}

		const courseIds = await trackCourses(tx, target.trackId, false)
		const pool = await itemPool(tx, courseIds)
		const plan = await placementPlan(tx, courseIds, pool)
		if (!plan) return { ok: false, reason: 'noItems' }
		const id = await insertAttempt(tx, {
			...base,
			trackId: target.trackId,
			plannedItems: plan.maxItems,
			passMarkPercent: null,
			result: { plan },
		})
		const first = pickPlacementItem(plan, [], pool, new Set())
		if (!first) return { ok: false, reason: 'noItems' }
		await serveItems(tx, id, [first], 0)
		return { ok: true, attemptId: id, resumed: false }
	})
}

async function insertAttempt(tx: Database, values: typeof assessmentAttempts.$inferInsert): Promise<string> {
	const [row] = await tx.insert(assessmentAttempts).values(values).returning({ id: assessmentAttempts.id })
	return row!.id
}

async function serveItems(tx: Database, attemptId: string, items: PoolItem[], from: number) {
	if (items.length === 0) return
	await tx.insert(assessmentAttemptItems).values(
		items.map((item, i) => ({
			attemptId,
			position: from + i,
			itemId: item.id,
			itemRevision: item.revision,
			competencyCode: item.competencyCode,
			level: item.level,
			...issueOptionTokens(item),
		})),
	)
}

export interface StoredPlacementPlan extends PlacementPlan {
	/** Level codes of the ladder's rungs, lowest first. */
	ladder: string[]
}

/**
 * The competencies the placement tests (those the track's lessons build most, at most five) and the
 * ladder of levels that have items in the track's courses.
 */
async function placementPlan(
	db: Database,
	courseIds: string[],
	pool: PoolItem[],
): Promise<StoredPlacementPlan | null> {
	if (pool.length === 0) return null
	const lessons = await db
		.select({ competencies: learningLessons.competencies })
		.from(learningLessons)
		.where(and(inArray(learningLessons.courseId, courseIds), eq(learningLessons.status, 'published')))
	const weight = new Map<string, number>()
	for (const l of lessons) for (const c of l.competencies) weight.set(c, (weight.get(c) ?? 0) + 1)
	const withItems = new Set(pool.map((i) => i.competencyCode))
	const competencies = [...weight.entries()]
		.filter(([c]) => withItems.has(c))
		.sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
		.slice(0, attemptSizes.placement.competencies)
		.map(([c]) => c)
	if (competencies.length === 0) return null
	const ladder = levelCodes.filter((l) =>
		pool.some((i) => i.level === l && competencies.includes(i.competencyCode)),
	)
	return {
		competencies,
		ladder,
		levels: ladder.length,
		maxItems: attemptSizes.placement.maxItems,
		perCompetency: attemptSizes.placement.perCompetency,
	}
}

function pickPlacementItem(
	plan: StoredPlacementPlan,
	answers: PlacementAnswer[],
	pool: PoolItem[],
	used: ReadonlySet<string>,
): PoolItem | null {
	const candidates = (c: string, l: number) =>
		pool.filter((i) => i.competencyCode === c && i.level === plan.ladder[l] && !used.has(i.id))
	const step = nextPlacementStep(plan, answers, (c, l) => candidates(c, l).length > 0)
	if (step.done) return null
	return pickSpread(candidates(step.competencyCode, step.levelIndex), () => '', 1)[0] ?? null
}

/** A posted form turned into one PostedAnswer per served position. */
export type PostedAnswers = ReadonlyMap<number, PostedAnswer>

export type SubmitResult =
	| { ok: true; passed: boolean | null; scorePercent: number; late: boolean; certificate: CertificateOutcome }
	| { ok: false; reason: 'notFound' | 'alreadySubmitted' | 'missing'; missing?: number[] }

export type CertificateOutcome = { issued: true; code: string } | { issued: false; reason: string } | null

/** Hook for issuing the certificate of a passed final assessment, in the same transaction. */
export type IssueOnPass = (
	tx: Database,
	input: { learner: Learner; trackId: string; attemptId: string },
) => Promise<CertificateOutcome>

async function lockOpenAttempt(tx: Database, learnerId: string, attemptId: string) {
	const [row] = await tx
		.select()
		.from(assessmentAttempts)
		.where(and(eq(assessmentAttempts.id, attemptId), eq(assessmentAttempts.learnerId, learnerId)))
		.for('update')
	return row
}

/**
 * Scores a course quiz or final assessment sent as one form. Every item must be answered unless the time
 * is up; after the deadline (plus a grace for slow networks) the attempt closes with nothing counted.
 */
export async function submitAttempt(
	db: Database,
	learner: Learner,
	attemptId: string,
	posted: PostedAnswers,
	options: { now?: Date; issueOnPass?: IssueOnPass } = {},
): Promise<SubmitResult> {
	const now = options.now ?? new Date()
	return db.transaction(async (tx) => {
		const attempt = await lockOpenAttempt(tx, learner.id, attemptId)
		if (!attempt || attempt.kind === 'placement') return { ok: false, reason: 'notFound' }
		if (attempt.status !== 'inProgress') return { ok: false, reason: 'alreadySubmitted' }
		const served = await tx
			.select()
			.from(assessmentAttemptItems)
			.where(eq(assessmentAttemptItems.attemptId, attemptId))
			.orderBy(asc(assessmentAttemptItems.position))
		const late = attempt.deadlineAt !== null && +now > +attempt.deadlineAt + deadlineGraceMs
		const keys = await itemKeys(
			tx,
			served.map((s) => s.itemId),
		)
		const decoded = served.map((s) => {
			const answer = posted.get(s.position)
			return late || !answer ? null : decodeAnswer(keys.get(s.itemId)!.kind, s, answer)
		})
		const missing = served.filter((_, i) => decoded[i] === null).map((s) => s.position)
		if (!late && missing.length > 0) return { ok: false, reason: 'missing', missing }
		const results = served.map((s, i) => {
			const answer = decoded[i]
			const key = keys.get(s.itemId)!
			return answer === null || answer === undefined ? null : scoreAnswer(key, answer)
		})
		for (const [i, s] of served.entries()) {
			await tx
				.update(assessmentAttemptItems)
				.set({ answer: decoded[i], correct: results[i] ?? false, answeredAt: now })
				.where(
					and(
						eq(assessmentAttemptItems.attemptId, attemptId),
						eq(assessmentAttemptItems.position, s.position),
					),
				)
		}
		const score = scoreAttempt(results, attempt.passMarkPercent)
		await tx
			.update(assessmentAttempts)
			.set({
				status: 'submitted',
				submittedAt: now,
				correctCount: score.correctCount,
				scorePercent: score.scorePercent,
				passed: score.passed,
				result: late ? { late: true } : null,
			})
			.where(eq(assessmentAttempts.id, attemptId))
		await applyOutcomes(
			tx,
			learner,
			served.map((s, i) => ({
				competencyCode: s.competencyCode,
				level: s.level,
				correct: results[i] === true,
			})),
			now,
		)
		let certificate: CertificateOutcome = null
		if (attempt.kind === 'finalAssessment' && score.passed && attempt.trackId && options.issueOnPass)
			certificate = await options.issueOnPass(tx, { learner, trackId: attempt.trackId, attemptId })
		return { ok: true, passed: score.passed, scorePercent: score.scorePercent, late, certificate }
	})
}

async function itemKeys(db: Database, ids: string[]) {
	const rows = await db
		.select({ id: assessmentItems.id, kind: assessmentItems.kind, answer: assessmentItems.answer })
		.from(assessmentItems)
		.where(inArray(assessmentItems.id, ids))
	return new Map(rows.map((r) => [r.id, r]))
}

export type PlacementAnswerResult =
	| { ok: true; done: boolean }
	| { ok: false; reason: 'notFound' | 'alreadySubmitted' | 'missing' | 'stale' }

/**
 * Scores one placement answer and serves the next item, or finishes the test: the level reached per
 * competency, mastery from the answers and the lessons the learner may skip. Posting the same form twice
 * (a double press, a retried request) is recognised by its position and changes nothing.
 */
export async function answerPlacement(
	db: Database,
	learner: Learner,
	attemptId: string,
	position: number,
	posted: PostedAnswer,
	now = new Date(),
): Promise<PlacementAnswerResult> {
	return db.transaction(async (tx) => {
		const attempt = await lockOpenAttempt(tx, learner.id, attemptId)
		if (attempt?.kind !== 'placement' || !attempt.trackId) return { ok: false, reason: 'notFound' }
		if (attempt.status !== 'inProgress') return { ok: false, reason: 'alreadySubmitted' }
		const served = await tx
			.select()
			.from(assessmentAttemptItems)
			.where(eq(assessmentAttemptItems.attemptId, attemptId))
			.orderBy(asc(assessmentAttemptItems.position))
		const current = served.at(-1)!
		if (current.position !== position || current.answeredAt) return { ok: false, reason: 'stale' }
		const keys = await itemKeys(tx, [current.itemId])
		const key = keys.get(current.itemId)!
		const answer = decodeAnswer(key.kind, current, posted)
		if (!answer) return { ok: false, reason: 'missing' }
		const correct = scoreAnswer(key, answer)
		await tx
			.update(assessmentAttemptItems)
			.set({ answer, correct, answeredAt: now })
			.where(
				and(eq(assessmentAttemptItems.attemptId, attemptId), eq(assessmentAttemptItems.position, position)),
			)
		current.correct = correct
		const plan = (attempt.result as { plan: StoredPlacementPlan }).plan
		const answers: PlacementAnswer[] = served.map((s) => ({
			competencyCode: s.competencyCode,
			levelIndex: plan.ladder.indexOf(s.level),
			correct: s.correct === true,
		}))
		const courseIds = await trackCourses(tx, attempt.trackId, false)
		const pool = await itemPool(tx, courseIds)
		const next = pickPlacementItem(plan, answers, pool, new Set(served.map((s) => s.itemId)))
		if (next) {
			await serveItems(tx, attemptId, [next], position + 1)
			return { ok: true, done: false }
		}
		await finishPlacement(tx, learner, attempt.id, plan, served, courseIds, now)
		return { ok: true, done: true }
	})
}

export interface PlacementResult {
	plan: StoredPlacementPlan
	/** Level index reached per competency (-1: below the first rung). */
	placed: Record<string, number>
	skippableLessonIds: string[]
}

async function finishPlacement(
	tx: Database,
	learner: Learner,
	attemptId: string,
	plan: StoredPlacementPlan,
	served: (typeof assessmentAttemptItems.$inferSelect)[],
	courseIds: string[],
	now: Date,
) {
	const answers = served.map((s) => ({
		competencyCode: s.competencyCode,
		levelIndex: plan.ladder.indexOf(s.level),
		correct: s.correct === true,
	}))
	const state = placementState(plan, answers)
	const placed = new Map(state.map((s) => [s.competencyCode, s.placedIndex]))
	const lessons = await tx
		.select({
			id: learningLessons.id,
			level: learningLessons.level,
			competencies: learningLessons.competencies,
		})
		.from(learningLessons)
		.where(and(inArray(learningLessons.courseId, courseIds), eq(learningLessons.status, 'published')))
	const skippable = skippableLessons(
		lessons.map((l) => ({
			id: l.id,
			// A lesson above the ladder's top cannot be skipped; below its bottom counts as the bottom.
			levelIndex: Math.max(
				0,
				plan.ladder.indexOf(l.level) === -1 ? plan.levels : plan.ladder.indexOf(l.level),
			),
			competencies: l.competencies,
		})),
		placed,
	)
	const correct = answers.filter((a) => a.correct).length
	const result: PlacementResult = { plan, placed: Object.fromEntries(placed), skippableLessonIds: skippable }
	await tx
		.update(assessmentAttempts)
		.set({
			status: 'submitted',
			submittedAt: now,
			correctCount: correct,
			scorePercent: Math.floor((correct * 100) / answers.length),
			result: result as unknown as Record<string, unknown>,
		})
		.where(eq(assessmentAttempts.id, attemptId))
	await applyOutcomes(
		tx,
		learner,
		served.map((s) => ({ competencyCode: s.competencyCode, level: s.level, correct: s.correct === true })),
		now,
	)
}

/** The lessons the learner's latest finished placement test says they may skip (for "what next"). */
export async function skippableLessonIds(
	db: Database,
	learnerId: string,
	trackId: string,
): Promise<string[]> {
	const [row] = await db
		.select({ result: assessmentAttempts.result })
		.from(assessmentAttempts)
		.where(
			and(
				eq(assessmentAttempts.learnerId, learnerId),
				eq(assessmentAttempts.kind, 'placement'),
				eq(assessmentAttempts.trackId, trackId),
				isNotNull(assessmentAttempts.submittedAt),
			),
		)
		.orderBy(desc(assessmentAttempts.submittedAt))
		.limit(1)
	const skippable = new Set((row?.result as Partial<PlacementResult> | null)?.skippableLessonIds ?? [])
	// Mastery learnt since (quizzes, the final assessment, an instructor's judgement) counts too: a lesson
	// of the track whose every competency is mastered now is not suggested. Mastery falls back on later
	// mistakes, and the lesson is then suggested again.
	const mastered = await db
		.select({ code: competencyMastery.competencyCode })
		.from(competencyMastery)
		.where(and(eq(competencyMastery.learnerId, learnerId), eq(competencyMastery.state, 'mastered')))
	if (mastered.length > 0) {
		const codes = new Set(mastered.map((m) => m.code))
		const lessons = await db
			.select({ id: learningLessons.id, competencies: learningLessons.competencies })
			.from(learningLessons)
			.innerJoin(learningTrackCourses, eq(learningTrackCourses.courseId, learningLessons.courseId))
			.where(and(eq(learningTrackCourses.trackId, trackId), eq(learningLessons.status, 'published')))
		for (const lesson of lessons)
			if (lesson.competencies.length > 0 && lesson.competencies.every((c) => codes.has(c)))
				skippable.add(lesson.id)
	}
	return [...skippable]
}

export type { AttemptKind }
