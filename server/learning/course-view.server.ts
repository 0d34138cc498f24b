import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { lessonImageUrl } from '#server/learning/render-lesson.server.ts'
import { learningCourses, learningImages, learningLessons, lessonProgress } from '#server/learning/schema.ts'

/** A course page: the course and its published lessons with this learner's progress in each. */
export async function readCourseForLearner(db: Database, input: { courseId: string; learnerId: string }) {
	const [course] = await db
		.select({ id: learningCourses.id, title: learningCourses.title, summary: learningCourses.summary })
		.from(learningCourses)
		.where(and(eq(learningCourses.id, input.courseId), eq(learningCourses.active, true)))
		.limit(1)
	if (!course) return undefined
	const lessons = await db
		.select({
			id: learningLessons.id,
			title: learningLessons.title,
			summary: learningLessons.summary,
			minutes: learningLessons.minutes,
			status: lessonProgress.status,
		})
		.from(learningLessons)
		.leftJoin(
			lessonProgress,
			and(eq(lessonProgress.lessonId, learningLessons.id), eq(lessonProgress.learnerId, input.learnerId)),
		)
		.where(and(eq(learningLessons.courseId, course.id), eq(learningLessons.status, 'published')))
		.orderBy(asc(learningLessons.position), asc(learningLessons.id))
	return { ...course, lessons }
}
export type CourseForLearner = NonNullable<Awaited<ReturnType<typeof readCourseForLearner>>>

/**
 * The addresses a browser keeps to use a course without network: the learner home, the course page,
 * every published lesson and the images they show. (The page's styles and scripts are found by the
 * browser in the pages themselves.)
 */
export async function listOfflineUrls(db: Database, courseId: string): Promise<string[] | undefined> {
	const [course] = await db
		.select({ id: learningCourses.id })
		.from(learningCourses)
		.where(and(eq(learningCourses.id, courseId), eq(learningCourses.active, true)))
		.limit(1)
	if (!course) return undefined
	const lessons = await db
		.select({ id: learningLessons.id, images: learningLessons.images })
		.from(learningLessons)
		.where(and(eq(learningLessons.courseId, courseId), eq(learningLessons.status, 'published')))
		.orderBy(asc(learningLessons.position))
	const stored = new Set(
		(
			await db
				.select({ fileName: learningImages.fileName })
				.from(learningImages)
				.where(eq(learningImages.courseId, courseId))
		).map((i) => i.fileName),
	)
	const images = new Set(lessons.flatMap((l) => l.images.map((i) => i.file)).filter((f) => stored.has(f)))
	return [
		'/hoc',
		`/hoc/khoa/${courseId}`,
		...lessons.map((l) => `/hoc/bai/${l.id}`),
		...[...images].map((file) => lessonImageUrl(courseId, file)),
	]
}

/** A course's title (active or not), or undefined when there is no such course. */
export async function findCourseTitle(db: Database, courseId: string): Promise<string | undefined> {
	const [row] = await db
		.select({ title: learningCourses.title })
		.from(learningCourses)
		.where(eq(learningCourses.id, courseId))
		.limit(1)
	return row?.title
}
