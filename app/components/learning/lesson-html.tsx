/**
 * A lesson body rendered by renderLessonHtml (server/learning/content/lesson-markdown.ts): raw HTML in
 * the Markdown is shown as text, links go only to http(s)/mailto/tel/relative addresses and images only
 * to the lesson's own files, so the HTML can do nothing but display. The one place such HTML is inserted.
 */
export function LessonHtml({ html, readAloud }: { html: string; readAloud?: boolean }) {
	return (
		<div
			className="lesson-body"
			data-read-body={readAloud ? '' : undefined}
			// biome-ignore lint/security/noDangerouslySetInnerHtml: inert HTML from renderLessonHtml (see above)
			dangerouslySetInnerHTML={{ __html: html }}
		/>
	)
}
