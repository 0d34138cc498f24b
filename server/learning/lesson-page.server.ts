import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { ensureLearnerForUser } from '#server/learning/learners.server.ts'
import { renderAndStoreLessonHtml } from '#server/learning/lesson-html.server.ts'
import { learningLessonHtml } from '#server/learning/lesson-html-schema.ts'
import type { LessonProgressView, PracticeView } from '#server/learning/lesson-view.server.ts'
import { practiceViews, type StoredAnswer, type StoredItem } from '#server/learning/practice-view.ts'
import { lessonRenderer } from '#server/learning/render-lesson.server.ts'
import { learners, learningCourses, learningLessons, lessonProgress } from '#server/learning/schema.ts'

/*
 * The lesson page's data in two round trips (the page is the most requested one: every learner, every
 * lesson): the published lesson with its course, its rendered body, the course's lessons, its
 * competencies and practice items; then the learner, their progress in it and their latest answers.
 */

/** A published lesson with everything the page shows that is the same for every learner. */
async function readLessonContent(db: Database, lessonId: string) {
	const l = learningLessons
	const [row] = await db
		.select({
			id: l.id,
			courseId: l.courseId,
			courseTitle: learningCourses.title,
			title: l.title,
			summary: l.summary,
			minutes: l.minutes,
			sources: l.sources,
			/** The rendered body when the stored one is current (lesson-html.server.ts). */
			html: learningLessonHtml.html,
			revision: l.revision,
			contentHash: l.contentHash,
			siblings: sql<
				{ id: string; title: string }[]
			>`(select coalesce(json_agg(json_build_object('id', s.id, 'title', s.title) order by s.position, s.id), '[]'::json)
				from learning_lesson s where s.course_id = ${l.courseId} and s.status = 'published')`,
			competencies: sql<
				{ code: string; nameVi: string; nameEn: string }[]
			>`(select coalesce(json_agg(json_build_object('code', k.code, 'nameVi', k.name_vi, 'nameEn', k.name_en) order by k.code), '[]'::json)
				from skill_competency k join skill_framework f on f.id = k.framework_id and f.kind = 'competenceFramework'
				where k.code = any(${l.competencies}))`,
			practice: sql<
				StoredItem[]
			>`(select coalesce(json_agg(json_build_object('itemId', p.item_id, 'kind', p.kind, 'prompt', p.prompt, 'options', p.options, 'answer', p.answer, 'explanation', p.explanation) order by p.position), '[]'::json)
				from practice_item p where p.lesson_id = ${l.id})`,
		})
		.from(l)
		.innerJoin(learningCourses, eq(learningCourses.id, l.courseId))
		.leftJoin(
			learningLessonHtml,
			and(
				eq(learningLessonHtml.lessonId, l.id),
				eq(learningLessonHtml.contentHash, l.contentHash),
				eq(learningLessonHtml.renderer, lessonRenderer()),
			),
		)
		.where(and(eq(l.id, lessonId), eq(l.status, 'published')))
		.limit(1)
	return row
}

/** The learner of an account with their progress in one lesson and latest answer per practice item. */
async function readLearnerInLesson(db: Database, userId: string, lessonId: string) {
	const [row] = await db
		.select({
			learnerId: learners.id,
			residentId: learners.residentId,
			status: lessonProgress.status,
			lastPosition: lessonProgress.lastPosition,
			lastOpenedAt: lessonProgress.lastOpenedAt,
			completedAt: lessonProgress.completedAt,
			answers: sql<
				StoredAnswer[]
			>`(select coalesce(json_agg(json_build_object('itemId', a.item_id, 'answer', a.answer, 'correct', a.correct, 'attempts', a.attempts)), '[]'::json)
				from (select distinct on (x.item_id) x.item_id, x.answer, x.correct, count(*) over (partition by x.item_id) as attempts
					from learning_activity x
					where x.learner_id = ${learners.id} and x.lesson_id = ${lessonId} and x.kind = 'practiceAnswered'
					order by x.item_id, x.occurred_at desc, x.received_at desc) a)`,
		})
		.from(learners)
		.leftJoin(
			lessonProgress,
			and(eq(lessonProgress.learnerId, learners.id), eq(lessonProgress.lessonId, lessonId)),
		)
		.where(eq(learners.userId, userId))
		.limit(1)
	return row
}

export interface LessonPageData {
	lesson: NonNullable<Awaited<ReturnType<typeof readLessonContent>>> & { html: string }
	learnerId: string
	practice: PracticeView[]
	progress: LessonProgressView | null
}

/**
 * Everything the lesson page needs for one signed-in person, or undefined when the lesson is not
 * published. The answer key of an item travels only when the person has answered it (`retry` hides one).
 */
export async function readLessonPage(
	db: Database,
	input: {
		lessonId: string
		account: { id: string; wardId: string; residentId: string | null }
		retry: string | null
	},
): Promise<LessonPageData | undefined> {
	const [lesson, found] = await Promise.all([
		readLessonContent(db, input.lessonId),
		readLearnerInLesson(db, input.account.id, input.lessonId),
	])
	if (!lesson) return undefined
	// The first view of a revision renders its body and stores it for the next ones.
	const html = lesson.html ?? (await renderAndStoreLessonHtml(db, lesson.id))
	if (html === undefined) return undefined
	let learner = found
	if (!learner || (!learner.residentId && input.account.residentId)) {
		// First visit to the learning pages (or a resident record linked since): make or link the learner.
		await ensureLearnerForUser(db, input.account)
		learner = await readLearnerInLesson(db, input.account.id, input.lessonId)
		if (!learner) throw new Error('learner row missing after ensureLearnerForUser')
	}
	return {
		lesson: { ...lesson, html },
		learnerId: learner.learnerId,
		practice: practiceViews(lesson.practice, learner.answers, input.retry),
		progress:
			learner.status && learner.lastOpenedAt
				? {
						status: learner.status,
						lastPosition: learner.lastPosition ?? 0,
						lastOpenedAt: learner.lastOpenedAt,
						completedAt: learner.completedAt,
					}
				: null,
	}
}
