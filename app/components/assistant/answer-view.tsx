import { ProcedureCardView } from '#app/components/assistant/procedure-card.tsx'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import type { AssistantAnswer } from '#server/assistant/answer-types.ts'

/** A button that asks a question (a small form: works without JavaScript). */
export function AskButton({
	question,
	kind,
	previous,
	label,
}: {
	question: string
	kind: AssistantAnswer['kind']
	previous: string[]
	label?: string
}) {
	return (
		<form method="post">
			<CsrfInput />
			<input type="hidden" name="question" value={question} />
			<input type="hidden" name="kind" value={kind} />
			{previous.map((p) => (
				<input key={p} type="hidden" name="previous" value={p} />
			))}
			<button type="submit" className="secondary">
				{label ?? question}
			</button>
		</form>
	)
}

/** One answer of the assistant: the answer itself, its sources, what to ask next. */
export function AnswerView({
	answer,
	question,
	previous,
	wardName,
}: {
	answer: AssistantAnswer
	question: string
	previous: string[]
	wardName: string | null
}) {
	const { t } = useTranslate()
	return (
		<section className="stack assistant-answer" aria-labelledby="answer-title" data-answer="">
			<h2 id="answer-title" className="visually-hidden">
				{t('assistant.answer.title')}
			</h2>
			<p className="assistant-question">
				<span className="visually-hidden">{t('assistant.answer.youAsked')} </span>
				<span data-read="">{question}</span>
			</p>
			{answer.redacted.length ? (
				<p className="notice" role="note">
					{t('assistant.answer.redacted', {
						kinds: answer.redacted.map((k) => t(`assistant.redacted.${k}` as MessageKey)).join(', '),
					})}
				</p>
			) : null}
			{answer.outcome === 'answered' && answer.usedModel ? (
				<div className="stack">
					{answer.answer.split('\n\n').map((para) => (
						<p key={para} data-read="" style={{ whiteSpace: 'pre-line' }}>
							{para}
						</p>
					))}
					<p className="muted">{t('assistant.answer.modelNote')}</p>
				</div>
			) : null}
			{answer.outcome === 'answered' && answer.card && !answer.usedModel ? (
				<ProcedureCardView card={answer.card} wardName={wardName} />
			) : null}
			{answer.passages.length && !answer.usedModel ? (
				<div className="stack">
					{answer.outcome === 'uncertain' ? <p data-read="">{t('assistant.answer.lessonUnsure')}</p> : null}
					{answer.passages.map((p) => (
						<article key={`${p.lessonId}${p.heading}`} className="card">
							<h3 data-read="">
								{p.lessonTitle}
								{p.heading ? ` — ${p.heading}` : ''}
							</h3>
							<p data-read="" style={{ whiteSpace: 'pre-line' }}>
								{p.text}
							</p>
							<p className="muted">
								{t('assistant.answer.fromLesson')} <a href={`/hoc/bai/${p.lessonId}`}>{p.lessonTitle}</a> (
								{p.courseTitle})
							</p>
						</article>
					))}
				</div>
			) : null}
			{answer.outcome === 'answered' && !answer.card && !answer.passages.length && !answer.usedModel ? (
				<div className="stack">
					{answer.answer.split('\n\n').map((para) => (
						<p key={para} data-read="" style={{ whiteSpace: 'pre-line' }}>
							{para}
						</p>
					))}
				</div>
			) : null}
			{answer.outcome === 'notFound' ? (
				<div className="stack">
					<p data-read="">
						{t(answer.kind === 'learning' ? 'assistant.answer.noLesson' : 'assistant.answer.notFound')}
					</p>
					<p data-read="">{t('assistant.answer.tryAgain')}</p>
				</div>
			) : null}
			{answer.alternatives.length && answer.outcome !== 'notFound' ? (
				<section aria-labelledby="alternatives-title" className="stack">
					<h3 id="alternatives-title" data-read="">
						{answer.outcome === 'uncertain' && answer.kind === 'procedure'
							? t('assistant.answer.didYouMean')
							: t('assistant.answer.related')}
					</h3>
					<ul className="assistant-choices">
						{answer.alternatives.map((a) => (
							<li key={a.id + a.title}>
								{answer.kind === 'procedure' ? (
									<AskButton question={a.question} kind={answer.kind} previous={previous} label={a.title} />
								) : (
									<a href={`/hoc/bai/${a.id}`}>{a.title}</a>
								)}
							</li>
						))}
					</ul>
				</section>
			) : null}
			{answer.contact && answer.outcome !== 'answered' ? (
				<p className="notice" data-read="">
					<strong>{t('assistant.answer.contact')}</strong> {answer.contact}
				</p>
			) : null}
			{answer.nextLessons.length ? (
				<section aria-labelledby="next-lessons-title">
					<h3 id="next-lessons-title">{t('assistant.answer.nextLessons')}</h3>
					<ul>
						{answer.nextLessons.map((l) => (
							<li key={l.id}>
								<a href={`/hoc/bai/${l.id}`}>{l.title}</a> <span className="muted">— {l.reason}</span>
							</li>
						))}
					</ul>
				</section>
			) : null}
			{answer.kind === 'learning' ? (
				<p>
					<a className="button secondary" href="/tro-ly/thuc-hanh-ai">
						{t('assistant.practice.link')}
					</a>
				</p>
			) : null}
			{answer.sources.length ? (
				<section aria-labelledby="sources-title">
					<h3 id="sources-title">{t('assistant.answer.sources')}</h3>
					<ul>
						{answer.sources.map((s) => (
							<li key={s.id}>
								{s.url ? (
									<a
										href={s.url}
										{...(s.url.startsWith('http') ? { rel: 'noopener noreferrer', target: '_blank' } : {})}
									>
										{s.title}
									</a>
								) : (
									s.title
								)}{' '}
								<span className="muted">
									({t(`assistant.source.${s.kind}` as MessageKey)}
									{s.kind === 'procedure' ? `, ${t('assistant.card.code').toLowerCase()} ${s.id}` : ''})
								</span>
							</li>
						))}
					</ul>
				</section>
			) : null}
			{answer.followUps.length ? (
				<section aria-labelledby="followups-title">
					<h3 id="followups-title">{t('assistant.answer.followUps')}</h3>
					<ul className="assistant-choices">
						{answer.followUps.map((q) => (
							<li key={q}>
								<AskButton question={q} kind={answer.kind} previous={previous} />
							</li>
						))}
					</ul>
				</section>
			) : null}
		</section>
	)
}
