import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { preparedPerDatabase } from '#server/db/prepared.server.ts'
import { ensureLearnerForUser } from '#server/learning/learners.server.ts'
import { renderAndStoreLessonHtml } from '#server/learning/lesson-html.server.ts'
import { learningLessonHtml } from '#server/learning/lesson-html-schema.ts'
import type { LessonProgressView, PracticeView } from '#server/learning/lesson-view.server.ts'
import { practiceViews, type StoredAnswer, type StoredItem } from '#server/learning/practice-view.ts'
import { lessonRenderer } from '#server/learning/render-lesson.server.ts'
import { learningCourses, learningLessons } from '#server/learning/schema.ts'

/*
 * The lesson page's data in one round trip (the page is the most requested one: every learner, every
 * lesson; on the embedded database each statement costs a parse, a plan and a look at every table's
 * size): the published lesson with its course, its rendered body, the course's lessons, its
 * competencies and practice items, and the learner of the account with their progress in it and their
 * latest answers.
 */

/** The learner part of the row, as json_build_object writes it (timestamps as text). */
interface LearnerInLesson {
	learnerId: string
	residentId: string | null
	status: 'started' | 'completed' | null
	lastPosition: number | null
	lastOpenedAt: string | null
	completedAt: string | null
	answers: StoredAnswer[]
}

/** A published lesson with everything the page shows, and the account's learner in it (null before their first visit). */
async function readLessonRow(db: Database, lessonId: string, userId: string) {
	const [row] = await lessonRowQuery(db).execute({ lessonId, userId, renderer: lessonRenderer() })
	return row
}

const l = learningLessons
const lessonRowQuery = preparedPerDatabase((db) =>
	db
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
			learner: sql<LearnerInLesson | null>`(select json_build_object('learnerId', m.id, 'residentId', m.resident_id,
					'status', g.status, 'lastPosition', g.last_position, 'lastOpenedAt', g.last_opened_at, 'completedAt', g.completed_at,
					'answers', (select coalesce(json_agg(json_build_object('itemId', a.item_id, 'answer', a.answer, 'correct', a.correct, 'attempts', a.attempts)), '[]'::json)
						from (select distinct on (x.item_id) x.item_id, x.answer, x.correct, count(*) over (partition by x.item_id) as attempts
							from learning_activity x
							where x.learner_id = m.id and x.lesson_id = ${l.id} and x.kind = 'practiceAnswered'
							order by x.item_id, x.occurred_at desc, x.received_at desc) a))
				from learner m left join lesson_progress g on g.learner_id = m.id and g.lesson_id = ${l.id}
				where m.user_id = ${sql.placeholder('userId')} limit 1)`,
		})
		.from(l)
		.innerJoin(learningCourses, eq(learningCourses.id, l.courseId))
		.leftJoin(
			learningLessonHtml,
			and(
				eq(learningLessonHtml.lessonId, l.id),
				eq(learningLessonHtml.contentHash, l.contentHash),
				eq(learningLessonHtml.renderer, sql.placeholder('renderer')),
			),
		)
		.where(and(eq(l.id, sql.placeholder('lessonId')), eq(l.status, 'published')))
		.limit(1)
		.prepare('lesson_page_row'),
)

export interface LessonPageData {
	lesson: Omit<NonNullable<Awaited<ReturnType<typeof readLessonRow>>>, 'learner'> & { html: string }
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
	let row = await readLessonRow(db, input.lessonId, input.account.id)
	if (!row) return undefined
	if (!row.learner || (!row.learner.residentId && input.account.residentId)) {
		// First visit to the learning pages (or a resident record linked since): make or link the learner.
		await ensureLearnerForUser(db, input.account)
		row = await readLessonRow(db, input.lessonId, input.account.id)
		if (!row) return undefined
		if (!row.learner) throw new Error('learner row missing after ensureLearnerForUser')
	}
	const { learner, ...lesson } = row
	// The first view of a revision renders its body and stores it for the next ones.
	const html = lesson.html ?? (await renderAndStoreLessonHtml(db, lesson.id))
	if (html === undefined) return undefined
	return {
		lesson: { ...lesson, html },
		learnerId: learner.learnerId,
		practice: practiceViews(lesson.practice, learner.answers, input.retry),
		progress:
			learner.status && learner.lastOpenedAt
				? {
						status: learner.status,
						lastPosition: learner.lastPosition ?? 0,
						lastOpenedAt: new Date(learner.lastOpenedAt),
						completedAt: learner.completedAt ? new Date(learner.completedAt) : null,
					}
				: null,
	}
}
