import { useTranslate } from '#app/i18n/use-translate.ts'

/**
 * "Keep this course for offline use": shown by the enhancement script only where the browser can
 * (service worker and cache storage); hidden otherwise, and without JavaScript.
 */
export function OfflineCourse({ courseId }: { courseId: string }) {
	const { t } = useTranslate()
	return (
		<section
			className="read-aloud offline-course"
			aria-labelledby="offline-title"
			hidden
			data-offline-course={courseId}
			data-manifest={`/hoc/khoa/${courseId}/ngoai-tuyen`}
			data-msg-saved={t('learn.offline.saved')}
			data-msg-not-saved={t('learn.offline.notSaved')}
			data-msg-saving={t('learn.offline.saving')}
			data-msg-failed={t('learn.offline.failed')}
		>
			<h2 id="offline-title">{t('learn.offline.title')}</h2>
			<p data-status="" role="status">
				{t('learn.offline.notSaved')}
			</p>
			<p className="actions">
				<button type="button" className="primary" data-save="">
					{t('learn.offline.save')}
				</button>
				<button type="button" className="secondary" data-remove="" hidden>
					{t('learn.offline.remove')}
				</button>
			</p>
		</section>
	)
}
