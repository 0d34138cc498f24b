import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatDateTime } from '#app/utils/format-date.ts'
import type { ConsentPurpose } from '#server/privacy/consent-vocabulary.ts'

/** The serialised shape of server/privacy/consent.server.ts ConsentState (kept apart: no server import here). */
export interface ConsentRow {
	purpose: ConsentPurpose
	current: ConsentEvent | null
	history: ConsentEvent[]
}
interface ConsentEvent {
	decision: 'given' | 'withdrawn'
	method: 'paper' | 'inPerson' | 'online'
	recordedAt: string
	recordedByName: string | null
	note: string | null
}

function useRecorded() {
	const { t, locale } = useTranslate()
	return (event: ConsentEvent) => {
		const when = formatDateTime(locale, event.recordedAt)
		const method = t(`privacy.consent.method.${event.method}`)
		// Chosen online by the person: naming them as the recorder adds nothing.
		return event.recordedByName && event.method !== 'online'
			? t('privacy.consent.recordedBy', { when, method, name: event.recordedByName })
			: t('privacy.consent.recordedSelf', { when, method })
	}
}

/** Each purpose with the person's current decision, in words (never colour alone). */
export function ConsentTable({ consents }: { consents: ConsentRow[] }) {
	const { t } = useTranslate()
	const recorded = useRecorded()
	return (
		<div className="table-scroll">
			<table>
				<caption>{t('privacy.consent.caption')}</caption>
				<thead>
					<tr>
						<th scope="col">{t('privacy.consent.col.purpose')}</th>
						<th scope="col">{t('privacy.consent.col.state')}</th>
						<th scope="col">{t('privacy.consent.col.when')}</th>
					</tr>
				</thead>
				<tbody>
					{consents.map(({ purpose, current }) => (
						<tr key={purpose}>
							<th scope="row">{t(`privacy.consent.purpose.${purpose}`)}</th>
							<td>
								{current ? t(`privacy.consent.decision.${current.decision}`) : t('privacy.consent.notAsked')}
							</td>
							<td>{current ? recorded(current) : '—'}</td>
						</tr>
					))}
				</tbody>
			</table>
		</div>
	)
}

/** Every decision ever recorded, newest first: the proof of consent. */
export function ConsentHistory({ consents }: { consents: ConsentRow[] }) {
	const { t } = useTranslate()
	const recorded = useRecorded()
	const events = consents
		.flatMap((c) => c.history.map((event) => ({ purpose: c.purpose, event })))
		.sort((a, b) => b.event.recordedAt.localeCompare(a.event.recordedAt))
	if (events.length === 0) return null
	return (
		<section aria-labelledby="consent-history-title" className="stack">
			<h2 id="consent-history-title">{t('privacy.consent.historyTitle')}</h2>
			<ul>
				{events.map(({ purpose, event }) => (
					<li key={`${purpose}-${event.recordedAt}`}>
						<strong>{t(`privacy.consent.purpose.${purpose}`)}</strong>:{' '}
						{t(`privacy.consent.decision.${event.decision}`)} — {recorded(event)}
						{event.note ? ` — ${event.note}` : ''}
					</li>
				))}
			</ul>
		</section>
	)
}
