import { data, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { LearnPage } from '#app/components/learning/learn-page.tsx'
import { learnerHandle, learningLinks } from '#app/components/learning/learning-route.ts'
import { LessonHtml } from '#app/components/learning/lesson-html.tsx'
import { PracticeItem } from '#app/components/learning/practice-item.tsx'
import { ReadAloud } from '#app/components/learning/read-aloud.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { ensureLearnerForUser } from '#server/learning/learners.server.ts'
import { readLessonPage } from '#server/learning/lesson-page.server.ts'
import { markLessonOpened } from '#server/learning/lesson-view.server.ts'
import { recordActivity } from '#server/learning/record-activity.server.ts'
import type { Route } from './+types/lesson'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `${data?.lesson.title ?? 'Bài học'} — Bình dân học vụ số` },
]
export const handle = learnerHandle
export const links = learningLinks

/** `/hoc/bai/:lessonId`: the lesson player — readable and answerable with JavaScript off. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	const { db } = context.app
	const retry = new URL(request.url).searchParams.get('lamLai')
	const page = await readLessonPage(db, { lessonId: params.lessonId, account: user, retry })
	if (!page) throw data(null, { status: 404 })
	const { lesson, progress } = page
	await markLessonOpened(db, {
		learnerId: page.learnerId,
		lessonId: lesson.id,
		revision: lesson.revision,
		progress,
	})
	const index = lesson.siblings.findIndex((s) => s.id === lesson.id)
	return {
		userId: user.id,
		lesson: {
			id: lesson.id,
			courseId: lesson.courseId,
			courseTitle: lesson.courseTitle,
			title: lesson.title,
			summary: lesson.summary,
			minutes: lesson.minutes,
			sources: lesson.sources,
		},
		html: lesson.html,
		place: {
			number: index + 1,
			total: lesson.siblings.length,
			previous: lesson.siblings[index - 1] ?? null,
			next: lesson.siblings[index + 1] ?? null,
		},
		practice: page.practice.map((item) => ({ item, activityId: crypto.randomUUID() })),
		completeActivityId: crypto.randomUUID(),
		progress: progress && {
			status: progress.status,
			lastPosition: progress.lastPosition,
			completedAt: progress.completedAt?.toISOString() ?? null,
		},
		competencies: lesson.competencies,
	}
}

const AnswerFormSchema = z.object({
	intent: z.literal('answer'),
	activityId: z.uuid(),
	itemId: z.string().regex(/^q[0-9]+$/),
	answer: z.array(z.string().regex(/^([a-z]|true|false)$/)).max(6),
})
const CompleteFormSchema = z.object({ intent: z.literal('complete'), activityId: z.uuid() })

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	const formData = await readCsrfCheckedForm(request, context)
	const learner = await ensureLearnerForUser(context.app.db, user)
	const lessonId = params.lessonId
	if (formData.get('intent') === 'complete') {
		const form = CompleteFormSchema.safeParse(Object.fromEntries(formData))
		if (!form.success) throw data(null, { status: 400 })
		const { outcome } = await recordActivity(
			context.app.db,
			learner,
			{ id: form.data.activityId, kind: 'lessonCompleted', lessonId },
			'online',
		)
		if (outcome === 'rejected') throw data(null, { status: 404 })
		return redirect(`/hoc/bai/${lessonId}?xong=1#hoan-thanh`)
	}
	const form = AnswerFormSchema.safeParse({
		intent: formData.get('intent'),
		activityId: formData.get('activityId'),
		itemId: formData.get('itemId'),
		answer: formData.getAll('answer'),
	})
	if (!form.success) throw data(null, { status: 400 })
	if (form.data.answer.length === 0) return data({ missingChoice: form.data.itemId }, { status: 400 })
	const answer =
		form.data.answer.length === 1 && (form.data.answer[0] === 'true' || form.data.answer[0] === 'false')
			? ([form.data.answer[0] === 'true'] as [boolean])
			: form.data.answer
	const { outcome } = await recordActivity(
		context.app.db,
		learner,
		{ id: form.data.activityId, kind: 'practiceAnswered', lessonId, itemId: form.data.itemId, answer },
		'online',
	)
	if (outcome === 'rejected') throw data(null, { status: 400 })
	return redirect(`/hoc/bai/${lessonId}#cau-${form.data.itemId}`)
}

export default function Lesson({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { lesson, place, practice, progress, competencies, userId } = loaderData
	const completed = progress?.status === 'completed'
	return (
		<LearnPage userId={userId} lesson={{ id: lesson.id, position: progress?.lastPosition ?? 0 }}>
			<nav aria-label={t('learn.lesson.breadcrumb')}>
				<a href="/hoc">{t('learn.nav.learn')}</a> ›{' '}
				<a href={`/hoc/khoa/${lesson.courseId}`}>{lesson.courseTitle}</a>
			</nav>
			<header>
				<p className="lesson-meta">
					{t('learn.lesson.place', { n: place.number, total: place.total })} ·{' '}
					{t('learn.lesson.minutes', { minutes: lesson.minutes })}
				</p>
				<h1 data-read="">{lesson.title}</h1>
				<p className="lead" data-read="">
					{lesson.summary}
				</p>
				{completed ? (
					<p className="notice">{t('learn.lesson.alreadyDone')}</p>
				) : progress && progress.lastPosition > 0 ? (
					<p>
						<a href={`#muc-${progress.lastPosition}`}>{t('learn.lesson.continueReading')}</a>
					</p>
				) : null}
			</header>
			<ReadAloud />
			<LessonHtml html={loaderData.html} readAloud />
			{competencies.length > 0 ? (
				<section aria-labelledby="skills-title">
					<h2 id="skills-title">{t('learn.lesson.skillsTitle')}</h2>
					<ul>
						{competencies.map((c) => (
							<li key={c.code}>{locale === 'vi' ? c.nameVi : c.nameEn}</li>
						))}
					</ul>
				</section>
			) : null}
			<section aria-labelledby="practice-title" className="practice">
				<h2 id="practice-title">{t('learn.practice.title')}</h2>
				<p>{t('learn.practice.intro')}</p>
				{practice.map(({ item, activityId }, i) => (
					<PracticeItem
						key={item.itemId}
						lessonId={lesson.id}
						item={item}
						number={i + 1}
						activityId={activityId}
						missingChoice={actionData?.missingChoice === item.itemId}
					/>
				))}
			</section>
			<section aria-labelledby="finish-title" id="hoan-thanh">
				<h2 id="finish-title">{t('learn.lesson.finishTitle')}</h2>
				{completed ? (
					<p className="notice">{t('learn.lesson.done')}</p>
				) : (
					<form method="post" data-learn-form="complete">
						<CsrfInput />
						<input type="hidden" name="intent" value="complete" />
						<input type="hidden" name="activityId" value={loaderData.completeActivityId} />
						<p>{t('learn.lesson.finishHint')}</p>
						<p className="notice" hidden data-offline-note="" data-msg={t('learn.lesson.savedOffline')} />
						<button type="submit" className="primary">
							{t('learn.lesson.finish')}
						</button>
					</form>
				)}
				{place.next ? (
					<p>
						<a className={completed ? 'button' : undefined} href={`/hoc/bai/${place.next.id}`}>
							{t('learn.lesson.nextNamed', { title: place.next.title })}
						</a>
					</p>
				) : (
					<p>
						{t('learn.lesson.lastOfCourse')} <a href="/hoc">{t('learn.backToLearn')}</a>
					</p>
				)}
			</section>
			<nav aria-label={t('learn.lesson.pager')} className="lesson-nav">
				{place.previous ? (
					<a href={`/hoc/bai/${place.previous.id}`} rel="prev">
						← {t('learn.lesson.previous')}
					</a>
				) : (
					<span />
				)}
				{place.next ? (
					<a href={`/hoc/bai/${place.next.id}`} rel="next">
						{t('learn.lesson.next')} →
					</a>
				) : null}
			</nav>
			{lesson.sources.length > 0 ? (
				<section aria-labelledby="sources-title">
					<h2 id="sources-title">{t('learn.lesson.sources')}</h2>
					<ul className="muted">
						{lesson.sources.map((s) => (
							<li key={s.title}>
								{s.title}
								{s.note ? ` — ${s.note}` : ''}
							</li>
						))}
					</ul>
				</section>
			) : null}
		</LearnPage>
	)
}
