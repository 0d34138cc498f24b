import { data, redirect } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { LearnPage } from '#app/components/learning/learn-page.tsx'
import { learnerHandle, learningLinks } from '#app/components/learning/learning-route.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { readAttemptView, type ServedItemView } from '#server/assessment/attempt-view.server.ts'
import { answerPlacement, type PostedAnswers, submitAttempt } from '#server/assessment/attempts.server.ts'
import { issueOnFinalPass } from '#server/assessment/issue-on-pass.server.ts'
import type { PostedAnswer } from '#server/assessment/option-tokens.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { ensureLearnerForUser } from '#server/learning/learners.server.ts'
import type { Route } from './+types/assessment-attempt'

export const meta: Route.MetaFunction = () => [{ title: 'Bài kiểm tra — Bình dân học vụ số' }]
export const handle = learnerHandle
export const links = learningLinks

/**
 * `/hoc/kiem-tra/bai/:attemptId`: one attempt. While it runs the page holds the questions with their
 * options under this attempt's tokens (no key, no explanation); once finished, the result with every
 * answer explained. Plain forms: the page works without JavaScript.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	if (!isUuid(params.attemptId)) throw data(null, { status: 404 })
	const learner = await ensureLearnerForUser(context.app.db, user)
	const view = await readAttemptView(context.app.db, learner.id, params.attemptId)
	if (!view) throw data(null, { status: 404 })
	return { userId: user.id, view, linkedToResident: learner.residentId !== null }
}

/** Form fields → one posted answer per position: a12 (choice), r12.<token> (rank), m12.<token> (pair). */
function readPosted(form: FormData): { answers: Map<number, PostedAnswer>; echo: Record<string, string[]> } {
	const answers = new Map<number, PostedAnswer>()
	const echo: Record<string, string[]> = {}
	for (const [name, raw] of form.entries()) {
		if (typeof raw !== 'string' || raw.length > 20) continue
		const choice = /^a(\d{1,2})$/.exec(name)
		const keyed = choice ? null : /^([rm])(\d{1,2})\.([a-z2-7]{10})$/.exec(name)
		if (choice) {
			const position = Number(choice[1])
			const prior = answers.get(position)
			const tokens = prior?.kind === 'choice' ? prior.tokens : []
			answers.set(position, { kind: 'choice', tokens: [...tokens, raw] })
		} else if (keyed) {
			const position = Number(keyed[2])
			const prior = answers.get(position)
			const token = keyed[3] as string
			if (keyed[1] === 'r') {
				const ranks = prior?.kind === 'ranks' ? prior.ranks : {}
				answers.set(position, { kind: 'ranks', ranks: { ...ranks, [token]: raw } })
			} else {
				const pairs = prior?.kind === 'pairs' ? prior.pairs : {}
				answers.set(position, { kind: 'pairs', pairs: { ...pairs, [token]: raw } })
			}
		} else continue
		echo[name] = [...(echo[name] ?? []), raw]
	}
	return { answers, echo }
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	if (!isUuid(params.attemptId)) throw data(null, { status: 404 })
	const form = await readCsrfCheckedForm(request, context)
	const learner = await ensureLearnerForUser(context.app.db, user)
	const { answers, echo } = readPosted(form)
	const here = `/hoc/kiem-tra/bai/${params.attemptId}`
	if (form.get('intent') === 'answer') {
		const position = Number(form.get('position'))
		const posted = answers.get(position)
		if (!Number.isInteger(position) || !posted) return data({ missing: [position], echo }, { status: 400 })
		const result = await answerPlacement(context.app.db, learner, params.attemptId, position, posted)
		if (!result.ok && result.reason === 'notFound') throw data(null, { status: 404 })
		if (!result.ok && result.reason === 'missing') return data({ missing: [position], echo }, { status: 400 })
		return redirect(here)
	}
	if (form.get('intent') !== 'submit') throw data(null, { status: 400 })
	const result = await submitAttempt(context.app.db, learner, params.attemptId, answers as PostedAnswers, {
		issueOnPass: issueOnFinalPass({ userId: user.id, label: user.username }),
	})
	if (!result.ok && result.reason === 'notFound') throw data(null, { status: 404 })
	if (!result.ok && result.reason === 'missing')
		return data({ missing: result.missing ?? [], echo }, { status: 400 })
	return redirect(`${here}#ket-qua`)
}

function Question(props: {
	item: ServedItemView
	number: number
	total?: number
	missing: boolean
	echo: Record<string, string[]>
}) {
	const { t } = useTranslate()
	const { item, echo } = props
	const p = item.position
	const errorId = `cau-${p}-loi`
	const heading = props.total
		? t('assessment.attempt.questionOf', { n: props.number, total: props.total })
		: t('assessment.attempt.question', { n: props.number })
	const hint =
		item.kind === 'multipleChoice'
			? t('assessment.attempt.chooseAll')
			: item.kind === 'ordering'
				? t('assessment.attempt.orderHint')
				: item.kind === 'matching'
					? t('assessment.attempt.matchHint')
					: t('assessment.attempt.chooseOne')
	return (
		<fieldset
			className="practice-item"
			id={`cau-${p}`}
			aria-describedby={props.missing ? errorId : undefined}
		>
			<legend data-read="">
				<strong>{heading}</strong> {item.prompt} <span className="muted">{hint}</span>
			</legend>
			{item.image ? <img src={item.image.url} alt={item.image.alt} className="lesson-image" /> : null}
			{item.kind === 'ordering'
				? item.options.map((o) => (
						<label key={o.token} className="practice-option">
							<select name={`r${p}.${o.token}`} defaultValue={echo[`r${p}.${o.token}`]?.[0] ?? ''}>
								<option value="">{t('assessment.attempt.choose')}</option>
								{item.options.map((_, i) => (
									<option key={String(i + 1)} value={String(i + 1)}>
										{i + 1}
									</option>
								))}
							</select>
							<span>{o.text}</span>
						</label>
					))
				: item.kind === 'matching'
					? item.options.map((o) => (
							<label key={o.token} className="practice-option practice-option--match">
								<span>{o.text}</span>
								<select name={`m${p}.${o.token}`} defaultValue={echo[`m${p}.${o.token}`]?.[0] ?? ''}>
									<option value="">{t('assessment.attempt.choose')}</option>
									{item.targets?.map((x) => (
										<option key={x.token} value={x.token}>
											{x.text}
										</option>
									))}
								</select>
							</label>
						))
					: item.options.map((o) => (
							<label key={o.token} className="practice-option" data-read="">
								<input
									type={item.kind === 'multipleChoice' ? 'checkbox' : 'radio'}
									name={`a${p}`}
									value={o.token}
									defaultChecked={echo[`a${p}`]?.includes(o.token) ?? false}
								/>
								<span>{o.text}</span>
							</label>
						))}
			{props.missing ? (
				<p className="field-error" id={errorId} role="alert">
					{t('assessment.attempt.missingOne')}
				</p>
			) : null}
		</fieldset>
	)
}

function Review({ item, number }: { item: ServedItemView; number: number }) {
	const { t } = useTranslate()
	const review = item.review!
	return (
		<li className="practice-item" id={`cau-${item.position}`}>
			<p>
				<strong>{t('assessment.attempt.question', { n: number })}</strong> {item.prompt}
			</p>
			<div className={review.correct ? 'practice-result--right' : 'practice-result--wrong'}>
				<p className="learn-state">
					{review.correct ? t('assessment.result.right') : t('assessment.result.wrong')}
				</p>
				<p>
					{t('assessment.result.yourAnswer')}{' '}
					{review.yourAnswer.length ? review.yourAnswer.join('; ') : t('assessment.result.none')}
				</p>
				{review.correct ? null : (
					<p>
						{t('assessment.result.rightAnswer')} {review.rightAnswer.join('; ')}
					</p>
				)}
				<p>{review.explanation}</p>
			</div>
		</li>
	)
}

export default function AssessmentAttempt({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { view, userId } = loaderData
	const missing = new Set(actionData?.missing ?? [])
	const echo = actionData?.echo ?? {}
	const titleKey =
		view.kind === 'placement'
			? 'assessment.attempt.placementTitle'
			: view.kind === 'courseQuiz'
				? 'assessment.attempt.quizTitle'
				: 'assessment.attempt.finalTitle'
	const time = (d: Date) =>
		new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
			timeStyle: 'short',
			timeZone: 'Asia/Ho_Chi_Minh',
		}).format(new Date(d))
	return (
		<LearnPage userId={userId}>
			<nav aria-label={t('learn.lesson.breadcrumb')}>
				<a href="/hoc">{t('learn.nav.learn')}</a> › <a href="/hoc/kiem-tra">{t('assessment.home.title')}</a>
			</nav>
			<h1>{t(titleKey, { title: view.title })}</h1>
			{view.status === 'inProgress' ? (
				<form method="post" className="stack">
					<CsrfInput />
					{missing.size > 0 && view.kind !== 'placement' ? (
						<p className="notice" role="alert">
							{t('assessment.attempt.missing', { count: missing.size })}
						</p>
					) : null}
					{view.deadlineAt ? (
						<p className="notice">{t('assessment.attempt.deadline', { time: time(view.deadlineAt) })}</p>
					) : null}
					{view.kind === 'placement' ? (
						<>
							<input type="hidden" name="intent" value="answer" />
							<input type="hidden" name="position" value={view.items[0]?.position ?? 0} />
							{view.items.map((item) => (
								<Question
									key={item.position}
									item={item}
									number={item.position + 1}
									total={view.plannedItems}
									missing={missing.has(item.position)}
									echo={echo}
								/>
							))}
							<button type="submit" className="primary">
								{t('assessment.attempt.next')}
							</button>
						</>
					) : (
						<>
							<input type="hidden" name="intent" value="submit" />
							{view.items.map((item, i) => (
								<Question
									key={item.position}
									item={item}
									number={i + 1}
									missing={missing.has(item.position)}
									echo={echo}
								/>
							))}
							<button type="submit" className="primary">
								{t('assessment.attempt.submit')}
							</button>
						</>
					)}
				</form>
			) : (
				<>
					<section aria-labelledby="ket-qua-title" id="ket-qua" className="learn-next">
						<h2 id="ket-qua-title">{t('assessment.result.title')}</h2>
						{view.late ? <p className="notice">{t('assessment.result.late')}</p> : null}
						<p className="lead">
							{t('assessment.result.score', {
								correct: view.correctCount ?? 0,
								total: view.items.length,
								score: view.scorePercent ?? 0,
							})}
						</p>
						{view.passed === true ? (
							<p className="learn-state learn-state--done">{t('assessment.result.passed')}</p>
						) : null}
						{view.passed === false ? <p>{t('assessment.result.notPassed')}</p> : null}
						{view.kind === 'finalAssessment' && view.passed ? (
							loaderData.linkedToResident ? (
								<p>
									{t('assessment.result.certificate')}{' '}
									<a href="/hoc/chung-nhan">{t('assessment.result.certificateLink')}</a>
								</p>
							) : (
								<p className="notice">{t('assessment.result.noResident')}</p>
							)
						) : null}
					</section>
					{view.placement ? (
						<section aria-labelledby="placement-result">
							<h2 id="placement-result">{t('assessment.result.placementIntro')}</h2>
							<ul className="learn-list">
								{view.placement.competencies.map((c) => (
									<li key={c.code}>
										<strong>{locale === 'vi' ? c.nameVi : c.nameEn}</strong>:{' '}
										{c.levelVi
											? t('assessment.result.levelReached', {
													level: (locale === 'vi' ? c.levelVi : c.levelEn) ?? '',
												})
											: t('assessment.result.levelStart')}
									</li>
								))}
							</ul>
							<h2>{t('assessment.result.skipTitle')}</h2>
							{view.placement.skippable.length > 0 ? (
								<>
									<ul>
										{view.placement.skippable.map((l) => (
											<li key={l.id}>
												<a href={`/hoc/bai/${l.id}`}>{l.title}</a>
											</li>
										))}
									</ul>
									<p className="muted">{t('assessment.result.skipHint')}</p>
								</>
							) : (
								<p>{t('assessment.result.skipNone')}</p>
							)}
						</section>
					) : null}
					<section aria-labelledby="review-title">
						<h2 id="review-title">{t('assessment.result.review')}</h2>
						<ol className="learn-list">
							{view.items.map((item, i) => (
								<Review key={item.position} item={item} number={i + 1} />
							))}
						</ol>
					</section>
					<p>
						<a href="/hoc/nang-luc">{t('assessment.myMastery')}</a> ·{' '}
						<a href="/hoc/kiem-tra">{t('assessment.result.backToTests')}</a>
					</p>
				</>
			)}
		</LearnPage>
	)
}
