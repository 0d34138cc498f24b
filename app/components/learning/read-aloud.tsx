import { useTranslate } from '#app/i18n/use-translate.ts'

/**
 * Read-aloud controls, switched on by the enhancement script: the browser's own speech synthesis
 * when it has a Vietnamese voice (nothing is downloaded); otherwise the box says so plainly.
 */
export function ReadAloud() {
	const { t } = useTranslate()
	return (
		<section
			className="read-aloud"
			aria-labelledby="read-aloud-title"
			hidden
			data-read-aloud=""
			data-msg-ready={t('learn.readAloud.ready')}
			data-msg-no-voice={t('learn.readAloud.noVoice')}
			data-msg-unsupported={t('learn.readAloud.unsupported')}
			data-msg-reading={t('learn.readAloud.reading')}
			data-msg-paused={t('learn.readAloud.paused')}
			data-msg-finished={t('learn.readAloud.finished')}
		>
			<h2 id="read-aloud-title">{t('learn.readAloud.title')}</h2>
			<p data-status="" role="status">
				{t('learn.readAloud.checking')}
			</p>
			<p className="actions">
				<button type="button" className="primary" data-play="" disabled>
					{t('learn.readAloud.play')}
				</button>
				<button type="button" className="secondary" data-pause="" disabled>
					{t('learn.readAloud.pause')}
				</button>
				<button type="button" className="secondary" data-stop="" disabled>
					{t('learn.readAloud.stop')}
				</button>
			</p>
		</section>
	)
}
