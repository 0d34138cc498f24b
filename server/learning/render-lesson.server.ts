import crypto from 'node:crypto'
import { renderLessonHtml } from '#server/learning/content/lesson-markdown.ts'

/** Where the pages ask for a lesson image (app/routes/lesson-image.ts serves it from the database). */
export function lessonImageUrl(courseId: string, file: string): string {
	return `/hoc/anh/${encodeURIComponent(courseId)}/${encodeURIComponent(file)}`
}

interface RenderableLesson {
	courseId: string
	body: string
	images: { file: string }[]
}

/**
 * A lesson body as inert HTML (renderLessonHtml: raw HTML shown as text, only safe links, only the
 * lesson's own images), with an id on every section heading (muc-1, muc-2…) so a learner can be taken
 * back to the section they reached. The lesson page reads it from the database
 * (lesson-html.server.ts); drafts' previews render it each time.
 */
export function renderLessonBody(lesson: RenderableLesson): string {
	const html = renderLessonHtml(lesson.body, {
		imageUrl: (file) => lessonImageUrl(lesson.courseId, file),
		images: new Set(lesson.images.map((i) => i.file)),
	})
	// markdown-it writes section headings as a bare <h2>; text that merely looks like one is escaped.
	let section = 0
	return html.replace(/<h2>/g, () => `<h2 id="muc-${++section}">`)
}

// Every construct the renderer treats: headings, emphasis, safe and refused links, allowed and
// unknown images, raw HTML, lists, quotes, code, tables, rules.
const sampleLesson: RenderableLesson = {
	courseId: 'mau',
	images: [{ file: 'anh-mau.svg' }],
	body: [
		'## Mục một',
		'Chữ **đậm**, *nghiêng*, `mã` và [liên kết](https://dichvucong.gov.vn), [trong trang](/hoc), [xấu](javascript:alert(1)), <https://vneid.gov.vn>.',
		'![Ảnh của bài](anh-mau.svg) ![Ảnh lạ](khac.png) ![Ngoài](https://example.org/a.png)',
		'<script>alert(1)</script> <b onclick="x">thô</b> &amp; &#x3C;',
		'- một\n- hai\n  - hai a',
		'1. ba\n2. bốn',
		'> Trích dẫn',
		'```\nkhối mã <b>\n```',
		'| Cột | Giá trị |\n| --- | --- |\n| a | 1 |',
		'---',
		'### Mục nhỏ\n\n## Mục hai',
	].join('\n\n'),
}

let renderer: string | undefined

/**
 * Which renderer made a stored HTML body: a fingerprint of its output for a sample lesson. A change to
 * the renderer (or to markdown-it) that changes its output changes the fingerprint, and the stored
 * bodies are rendered again on their next view — nobody has to remember to bump a version.
 */
export function lessonRenderer(): string {
	renderer ??= crypto
		.createHash('sha256')
		.update(renderLessonBody(sampleLesson))
		.digest('base64url')
		.slice(0, 16)
	return renderer
}
