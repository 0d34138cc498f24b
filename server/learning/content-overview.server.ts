import { asc, eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { learningCourses, learningLessons } from '#server/learning/schema.ts'

/**
 * Every course and lesson for the staff's content page: what learners see (status, published version)
 * and whether a newer draft is waiting.
 */
export async function listContentForStaff(db: Database) {
	const rows = await db
		.select({
			courseId: learningCourses.id,
			courseTitle: learningCourses.title,
			courseActive: learningCourses.active,
			lessonId: learningLessons.id,
			title: learningLessons.title,
			status: learningLessons.status,
			revision: learningLessons.revision,
			latestRevision: sql<number>`(select max(r.revision) from learning_revision r where r.entity_kind = 'lesson' and r.entity_id = ${learningLessons.id})`,
		})
		.from(learningCourses)
		.leftJoin(learningLessons, eq(learningLessons.courseId, learningCourses.id))
		.orderBy(asc(learningCourses.title), asc(learningLessons.position), asc(learningLessons.id))
	const courses = new Map<
		string,
		{
			id: string
			title: string
			active: boolean
			lessons: { id: string; title: string; status: string; revision: number; draftWaiting: boolean }[]
		}
	>()
	for (const row of rows) {
		const course = courses.get(row.courseId) ?? {
			id: row.courseId,
			title: row.courseTitle,
			active: row.courseActive,
			lessons: [],
		}
		if (row.lessonId && row.title && row.status && row.revision !== null) {
			course.lessons.push({
				id: row.lessonId,
				title: row.title,
				status: row.status,
				revision: row.revision,
				draftWaiting: Number(row.latestRevision ?? 0) > row.revision,
			})
		}
		courses.set(row.courseId, course)
	}
	return [...courses.values()]
}
