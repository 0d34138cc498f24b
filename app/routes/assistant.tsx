import { data } from 'react-router'
import { z } from 'zod'
import { AnswerView, AskButton } from '#app/components/assistant/answer-view.tsx'
import { ReadAloud } from '#app/components/assistant/read-aloud.tsx'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import assistantStylesHref from '#app/styles/assistant.css?url'
import { AskRequestSchema, askAssistant } from '#server/assistant/ask-assistant.server.ts'
import { countAssistantQuestion } from '#server/assistant/assistant-rate-limit.server.ts'
import { readWardContact } from '#server/assistant/assistant-settings.server.ts'
import { redactPersonalData } from '#server/assistant/redact-personal-data.ts'
import { getCurrentUser } from '#server/identity/current-user.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import type { Route } from './+types/assistant'

// Plain HTML with one small script (read-aloud), like the learner pages: a cheap phone on a weak network
// gets the answer without a framework (docs/decisions/009-learning-pages-without-hydration.md).
export const handle = { hydrate: false }
export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: assistantStylesHref }]
export const meta: Route.MetaFunction = () => [{ title: 'Trợ lý ảo — Bình dân học vụ số' }]
// Questions and answers are nobody else's business: no shared cache keeps them.
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

/** Earlier questions of this conversation travel in the form (already without personal data). */
const AskFormSchema = AskRequestSchema.extend({
	previous: z.array(z.string().max(500)).max(5).default([]),
})

const examples: Record<'procedure' | 'learning', MessageKey[]> = {
	procedure: [
		'assistant.example.birth',
		'assistant.example.single',
		'assistant.example.copy',
		'assistant.example.track',
	],
	learning: ['assistant.example.vneid', 'assistant.example.otp', 'assistant.example.ai'],
}

/** `/tro-ly`: the assistant page, for everyone, signed in or not. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const kind = new URL(request.url).searchParams.get('loai') === 'hoc-tap' ? 'learning' : 'procedure'
	const user = await getCurrentUser(request, context)
	const ward = await readWardContact(context.app.db, user?.wardId)
	return { kind: kind as 'procedure' | 'learning', wardName: ward.wardName, contact: ward.contact }
}

export async function action({ request, context }: Route.ActionArgs) {
	const form = await readCsrfCheckedForm(request, context)
	const user = await getCurrentUser(request, context)
	const ward = await readWardContact(context.app.db, user?.wardId)
	const parsed = AskFormSchema.safeParse({
		question: form.get('question') ?? '',
		kind: form.get('kind') ?? 'procedure',
		previous: form.getAll('previous').map(String).filter(Boolean),
	})
	const base = { wardName: ward.wardName }
	if (!parsed.success) {
		const message = (parsed.error.issues.find((i) => i.path[0] === 'question')?.message ??
			'assistant.error.questionRequired') as MessageKey
		return data({ ...base, error: message, result: null }, { status: 400 })
	}
	const rate = await countAssistantQuestion(context.app, context.clientIp)
	if (rate.blocked)
		return data(
			{ ...base, error: 'assistant.error.rateLimited' as MessageKey, result: null },
			{ status: 429 },
		)
	const answer = await askAssistant(context.app, {
		question: parsed.data.question,
		kind: parsed.data.kind,
		channel: 'web',
		userId: user?.id ?? null,
		wardId: user?.wardId ?? null,
	})
	const asked = redactPersonalData(parsed.data.question).text
	return {
		...base,
		error: null,
		result: { answer, question: asked, previous: [...parsed.data.previous, asked].slice(-5) },
	}
}

export default function Assistant({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const result = actionData?.result ?? null
	const kind = result?.answer.kind ?? loaderData.kind
	const previous = result?.previous ?? []
	return (
		<div className="stack">
			<h1>{t('assistant.title')}</h1>
			<p className="lead">{t('assistant.intro')}</p>
			<p className="muted">{t('assistant.privacy')}</p>
			{result ? (
				<>
					<ReadAloud />
					<AnswerView
						answer={result.answer}
						question={result.question}
						previous={previous}
						wardName={actionData?.wardName ?? loaderData.wardName}
					/>
				</>
			) : null}
			<form method="post" className="form assistant-ask" aria-labelledby="ask-title">
				<h2 id="ask-title">{result ? t('assistant.askMore') : t('assistant.ask')}</h2>
				<CsrfInput />
				{previous.map((p) => (
					<input key={p} type="hidden" name="previous" value={p} />
				))}
				<fieldset className="assistant-kinds">
					<legend>{t('assistant.kind.legend')}</legend>
					<label className="field--radio">
						<input type="radio" name="kind" value="procedure" defaultChecked={kind === 'procedure'} />{' '}
						{t('assistant.kind.procedure')}
					</label>
					<label className="field--radio">
						<input type="radio" name="kind" value="learning" defaultChecked={kind === 'learning'} />{' '}
						{t('assistant.kind.learning')}
					</label>
				</fieldset>
				<div className="field">
					<label htmlFor="question">{t('assistant.question')}</label>
					<p className="hint" id="question-hint">
						{t('assistant.questionHint')}
					</p>
					<textarea
						id="question"
						name="question"
						required
						maxLength={500}
						aria-describedby={actionData?.error ? 'question-hint question-error' : 'question-hint'}
						aria-invalid={actionData?.error ? true : undefined}
					/>
					{actionData?.error ? (
						<p className="field-error" id="question-error" role="alert">
							{t(actionData.error)}
						</p>
					) : null}
				</div>
				<p>
					<button type="submit" className="primary">
						{t('assistant.submit')}
					</button>
				</p>
			</form>
			{!result ? (
				<section aria-labelledby="examples-title" className="stack">
					<h2 id="examples-title">{t('assistant.examples')}</h2>
					<ul className="assistant-choices">
						{examples[kind].map((key) => (
							<li key={key}>
								<AskButton question={t(key)} kind={kind} previous={[]} />
							</li>
						))}
					</ul>
				</section>
			) : null}
			{previous.length > 1 ? (
				<section aria-labelledby="previous-title" className="assistant-previous">
					<h2 id="previous-title">{t('assistant.previous')}</h2>
					<ul>
						{previous.slice(0, -1).map((p) => (
							<li key={p}>{p}</li>
						))}
					</ul>
				</section>
			) : null}
			<p>
				<a href="/tro-ly/thuc-hanh-ai">{t('assistant.practice.link')}</a>
			</p>
			<p className="muted">{t('assistant.contactLine', { contact: loaderData.contact })}</p>
		</div>
	)
}
