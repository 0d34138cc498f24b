import { LessonHtml } from '#app/components/learning/lesson-html.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { PracticeItem } from '#server/learning/content/course-schemas.ts'

export interface LessonPreviewData {
	title: string
	summary: string
	/** Inert HTML from renderLessonHtml (raw HTML in the Markdown shows as text). */
	html: string
	practice: PracticeItem[]
}

/** A lesson as learners will see it, for staff: the body, then the questions with their answers. */
export function LessonPreview({ preview }: { preview: LessonPreviewData }) {
	const { t } = useTranslate()
	return (
		<article className="preview" data-preview="">
			<h3 className="lead">{preview.title}</h3>
			<p>{preview.summary}</p>
			<LessonHtml html={preview.html} />
			{preview.practice.length > 0 ? (
				<>
					<h4>{t('learn.practice.title')}</h4>
					<ol>
						{preview.practice.map((item) => (
							<li key={item.id}>
								<p>{item.prompt}</p>
								{item.kind === 'trueFalse' ? (
									<p>
										{t('learn.practice.rightAnswer')}{' '}
										{item.answer ? t('learn.practice.true') : t('learn.practice.false')}
									</p>
								) : (
									<ul>
										{item.options.map((o) => (
											<li key={o.id}>
												{o.text}
												{item.answer.includes(o.id) ? ` — ${t('content.preview.right')}` : ''}
											</li>
										))}
									</ul>
								)}
								<p className="muted">{item.explanation}</p>
							</li>
						))}
					</ol>
				</>
			) : null}
		</article>
	)
}
