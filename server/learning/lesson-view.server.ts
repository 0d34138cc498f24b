import { and, asc, desc, eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { practiceViews } from '#server/learning/practice-view.ts'
import {
	learningActivities,
	learningLessons,
	lessonProgress,
	practiceItems,
} from '#server/learning/schema.ts'

export interface PracticeResult {
	answer: (string | boolean)[]
	correct: boolean
	/** How many times the learner has answered this item (each answer is kept). */
	attempts: number
	/** The right answer and why: sent to the page only once the learner has answered. */
	key: (string | boolean)[]
	explanation: string
}

export interface PracticeView {
	itemId: string
	kind: 'singleChoice' | 'multipleChoice' | 'trueFalse'
	prompt: string
	options: { id: string; text: string }[]
	result: PracticeResult | null
}

export interface LessonProgressView {
	status: 'started' | 'completed'
	lastPosition: number
	lastOpenedAt: Date
	completedAt: Date | null
}

/** The published lessons of a course, in order (for "lesson 2 of 5", previous and next). */
export function listCourseLessons(db: Database, courseId: string) {
	return db
		.select({ id: learningLessons.id, title: learningLessons.title })
		.from(learningLessons)
		.where(and(eq(learningLessons.courseId, courseId), eq(learningLessons.status, 'published')))
		.orderBy(asc(learningLessons.position), asc(learningLessons.id))
}

/**
 * The practice items of a lesson for one learner: prompts and options, and for each item the learner
 * has answered, their latest answer with the key and the explanation. `retry` hides one item's result
 * so it can be answered again. Items not yet answered never carry their key.
 */
export async function readPracticeForLearner(
	db: Database,
	input: { lessonId: string; learnerId: string; retry?: string | null },
): Promise<PracticeView[]> {
	const [items, answers] = await Promise.all([
		db
			.select({
				itemId: practiceItems.itemId,
				kind: practiceItems.kind,
				prompt: practiceItems.prompt,
				options: practiceItems.options,
				answer: practiceItems.answer,
				explanation: practiceItems.explanation,
			})
			.from(practiceItems)
			.where(eq(practiceItems.lessonId, input.lessonId))
			.orderBy(asc(practiceItems.position)),
		db
			.selectDistinctOn([learningActivities.itemId], {
				itemId: learningActivities.itemId,
				answer: learningActivities.answer,
				correct: learningActivities.correct,
				attempts: sql<number>`count(*) over (partition by ${learningActivities.itemId})`,
			})
			.from(learningActivities)
			.where(
				and(
					eq(learningActivities.learnerId, input.learnerId),
					eq(learningActivities.lessonId, input.lessonId),
					eq(learningActivities.kind, 'practiceAnswered'),
				),
			)
			.orderBy(
				learningActivities.itemId,
				desc(learningActivities.occurredAt),
				desc(learningActivities.receivedAt),
			),
	])
	return practiceViews(items, answers, input.retry)
}

/** The learner's progress in one lesson, or null before the first visit. */
export async function readLessonProgress(
	db: Database,
	learnerId: string,
	lessonId: string,
): Promise<LessonProgressView | null> {
	const [row] = await db
		.select({
			status: lessonProgress.status,
			lastPosition: lessonProgress.lastPosition,
			lastOpenedAt: lessonProgress.lastOpenedAt,
			completedAt: lessonProgress.completedAt,
		})
		.from(lessonProgress)
		.where(and(eq(lessonProgress.learnerId, learnerId), eq(lessonProgress.lessonId, lessonId)))
		.limit(1)
	return row ?? null
}

/**
 * Notes that the learner opened the lesson (the first time: started). Later visits move "last opened"
 * forward at most every five minutes, so reading pages does not write on every request.
 */
export async function markLessonOpened(
	db: Database,
	input: { learnerId: string; lessonId: string; revision: number; progress: LessonProgressView | null },
): Promise<void> {
	const now = new Date()
	if (input.progress && now.getTime() - input.progress.lastOpenedAt.getTime() < 5 * 60_000) return
	await db
		.insert(lessonProgress)
		.values({
			learnerId: input.learnerId,
			lessonId: input.lessonId,
			status: 'started',
			lessonRevision: input.revision,
			firstOpenedAt: now,
			lastOpenedAt: now,
		})
		.onConflictDoUpdate({
			target: [lessonProgress.learnerId, lessonProgress.lessonId],
			set: {
				lastOpenedAt: sql`greatest(${lessonProgress.lastOpenedAt}, excluded.last_opened_at)`,
				updatedAt: now,
			},
		})
}
