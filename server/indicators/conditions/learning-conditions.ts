import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { defineCondition, type FactDefinition, sqlList } from '#server/indicators/condition-module.ts'
import { learners, learningLessons, lessonProgress } from '#server/learning/schema.ts'
import { residents } from '#server/people/schema.ts'

// Conditions read from learning progress (server/learning): who learns, which courses they finished.

const courseId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'Mã khóa học không hợp lệ')

/**
 * The courses each resident had finished by the day counted to: every lesson of the course that is
 * published now, completed on or before that day. Computed once per query and shared by every
 * condition on courses (one pass over lesson_progress).
 */
export const coursesFinishedFact: FactDefinition = {
	name: 'indicator_course_done',
	sql: (ctx) => sql`select ${learners.residentId} as resident_id, ${learningLessons.courseId} as course_id
		from ${lessonProgress}
		join ${learningLessons} on ${learningLessons.id} = ${lessonProgress.lessonId} and ${learningLessons.status} = 'published'
		join ${learners} on ${learners.id} = ${lessonProgress.learnerId}
		join (select course_id, count(*) as lessons from learning_lesson where status = 'published' group by course_id) as course_size
			on course_size.course_id = ${learningLessons.courseId}
		where ${lessonProgress.status} = 'completed' and ${lessonProgress.completedAt} < (${ctx.asOf}::date + 1)
			and ${learners.residentId} is not null
		group by ${learners.residentId}, ${learningLessons.courseId}, course_size.lessons
		having count(*) >= course_size.lessons`,
}

export const coursesFinished = defineCondition({
	kind: 'coursesFinished',
	source: 'learning',
	schema: z.object({
		kind: z.literal('coursesFinished'),
		courseIds: z.array(courseId).min(1).max(20),
		/** all: every listed course; any: at least one. */
		mode: z.enum(['all', 'any']),
	}),
	facts: [coursesFinishedFact],
	describe: (c, locale) => {
		const list = c.courseIds.join(', ')
		if (locale === 'en') return `finished ${c.mode === 'all' ? 'all' : 'at least one'} of the courses ${list}`
		return c.mode === 'all'
			? `đã học xong tất cả các khóa ${list}`
			: `đã học xong ít nhất một khóa trong ${list}`
	},
	toSql: (c, ctx) => {
		const courses = [...new Set(c.courseIds)]
		const having = c.mode === 'all' ? sql`having count(*) = ${courses.length}` : sql``
		return sql`${residents.id} in (select resident_id from ${ctx.fact(coursesFinishedFact.name)}
			where course_id in (${sqlList(courses)}) group by resident_id ${having})`
	},
})

export const isLearner = defineCondition({
	kind: 'learner',
	source: 'learning',
	schema: z.object({
		kind: z.literal('learner'),
		/** Lessons finished at least (1: has really started learning). */
		minLessons: z.number().int().min(1).max(500),
	}),
	describe: (c, locale) =>
		locale === 'vi'
			? `là người học (đã học xong ít nhất ${c.minLessons} bài)`
			: `a learner (finished at least ${c.minLessons} lesson${c.minLessons > 1 ? 's' : ''})`,
	toSql: (c, ctx) => sql`${residents.id} in (select ${learners.residentId} from ${lessonProgress}
		join ${learners} on ${learners.id} = ${lessonProgress.learnerId}
		where ${lessonProgress.status} = 'completed' and ${lessonProgress.completedAt} < (${ctx.asOf}::date + 1)
			and ${learners.residentId} is not null
		group by ${learners.residentId} having count(*) >= ${c.minLessons})`,
})
