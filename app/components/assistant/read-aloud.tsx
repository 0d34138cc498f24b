import { useTranslate } from '#app/i18n/use-translate.ts'
import scriptHref from './assistant-enhancements.js?url&no-inline'

/**
 * Read-aloud of the answer (the elements marked `data-read`), switched on by the page's small script
 * when the browser has a Vietnamese voice; otherwise the box says so. Hidden without JavaScript.
 */
export function ReadAloud() {
	const { t } = useTranslate()
	return (
		<section
			className="read-aloud"
			aria-labelledby="assistant-read-aloud-title"
			hidden
			data-assistant-read-aloud=""
			data-msg-ready={t('assistant.readAloud.ready')}
			data-msg-no-voice={t('assistant.readAloud.noVoice')}
			data-msg-unsupported={t('assistant.readAloud.unsupported')}
			data-msg-reading={t('assistant.readAloud.reading')}
			data-msg-finished={t('assistant.readAloud.finished')}
		>
			<h2 id="assistant-read-aloud-title" className="visually-hidden">
				{t('assistant.readAloud.title')}
			</h2>
			<p className="actions">
				<button type="button" className="primary" data-play="" disabled>
					{t('assistant.readAloud.play')}
				</button>
				<button type="button" className="secondary" data-stop="" disabled>
					{t('assistant.readAloud.stop')}
				</button>
			</p>
			<p data-status="" role="status" className="muted">
				{t('assistant.readAloud.checking')}
			</p>
			<script src={scriptHref} defer />
		</section>
	)
}
