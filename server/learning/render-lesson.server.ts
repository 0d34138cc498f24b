import { renderLessonHtml } from '#server/learning/content/lesson-markdown.ts'

/** Where the pages ask for a lesson image (app/routes/lesson-image.ts serves it from the database). */
export function lessonImageUrl(courseId: string, file: string): string {
	return `/hoc/anh/${encodeURIComponent(courseId)}/${encodeURIComponent(file)}`
}

interface RenderableLesson {
	id: string
	courseId: string
	contentHash: string
	body: string
	images: { file: string }[]
}

// Rendered HTML by lesson and content hash: a published revision never changes, so its HTML is computed
// once per process. Bounded, oldest dropped first.
const cache = new Map<string, string>()
const CACHE_LIMIT = 500

/**
 * A lesson body as inert HTML (renderLessonHtml: raw HTML shown as text, only safe links, only the
 * lesson's own images), with an id on every section heading (muc-1, muc-2…) so a learner can be taken
 * back to the section they reached.
 */
export function renderLessonBody(lesson: RenderableLesson): string {
	const key = `${lesson.id}:${lesson.contentHash}`
	const cached = cache.get(key)
	if (cached !== undefined) return cached
	const html = renderUncached(lesson)
	if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string)
	cache.set(key, html)
	return html
}

/** The same rendering without the cache: previews of drafts on the authoring page. */
export function renderUncached(lesson: Omit<RenderableLesson, 'id' | 'contentHash'>): string {
	const html = renderLessonHtml(lesson.body, {
		imageUrl: (file) => lessonImageUrl(lesson.courseId, file),
		images: new Set(lesson.images.map((i) => i.file)),
	})
	// markdown-it writes section headings as a bare <h2>; text that merely looks like one is escaped.
	let section = 0
	return html.replace(/<h2>/g, () => `<h2 id="muc-${++section}">`)
}
