import type { LessonFrontMatter } from '#server/learning/content/course-schemas.ts'
import type { LoadedLesson } from '#server/learning/content/loaded-content.ts'

/**
 * A lesson as a revision stores it: the front matter of content/courses/<course>/<id>.md, the course it
 * belongs to and the Markdown body. Lessons from the files and lessons written on the authoring page
 * have the same shape, so either can be published, compared or restored.
 */
export type LessonData = LessonFrontMatter & { courseId: string; body: string }

/** The revision data of a lesson loaded from the content folder (file positions left out). */
export function lessonDataFromFile(lesson: LoadedLesson): LessonData {
	const { file: _file, bodyLine: _bodyLine, ...data } = lesson
	return data
}
