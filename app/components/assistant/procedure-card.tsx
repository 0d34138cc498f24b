import type { ReactElement } from 'react'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { ProcedureCard } from '#server/assistant/answer-types.ts'
import { describeFee, describeTimeLimit } from '#server/assistant/procedures/compose-procedure-answer.ts'

/**
 * The structured answer about one procedure. Every value is quoted from the record; the labels come
 * from the catalogs. Sections the question asked about come first (card.focus).
 */
export function ProcedureCardView({ card, wardName }: { card: ProcedureCard; wardName: string | null }) {
	const { t } = useTranslate()
	const sections: Record<string, ReactElement | null> = {
		documents: (
			<section key="documents" aria-labelledby="card-documents">
				<h3 id="card-documents" data-read="">
					{t('assistant.card.documents')}
				</h3>
				{card.documents.length ? (
					<ul>
						{card.documents.map((d, i) => (
							// biome-ignore lint/suspicious/noArrayIndexKey: the source may list the same paper twice
							<li key={i} data-read="">
								{d.name}
								{d.quantity ? <span className="muted"> ({d.quantity})</span> : null}
							</li>
						))}
					</ul>
				) : (
					<p>{t('assistant.card.notInSource')}</p>
				)}
				{card.moreDocuments > 0 ? (
					<p className="muted">{t('assistant.card.moreDocuments', { count: card.moreDocuments })}</p>
				) : null}
			</section>
		),
		steps: card.steps.length ? (
			<section key="steps" aria-labelledby="card-steps">
				<h3 id="card-steps" data-read="">
					{t('assistant.card.steps')}
				</h3>
				<ol>
					{card.steps.map((s, i) => (
						// biome-ignore lint/suspicious/noArrayIndexKey: steps are an ordered list of texts
						<li key={i} data-read="">
							{s}
						</li>
					))}
				</ol>
				{card.moreSteps > 0 ? (
					<p className="muted">{t('assistant.card.moreSteps', { count: card.moreSteps })}</p>
				) : null}
			</section>
		) : null,
		time: (
			<section key="time" aria-labelledby="card-time">
				<h3 id="card-time" data-read="">
					{t('assistant.card.time')}
				</h3>
				<ul>
					{card.terms.map((term) => (
						<li key={`${term.channels.join()}${term.timeLimit}`} data-read="">
							{term.channels.join(', ')}: {describeTimeLimit(term.timeLimit)}
						</li>
					))}
				</ul>
			</section>
		),
		fee: (
			<section key="fee" aria-labelledby="card-fee">
				<h3 id="card-fee" data-read="">
					{t('assistant.card.fee')}
				</h3>
				<ul>
					{card.terms.map((term) => (
						<li key={`${term.channels.join()}${term.fee}${term.feeNote}`} data-read="">
							{term.channels.join(', ')}: {describeFee(term)}
						</li>
					))}
				</ul>
			</section>
		),
		place:
			card.executingAgency || card.receivingAddress ? (
				<section key="place" aria-labelledby="card-place">
					<h3 id="card-place" data-read="">
						{t('assistant.card.place')}
					</h3>
					{card.executingAgency ? <p data-read="">{card.executingAgency}</p> : null}
					{card.receivingAddress ? <p data-read="">{card.receivingAddress}</p> : null}
				</section>
			) : null,
		online: (
			<section key="online" aria-labelledby="card-online">
				<h3 id="card-online" data-read="">
					{t('assistant.card.online')}
				</h3>
				<p data-read="">
					{card.online ? t('assistant.card.onlineYes') : t('assistant.card.onlineNotListed')}
				</p>
				<p>
					<a href={card.sourceUrl} rel="noopener noreferrer" target="_blank">
						{t('assistant.card.portalLink')}
					</a>
				</p>
			</section>
		),
		tracking: card.tracking ? (
			<section key="tracking" aria-labelledby="card-tracking">
				<h3 id="card-tracking" data-read="">
					{t('assistant.card.tracking')}
				</h3>
				<ol>
					{card.tracking.steps.map((s) => (
						<li key={s} data-read="">
							{s}
						</li>
					))}
				</ol>
				<p className="muted">
					{t('assistant.card.trackingSource')}{' '}
					<a href={`/hoc/bai/${card.tracking.lessonId}`}>{card.tracking.lessonTitle}</a>
				</p>
			</section>
		) : null,
	}
	const order = [...card.focus, 'documents', 'steps', 'time', 'fee', 'place', 'online', 'tracking']
	return (
		<div className="stack">
			<h2 data-read="">{card.name}</h2>
			<dl className="facts">
				<div className="facts__row">
					<dt>{t('assistant.card.code')}</dt>
					<dd>{card.code}</dd>
				</div>
				{card.field ? (
					<div className="facts__row">
						<dt>{t('assistant.card.field')}</dt>
						<dd>{card.field}</dd>
					</div>
				) : null}
				{card.levels ? (
					<div className="facts__row">
						<dt>{t('assistant.card.levels')}</dt>
						<dd>{card.levels}</dd>
					</div>
				) : null}
				{card.applicants ? (
					<div className="facts__row">
						<dt>{t('assistant.card.applicants')}</dt>
						<dd data-read="">{card.applicants}</dd>
					</div>
				) : null}
				{card.results.length ? (
					<div className="facts__row">
						<dt>{t('assistant.card.results')}</dt>
						<dd data-read="">{card.results.join('; ')}</dd>
					</div>
				) : null}
			</dl>
			{card.handledAtWard ? (
				<p className="notice" data-read="">
					{t('assistant.card.atWard', { ward: wardName ?? t('assistant.card.yourWard') })}
				</p>
			) : null}
			{card.localNote ? (
				<p className="notice" data-read="">
					<strong>{t('assistant.card.localNote')}</strong> {card.localNote}
				</p>
			) : null}
			{[...new Set(order)].map((key) => sections[key] ?? null)}
			<p>
				<a href={`/thu-tuc/${encodeURIComponent(card.code)}`}>{t('assistant.card.fullRecord')}</a>
			</p>
		</div>
	)
}
