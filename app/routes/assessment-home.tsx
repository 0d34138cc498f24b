import { data, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { LearnPage } from '#app/components/learning/learn-page.tsx'
import { learnerHandle, learningLinks } from '#app/components/learning/learning-route.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { AssessmentStatus } from '#server/assessment/assessment-home.server.ts'
import { readAssessmentHome } from '#server/assessment/assessment-home.server.ts'
import { startAttempt } from '#server/assessment/attempts.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { ensureLearnerForUser } from '#server/learning/learners.server.ts'
import type { Route } from './+types/assessment-home'

export const meta: Route.MetaFunction = () => [{ title: 'Kiểm tra kỹ năng — Bình dân học vụ số' }]
export const handle = learnerHandle
export const links = learningLinks

/** `/hoc/kiem-tra`: the learner's tests for their track — placement, course quizzes, final assessment. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	const learner = await ensureLearnerForUser(context.app.db, user)
	return { userId: user.id, home: await readAssessmentHome(context.app.db, learner) }
}

const StartSchema = z.discriminatedUnion('kind', [
	z.object({ kind: z.literal('courseQuiz'), courseId: z.string().regex(/^[a-z0-9-]{1,60}$/) }),
	z.object({ kind: z.literal('finalAssessment'), trackId: z.string().regex(/^[a-z0-9-]{1,60}$/) }),
	z.object({ kind: z.literal('placement'), trackId: z.string().regex(/^[a-z0-9-]{1,60}$/) }),
])

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	const form = StartSchema.safeParse(Object.fromEntries(await readCsrfCheckedForm(request, context)))
	if (!form.success) throw data(null, { status: 400 })
	const learner = await ensureLearnerForUser(context.app.db, user)
	const started = await startAttempt(context.app.db, learner, form.data)
	if (started.ok) return redirect(`/hoc/kiem-tra/bai/${started.attemptId}`)
	return data({ refused: started.reason }, { status: started.reason === 'unknownTarget' ? 404 : 409 })
}

function StartForm(props: {
	kind: string
	field: 'courseId' | 'trackId'
	value: string
	status: AssessmentStatus
}) {
	const { t, locale } = useTranslate()
	const { status } = props
	const when = (iso: string) =>
		new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
			dateStyle: 'short',
			timeStyle: 'short',
			timeZone: 'Asia/Ho_Chi_Minh',
		}).format(new Date(iso))
	return (
		<>
			{status.last ? (
				<p>
					{t('assessment.lastResult', { score: status.last.scorePercent ?? 0 })}
					{status.last.passed === null ? null : (
						<>
							{' · '}
							<span className={`learn-state${status.last.passed ? ' learn-state--done' : ''}`}>
								{status.last.passed ? t('assessment.passed') : t('assessment.notPassed')}
							</span>
						</>
					)}{' '}
					· <a href={`/hoc/kiem-tra/bai/${status.last.id}`}>{t('assessment.result.review')}</a>
				</p>
			) : null}
			{status.openAttemptId ? (
				<a className="button" href={`/hoc/kiem-tra/bai/${status.openAttemptId}`}>
					{t('assessment.continue')}
				</a>
			) : status.canStart ? (
				<form method="post">
					<CsrfInput />
					<input type="hidden" name="kind" value={props.kind} />
					<input type="hidden" name={props.field} value={props.value} />
					<button type="submit" className={status.last ? undefined : 'primary'}>
						{status.last ? t('assessment.retake') : t('assessment.start')}
					</button>
				</form>
			) : status.reason === 'passed' ? (
				<p className="notice">{t('assessment.alreadyPassed')}</p>
			) : status.waitUntil ? (
				<p className="notice">{t('assessment.wait', { time: when(status.waitUntil) })}</p>
			) : null}
		</>
	)
}

export default function AssessmentHome({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { home, userId } = loaderData
	return (
		<LearnPage userId={userId}>
			<nav aria-label={t('learn.lesson.breadcrumb')}>
				<a href="/hoc">{t('learn.nav.learn')}</a>
			</nav>
			<h1>{t('assessment.home.title')}</h1>
			<p className="lead">{t('assessment.home.intro')}</p>
			{actionData?.refused === 'noItems' ? (
				<p className="notice" role="alert">
					{t('assessment.noItems')}
				</p>
			) : null}
			<p>
				<a href="/hoc/nang-luc">{t('assessment.myMastery')}</a>
			</p>
			{!home.track ? (
				<section className="hero">
					<p>{t('assessment.home.noTrack')}</p>
					<a className="button" href="/hoc/lo-trinh">
						{t('assessment.home.chooseTrack')}
					</a>
				</section>
			) : (
				<>
					{home.placement ? (
						<section aria-labelledby="placement-title">
							<h2 id="placement-title">{t('assessment.placement.title')}</h2>
							<p>{t('assessment.placement.body')}</p>
							<StartForm kind="placement" field="trackId" value={home.track.id} status={home.placement} />
						</section>
					) : null}
					<section aria-labelledby="quiz-title">
						<h2 id="quiz-title">{t('assessment.quiz.title')}</h2>
						<p>{t('assessment.quiz.body', { count: home.sizes.quiz, mark: home.sizes.quizPassMark })}</p>
						<ul className="learn-list">
							{home.courses.map((c) => (
								<li key={c.id}>
									<h3>{c.title}</h3>
									<StartForm kind="courseQuiz" field="courseId" value={c.id} status={c.status} />
								</li>
							))}
						</ul>
					</section>
					{home.final ? (
						<section aria-labelledby="final-title">
							<h2 id="final-title">{t('assessment.final.title')}</h2>
							<p>
								<strong>{locale === 'vi' ? home.track.nameVi : home.track.nameEn}</strong>
							</p>
							<p>
								{t('assessment.final.body', {
									count: home.sizes.final,
									minutes: home.sizes.finalMinutes ?? 0,
									mark: home.track.passMarkPercent,
								})}
							</p>
							{home.track.placeholder ? <p className="muted">{t('assessment.final.placeholder')}</p> : null}
							<StartForm kind="finalAssessment" field="trackId" value={home.track.id} status={home.final} />
						</section>
					) : null}
				</>
			)}
			<p>
				<a href="/hoc">{t('learn.backToLearn')}</a>
			</p>
		</LearnPage>
	)
}
