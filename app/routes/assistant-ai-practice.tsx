import { data } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import assistantStylesHref from '#app/styles/assistant.css?url'
import {
	type AiPracticeStep,
	aiPracticeSteps,
	checkAnswerOptions,
	checkAskWell,
	checkCheckAnswer,
	checkNeverShare,
	neverShareOptions,
	type StepFeedback,
} from '#server/assistant/learning/ai-practice.ts'
import {
	readAiPracticeSteps,
	recordAiPracticeStep,
} from '#server/assistant/learning/ai-practice-progress.server.ts'
import { getCurrentUser } from '#server/identity/current-user.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import type { Route } from './+types/assistant-ai-practice'

export const handle = { hydrate: false }
export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: assistantStylesHref }]
export const meta: Route.MetaFunction = () => [{ title: 'Thực hành dùng AI an toàn — Bình dân học vụ số' }]
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

const PracticeFormSchema = z.discriminatedUnion('step', [
	z.object({ step: z.literal('askWell'), question: z.string().max(1000).default('') }),
	z.object({ step: z.literal('checkAnswer'), choice: z.string().max(40).default('') }),
	z.object({ step: z.literal('neverShare'), choices: z.array(z.string().max(40)).max(10).default([]) }),
])

/** `/tro-ly/thuc-hanh-ai`: guided practice in using AI safely; a signed-in person's steps are recorded. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await getCurrentUser(request, context)
	const done = user ? await readAiPracticeSteps(context.app.db, user.id) : []
	return { signedIn: !!user, done }
}

export async function action({ request, context }: Route.ActionArgs) {
	const form = await readCsrfCheckedForm(request, context)
	const parsed = PracticeFormSchema.safeParse({
		step: form.get('step'),
		question: form.get('question') ?? undefined,
		choice: form.get('choice') ?? undefined,
		choices: form.getAll('choices').map(String),
	})
	if (!parsed.success) return data({ step: null, feedback: null }, { status: 400 })
	const input = parsed.data
	const feedback: StepFeedback =
		input.step === 'askWell'
			? checkAskWell(input.question)
			: input.step === 'checkAnswer'
				? checkCheckAnswer(input.choice)
				: checkNeverShare(input.choices)
	const user = await getCurrentUser(request, context)
	if (user && feedback.passed) await recordAiPracticeStep(context.app.db, user.id, input.step)
	return { step: input.step as AiPracticeStep, feedback }
}

function Feedback({
	step,
	result,
}: {
	step: AiPracticeStep
	result: { step: AiPracticeStep | null; feedback: StepFeedback | null } | undefined
}) {
	const { t } = useTranslate()
	if (!result?.feedback || result.step !== step) return null
	return (
		<div className={result.feedback.passed ? 'notice' : 'notice form-error'} role="status">
			{result.feedback.messages.map((key) => (
				<p key={key}>{t(key as MessageKey)}</p>
			))}
		</div>
	)
}

export default function AiPractice({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const done = new Set<string>([
		...loaderData.done,
		...(actionData?.feedback?.passed && actionData.step ? [actionData.step] : []),
	])
	const mark = (step: AiPracticeStep) => (done.has(step) ? ` — ${t('aiPractice.done')}` : '')
	return (
		<div className="stack">
			<p>
				<a href="/tro-ly">{t('procedure.backToAssistant')}</a>
			</p>
			<h1>{t('aiPractice.title')}</h1>
			<p className="lead">{t('aiPractice.intro')}</p>
			<p className="muted">
				{loaderData.signedIn
					? t('aiPractice.progress', { done: done.size, total: aiPracticeSteps.length })
					: t('aiPractice.signInToRecord')}
			</p>
			<p className="muted">
				{t('aiPractice.basedOn')} <a href="/hoc/bai/ai-ask-well">{t('aiPractice.lessonAskWell')}</a>,{' '}
				<a href="/hoc/bai/ai-check-and-privacy">{t('aiPractice.lessonCheck')}</a>
			</p>

			<section className="card stack" aria-labelledby="step1-title">
				<h2 id="step1-title">
					{t('aiPractice.askWell.title')}
					{mark('askWell')}
				</h2>
				<p>{t('aiPractice.askWell.task')}</p>
				<form method="post" className="form assistant-ask">
					<CsrfInput />
					<input type="hidden" name="step" value="askWell" />
					<div className="field">
						<label htmlFor="practice-question">{t('aiPractice.askWell.label')}</label>
						<textarea id="practice-question" name="question" maxLength={1000} required />
					</div>
					<button type="submit" className="primary">
						{t('aiPractice.check')}
					</button>
				</form>
				<Feedback step="askWell" result={actionData} />
			</section>

			<section className="card stack" aria-labelledby="step2-title">
				<h2 id="step2-title">
					{t('aiPractice.checkAnswer.title')}
					{mark('checkAnswer')}
				</h2>
				<p>{t('aiPractice.checkAnswer.task')}</p>
				<form method="post" className="form">
					<CsrfInput />
					<input type="hidden" name="step" value="checkAnswer" />
					<fieldset>
						<legend>{t('aiPractice.checkAnswer.legend')}</legend>
						{checkAnswerOptions.map((option) => (
							<label key={option} className="field--radio">
								<input type="radio" name="choice" value={option} required />{' '}
								{t(`aiPractice.checkAnswer.${option}` as MessageKey)}
							</label>
						))}
					</fieldset>
					<button type="submit" className="primary">
						{t('aiPractice.check')}
					</button>
				</form>
				<Feedback step="checkAnswer" result={actionData} />
			</section>

			<section className="card stack" aria-labelledby="step3-title">
				<h2 id="step3-title">
					{t('aiPractice.neverShare.title')}
					{mark('neverShare')}
				</h2>
				<form method="post" className="form">
					<CsrfInput />
					<input type="hidden" name="step" value="neverShare" />
					<fieldset>
						<legend>{t('aiPractice.neverShare.legend')}</legend>
						{neverShareOptions.map((option) => (
							<label key={option} className="field--checkbox">
								<input type="checkbox" name="choices" value={option} />{' '}
								{t(`aiPractice.neverShare.${option}` as MessageKey)}
							</label>
						))}
					</fieldset>
					<button type="submit" className="primary">
						{t('aiPractice.check')}
					</button>
				</form>
				<Feedback step="neverShare" result={actionData} />
			</section>

			<section className="card stack" aria-labelledby="step4-title">
				<h2 id="step4-title">{t('aiPractice.useAssistant.title')}</h2>
				<p>{t('aiPractice.useAssistant.task')}</p>
				<p>
					<a className="button primary" href="/tro-ly">
						{t('aiPractice.useAssistant.link')}
					</a>
				</p>
			</section>
		</div>
	)
}
