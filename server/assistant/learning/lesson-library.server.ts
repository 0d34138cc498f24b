import { KnowledgeIndex } from '#server/assistant/search/knowledge-index.ts'
import { loadContentFolder } from '#server/learning/content/load-content.server.ts'
import type { LoadedContent, LoadedCourse, LoadedLesson } from '#server/learning/content/loaded-content.ts'

/** One `##` section of a lesson: the unit the learning assistant quotes. */
export interface LessonSection {
	/** `<lessonId>#<n>` (n = 0 for the text before the first heading). */
	id: string
	lessonId: string
	courseId: string
	lessonTitle: string
	courseTitle: string
	heading: string | null
	/** The section's Markdown, as written. */
	markdown: string
}

export interface LessonLibrary {
	content: LoadedContent
	sections: Map<string, LessonSection>
	lessons: Map<string, LoadedLesson & { courseTitle: string }>
	courses: Map<string, LoadedCourse>
	index: KnowledgeIndex
}

// Content is read from files once per process (it changes with a release, not at run time).
const KEY = Symbol.for('hocvuso.lessonLibrary')
type GlobalWithLibrary = typeof globalThis & { [KEY]?: Map<string, Promise<LessonLibrary>> }

/** The lesson content (content/, through the learning content loader) with a search index over sections. */
export function lessonLibrary(dir?: string): Promise<LessonLibrary> {
	const g = globalThis as GlobalWithLibrary
	g[KEY] ??= new Map()
	const key = dir ?? 'default'
	let library = g[KEY].get(key)
	if (!library) {
		library = buildLibrary(dir)
		library.catch(() => g[KEY]?.delete(key))
		g[KEY].set(key, library)
	}
	return library
}

async function buildLibrary(dir?: string): Promise<LessonLibrary> {
	const content = await loadContentFolder(dir)
	const sections = new Map<string, LessonSection>()
	const lessons = new Map<string, LoadedLesson & { courseTitle: string }>()
	const courses = new Map<string, LoadedCourse>()
	for (const course of content.courses) {
		courses.set(course.id, course)
		for (const lesson of course.lessons) {
			lessons.set(lesson.id, { ...lesson, courseTitle: course.title })
			for (const section of splitSections(lesson, course)) sections.set(section.id, section)
		}
	}
	const index = new KnowledgeIndex(
		[...sections.values()].map((s) => ({
			id: s.id,
			name: [s.lessonTitle, s.heading].filter(Boolean).join('. '),
			topic: `${s.courseTitle}. ${lessons.get(s.lessonId)?.summary ?? ''}`,
			body: plainText(s.markdown),
		})),
		[],
		{
			fieldBoost: { name: 3, keywords: 1, topic: 1, body: 1 },
			wardBoost: 1,
			namePrecision: 0.3,
			bm25: { k: 1.2, b: 0.75, d: 0.5 },
			phraseIn: 'all',
		},
	)
	return { content, sections, lessons, courses, index }
}

/** Splits a lesson body at its `##` headings (the front matter's title is the lesson's heading). */
export function splitSections(lesson: LoadedLesson, course: { id: string; title: string }): LessonSection[] {
	const parts: { heading: string | null; lines: string[] }[] = [{ heading: null, lines: [] }]
	for (const line of lesson.body.split('\n')) {
		const heading = /^##\s+(.+)$/.exec(line)
		if (heading) parts.push({ heading: heading[1]?.trim() ?? null, lines: [] })
		else parts.at(-1)?.lines.push(line)
	}
	return parts
		.map((part, n) => ({
			id: `${lesson.id}#${n}`,
			lessonId: lesson.id,
			courseId: course.id,
			lessonTitle: lesson.title,
			courseTitle: course.title,
			heading: part.heading,
			markdown: part.lines.join('\n').trim(),
		}))
		.filter((section) => section.markdown.length > 0)
}

/** Markdown as plain sentences: no emphasis marks, images, or link targets. */
export function plainText(markdown: string): string {
	return markdown
		.replace(/!\[[^\]]*\]\([^)]*\)/g, '')
		.replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
		.replace(/\*\*([^*]+)\*\*/g, '$1')
		.replace(/(^|\s)[*_]([^*_]+)[*_]/g, '$1$2')
		.replace(/`([^`]+)`/g, '$1')
		.replace(/^>\s?/gm, '')
		.trim()
}

/**
 * The numbered steps of a lesson section (e.g. "Tra cứu bằng mã hồ sơ" in dvc-track-dossier), as plain
 * text; empty when the lesson or the section is missing.
 */
export function numberedSteps(library: LessonLibrary, lessonId: string, headingStart: string): string[] {
	for (const section of library.sections.values()) {
		if (section.lessonId !== lessonId || !section.heading?.startsWith(headingStart)) continue
		return section.markdown
			.split('\n')
			.map((line) => /^\d+\.\s+(.+)$/.exec(line.trim())?.[1])
			.filter((step): step is string => !!step)
			.map(plainText)
	}
	return []
}
