import { useTranslate } from '#app/i18n/use-translate.ts'
import type { ProgressStatus } from '#server/indicators/progress-status.ts'

const symbols: Record<ProgressStatus, string> = { met: '✓', onTrack: '→', behind: '!', noData: '–' }

/** The status in words, with a colour and a symbol that only repeat what the words say. */
export function StatusBadge({ status }: { status: ProgressStatus }) {
	const { t } = useTranslate()
	return (
		<span className={`indicator-status indicator-status--${status}`}>
			<span aria-hidden="true">{symbols[status]} </span>
			{t(`dashboard.status.${status}`)}
		</span>
	)
}
