import { sql } from 'drizzle-orm'
import { z } from 'zod'
import { assessmentItems, oralAssessmentResults, oralAssessments } from '#server/assessment/schema.ts'
import { defineCondition, sqlList } from '#server/indicators/condition-module.ts'
import { residents } from '#server/people/schema.ts'

// Conditions read from assessments (server/assessment): practical tasks an instructor or volunteer saw the
// resident do. Target 8 (AI-tool competence) is assessed this way, not only by finishing a course.

const courseId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,59}$/, 'Mã khóa học không hợp lệ')

export const practicalTaskConfirmed = defineCondition({
	kind: 'practicalTaskConfirmed',
	source: 'learning',
	schema: z.object({
		kind: z.literal('practicalTaskConfirmed'),
		/** A practical task of any of these courses counts. */
		courseIds: z.array(courseId).min(1).max(20),
	}),
	describe: (c, locale) =>
		locale === 'en'
			? `did a practical task of ${c.courseIds.join(', ')} in front of an instructor or volunteer`
			: `đã làm được ít nhất một bài thực hành của khóa ${c.courseIds.join(', ')} trước người hướng dẫn (có xác nhận)`,
	// Confirmed on or before the day counted to (Vietnam time: a task confirmed at 23:30 belongs to that day).
	toSql: (c, ctx) => {
		const o = oralAssessments
		const r = oralAssessmentResults
		const i = assessmentItems
		return sql`exists (select 1 from ${o}
			join ${r} on ${r.oralAssessmentId} = ${o.id}
			join ${i} on ${i.id} = ${r.itemId}
			where ${o.residentId} = ${residents.id} and ${i.kind} = 'practical' and ${i.courseId} in (${sqlList([...new Set(c.courseIds)])})
				and ${o.confirmedAt} < ((${ctx.asOf}::date + 1)::timestamp at time zone 'Asia/Ho_Chi_Minh'))`
	},
})
