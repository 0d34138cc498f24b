import type { Course, LessonFrontMatter } from './course-schemas.ts'
import type { BasicSkillsFramework, Framework } from './framework-schemas.ts'
import type { Track } from './track-schema.ts'

/** A lesson as loaded from `courses/<courseId>/<id>.md`. */
export interface LoadedLesson extends LessonFrontMatter {
	courseId: string
	/** Path relative to the content folder. */
	file: string
	/** Markdown body, without the front matter. */
	body: string
	/** File line where the body starts. */
	bodyLine: number
}

/** A course with its lessons in order. */
export interface LoadedCourse extends Course {
	file: string
	/** Absolute folder holding the course, its lessons and their images. */
	dir: string
	lessons: LoadedLesson[]
}

export interface LoadedTrack extends Track {
	file: string
}

/** Everything in the content folder, validated and cross-checked. */
export interface LoadedContent {
	framework: Framework
	basicSkills: BasicSkillsFramework
	tracks: LoadedTrack[]
	courses: LoadedCourse[]
}
