import { type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'
import { defineCondition, type FactDefinition, sqlList } from '#server/indicators/condition-module.ts'
import { learnerLearningSummary, learners } from '#server/learning/schema.ts'
import { residents } from '#server/people/schema.ts'

// Conditions read from learning progress (server/learning): who learns, which courses they finished.

const courseId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'Mã khóa học không hợp lệ')

/**
 * Per resident, what they had learnt by the day counted to: the courses finished (every lesson of the
 * course that is published now, completed on or before that day) and the number of lessons completed.
 * Read from learner_learning_summary (one row per learner, kept by triggers from lesson_progress) rather
 * than by aggregating every lesson_progress row of the ward: its arrays are sorted by time, so "by that
 * day" is the whole array unless its last entry is later. Shared by every learning condition of the query.
 */
export const learningFact: FactDefinition = {
	name: 'indicator_learning',
	joinable: true,
	sql: (ctx) => {
		const s = learnerLearningSummary
		const until = sql`(${ctx.asOf}::date + 1)`
		return sql`select ${learners.residentId} as resident_id,
			case when coalesce(${s.coursesFinishedAt}[cardinality(${s.coursesFinishedAt})] < ${until}, true) then ${s.coursesFinished}
				else array(select f.course_id from unnest(${s.coursesFinished}, ${s.coursesFinishedAt}) as f(course_id, at) where f.at < ${until})
			end as courses,
			case when ${s.lessonsCompletedAt}[cardinality(${s.lessonsCompletedAt})] < ${until} then cardinality(${s.lessonsCompletedAt})
				else (select count(*) from unnest(${s.lessonsCompletedAt}) as done(at) where done.at < ${until})::int
			end as lessons
		from ${s}
		join ${learners} on ${learners.id} = ${s.learnerId}
		where ${learners.residentId} is not null`
	},
}

const textArray = (values: readonly string[]) => sql`array[${sqlList(values)}]::text[]`

export const coursesFinished = defineCondition({
	kind: 'coursesFinished',
	source: 'learning',
	schema: z.object({
		kind: z.literal('coursesFinished'),
		courseIds: z.array(courseId).min(1).max(20),
		/** all: every listed course; any: at least one. */
		mode: z.enum(['all', 'any']),
	}),
	facts: [learningFact],
	describe: (c, locale) => {
		const list = c.courseIds.join(', ')
		if (locale === 'en') return `finished ${c.mode === 'all' ? 'all' : 'at least one'} of the courses ${list}`
		return c.mode === 'all'
			? `đã học xong tất cả các khóa ${list}`
			: `đã học xong ít nhất một khóa trong ${list}`
	},
	toSql: (c, ctx) => {
		const courses = textArray([...new Set(c.courseIds)])
		const test = (column: SQL) =>
			c.mode === 'all' ? sql`${column} @> ${courses}` : sql`${column} && ${courses}`
		if (ctx.joined) return sql`coalesce(${test(sql`${ctx.joined(learningFact.name)}.courses`)}, false)`
		return sql`${residents.id} in (select resident_id from ${ctx.fact(learningFact.name)} where ${test(sql`courses`)})`
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
	facts: [learningFact],
	describe: (c, locale) =>
		locale === 'vi'
			? `là người học (đã học xong ít nhất ${c.minLessons} bài)`
			: `a learner (finished at least ${c.minLessons} lesson${c.minLessons > 1 ? 's' : ''})`,
	toSql: (c, ctx) => {
		if (ctx.joined) return sql`coalesce(${ctx.joined(learningFact.name)}.lessons >= ${c.minLessons}, false)`
		return sql`${residents.id} in (select resident_id from ${ctx.fact(learningFact.name)} where lessons >= ${c.minLessons})`
	},
})
