import { eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { learningLessonHtml } from '#server/learning/lesson-html-schema.ts'
import { lessonRenderer, renderLessonBody } from '#server/learning/render-lesson.server.ts'
import { learningLessons } from '#server/learning/schema.ts'

/*
 * The lesson page is the most requested page, and rendering a body (Markdown → inert HTML) cost more
 * than all its queries. Each published revision is rendered once and kept in learning_lesson_html,
 * in the database rather than in the process: every app server sees the same, and nothing in memory
 * has to be forgotten when a lesson is edited. readLessonPage joins it by content hash and renderer,
 * so an edit that is published shows on the next view.
 */

/**
 * Renders a lesson's current body and stores it for the next views (the lesson page calls this when
 * its join found no current row). Undefined when the lesson does not exist.
 */
export async function renderAndStoreLessonHtml(db: Database, lessonId: string): Promise<string | undefined> {
	const [lesson] = await db
		.select({
			courseId: learningLessons.courseId,
			body: learningLessons.body,
			images: learningLessons.images,
			contentHash: learningLessons.contentHash,
		})
		.from(learningLessons)
		.where(eq(learningLessons.id, lessonId))
		.limit(1)
	if (!lesson) return undefined
	const html = renderLessonBody(lesson)
	const row = { contentHash: lesson.contentHash, renderer: lessonRenderer(), html, renderedAt: new Date() }
	// Two first views at once both render; the later write wins with the same HTML.
	await db
		.insert(learningLessonHtml)
		.values({ lessonId, ...row })
		.onConflictDoUpdate({ target: learningLessonHtml.lessonId, set: row })
	return html
}
