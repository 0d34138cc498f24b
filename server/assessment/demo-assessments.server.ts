import { and, asc, eq, ne, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { bulkInsert } from '#server/demo/bulk-insert.server.ts'
import { createRandom, type Random, shuffled } from '#server/demo/random.ts'
import { users } from '#server/identity/schema.ts'
import { learners, learningLessons, lessonProgress } from '#server/learning/schema.ts'
import { courseQuizPassMarkPercent } from './attempts.server.ts'
import { updateMastery } from './mastery-rules.ts'
import { aiCourseIds } from './oral-assessment.server.ts'
import {
	assessmentAttemptItems,
	assessmentAttempts,
	assessmentItems,
	competencyMastery,
	type MasteryState,
	oralAssessmentResults,
	oralAssessments,
} from './schema.ts'
import { scoreAttempt } from './score-answer.ts'

/*
 * The demo ward's quiz history, so the dashboards and the mastery page have data from the first start:
 * every learner of the demo learning history who finished all lessons of a course took that course's quiz
 * (a third of them twice), with an ability drawn per learner, and their mastery follows from the answers.
 * Deterministic for a seed; written with bulk inserts (a few seconds for 5,000 residents).
 */

type PoolItem = {
	id: string
	competencyCode: string
	level: string
	kind: string
	options: { id: string }[]
	answer: (string | boolean)[]
	revision: number
}
type Pool = Map<string, PoolItem[]>

/** A plausible wrong answer of the item's kind (for the review page of a demo attempt). */
function wrongAnswer(item: PoolItem): (string | boolean)[] {
	if (item.kind === 'trueFalse') return [!item.answer[0]]
	if (item.kind === 'ordering') return [...item.answer].reverse()
	if (item.kind === 'matching') {
		const pairs = item.answer.map((p) => String(p).split(':'))
		return pairs.map(([o], i) => `${o}:${pairs[(i + 1) % pairs.length]![1]}`)
	}
	const other = item.options.find((o) => !item.answer.includes(o.id))
	return other ? [other.id] : []
}

const alphabet = 'abcdefghijklmnopqrstuvwxyz234567'
function token(random: Random): string {
	let t = ''
	for (let i = 0; i < 10; i++) t += alphabet[random.int(0, 31)]
	return t
}

export interface DemoAssessmentSummary {
	attempts: number
	learners: number
	/** In-class assessments where the demo instructor saw AI practical tasks done (target 8). */
	aiTasksConfirmed: number
}

export async function seedDemoAssessments(
	db: Database,
	input: { seed: number },
): Promise<DemoAssessmentSummary> {
	const random = createRandom(input.seed, 'assessments')
	const items = await db
		.select({
			id: assessmentItems.id,
			courseId: assessmentItems.courseId,
			competencyCode: assessmentItems.competencyCode,
			level: assessmentItems.level,
			kind: assessmentItems.kind,
			options: assessmentItems.options,
			answer: assessmentItems.answer,
			revision: assessmentItems.revision,
		})
		.from(assessmentItems)
		.where(and(eq(assessmentItems.active, true), ne(assessmentItems.kind, 'practical')))
		.orderBy(asc(assessmentItems.id))
	const pool: Pool = new Map()
	for (const item of items) pool.set(item.courseId, [...(pool.get(item.courseId) ?? []), item])
	// Courses each learner finished, with when they finished the last lesson.
	const finished = await db
		.select({
			learnerId: learners.id,
			wardId: learners.wardId,
			courseId: learningLessons.courseId,
			residentId: learners.residentId,
			lastDone: sql<string>`max(${lessonProgress.completedAt})`,
			done: sql<number>`count(*)::int`,
			total: sql<number>`(select count(*)::int from learning_lesson l2 where l2.course_id = ${learningLessons.courseId} and l2.status = 'published')`,
		})
		.from(lessonProgress)
		.innerJoin(learners, eq(learners.id, lessonProgress.learnerId))
		.innerJoin(learningLessons, eq(learningLessons.id, lessonProgress.lessonId))
		.where(eq(lessonProgress.status, 'completed'))
		.groupBy(learners.id, learners.wardId, learners.residentId, learningLessons.courseId)
		.orderBy(asc(learners.id), asc(learningLessons.courseId))
	const attempts: (typeof assessmentAttempts.$inferInsert)[] = []
	const served: (typeof assessmentAttemptItems.$inferInsert)[] = []
	const outcomes = new Map<string, { wardId: string; byCompetency: Map<string, boolean[]> }>()
	const ability = new Map<string, number>()
	for (const row of finished) {
		const courseItems = pool.get(row.courseId)
		if (!courseItems || row.done < row.total || !row.lastDone) continue
		if (!ability.has(row.learnerId)) ability.set(row.learnerId, 0.5 + random.next() * 0.45)
		const p = ability.get(row.learnerId)!
		const sittings = random.chance(0.33) ? 2 : 1
		for (let sitting = 0; sitting < sittings; sitting++) {
			const id = crypto.randomUUID()
			const startedAt = new Date(
				new Date(row.lastDone).getTime() + (1 + sitting * 2) * 86_400_000 * random.next(),
			)
			const chosen = shuffled(courseItems, random).slice(0, 10)
			const results = chosen.map(() => random.chance(Math.min(0.98, p + sitting * 0.1)))
			const score = scoreAttempt(results, courseQuizPassMarkPercent)
			attempts.push({
				id,
				wardId: row.wardId,
				learnerId: row.learnerId,
				kind: 'courseQuiz',
				courseId: row.courseId,
				status: 'submitted',
				plannedItems: chosen.length,
				passMarkPercent: courseQuizPassMarkPercent,
				startedAt,
				submittedAt: new Date(startedAt.getTime() + random.int(4, 15) * 60_000),
				correctCount: score.correctCount,
				scorePercent: score.scorePercent,
				passed: score.passed,
			})
			const learner = outcomes.get(row.learnerId) ?? { wardId: row.wardId, byCompetency: new Map() }
			outcomes.set(row.learnerId, learner)
			for (const [position, item] of chosen.entries()) {
				const ids = item.kind === 'trueFalse' ? ['true', 'false'] : item.options.map((o) => o.id)
				served.push({
					attemptId: id,
					position,
					itemId: item.id,
					itemRevision: item.revision,
					competencyCode: item.competencyCode,
					level: item.level,
					optionTokens: shuffled(ids, random).map((optionId) => ({ token: token(random), optionId })),
					answer: results[position] ? item.answer : wrongAnswer(item),
					correct: results[position]!,
					answeredAt: startedAt,
				})
				const list = learner.byCompetency.get(item.competencyCode) ?? []
				list.push(results[position]!)
				learner.byCompetency.set(item.competencyCode, list)
			}
		}
	}
	const mastery: (typeof competencyMastery.$inferInsert)[] = []
	for (const [learnerId, { wardId, byCompetency }] of outcomes) {
		for (const [competencyCode, list] of byCompetency) {
			const value = updateMastery(null, list)
			mastery.push({
				learnerId,
				wardId,
				competencyCode,
				state: value.state as MasteryState,
				recent: value.recent,
			})
		}
	}
	const { orals, results } = await demoAiPracticalTasks(db, finished, random)
	await db.transaction(async (tx) => {
		await bulkInsert(tx, assessmentAttempts, attempts)
		await bulkInsert(tx, assessmentAttemptItems, served)
		await bulkInsert(tx, competencyMastery, mastery)
		await bulkInsert(tx, oralAssessments, orals)
		await bulkInsert(tx, oralAssessmentResults, results)
	})
	return { attempts: attempts.length, learners: outcomes.size, aiTasksConfirmed: orals.length }
}

/**
 * Half of the residents who started an AI course did one or two of its practical tasks in class, confirmed
 * by the demo instructor a few days after their last lesson of it: target 8 has evidence beyond finishing
 * the course, and /hoc/nang-luc lists the tasks.
 */
async function demoAiPracticalTasks(
	db: Database,
	finished: {
		learnerId: string
		wardId: string
		residentId: string | null
		courseId: string
		lastDone: string
	}[],
	random: Random,
) {
	const orals: (typeof oralAssessments.$inferInsert)[] = []
	const results: (typeof oralAssessmentResults.$inferInsert)[] = []
	const tasks = await db
		.select({
			id: assessmentItems.id,
			courseId: assessmentItems.courseId,
			competencyCode: assessmentItems.competencyCode,
		})
		.from(assessmentItems)
		.where(and(eq(assessmentItems.active, true), eq(assessmentItems.kind, 'practical')))
		.orderBy(asc(assessmentItems.id))
	const instructors = new Map(
		(
			await db
				.select({ id: users.id, wardId: users.wardId })
				.from(users)
				.where(eq(users.username, 'giangvien'))
		).map((u) => [u.wardId, u.id]),
	)
	for (const row of finished) {
		const courseTasks = tasks.filter((t) => t.courseId === row.courseId)
		const instructor = instructors.get(row.wardId)
		if (!(aiCourseIds as readonly string[]).includes(row.courseId) || !row.residentId || !row.lastDone)
			continue
		if (!instructor || courseTasks.length === 0 || !random.chance(0.5)) continue
		const id = crypto.randomUUID()
		orals.push({
			id,
			wardId: row.wardId,
			learnerId: row.learnerId,
			residentId: row.residentId,
			mode: 'inClass',
			confirmedBy: instructor,
			confirmedAt: new Date(new Date(row.lastDone).getTime() + random.int(1, 6) * 86_400_000),
		})
		for (const [position, task] of shuffled(courseTasks, random).slice(0, random.int(1, 2)).entries())
			results.push({
				oralAssessmentId: id,
				position,
				competencyCode: task.competencyCode,
				outcome: 'proficient',
				itemId: task.id,
			})
	}
	return { orals, results }
}

export async function seedDemoAssessmentsAtStart(db: Database, input: { seed: number }): Promise<void> {
	const summary = await seedDemoAssessments(db, input)
	console.info(`  ${summary.attempts} bài kiểm tra khóa học của ${summary.learners} người học`)
	console.info(`  ${summary.aiTasksConfirmed} buổi xác nhận bài thực hành dùng công cụ AI`)
}
