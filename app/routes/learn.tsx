import { Link } from 'react-router'
import { LearnPage, ProgressBar } from '#app/components/learning/learn-page.tsx'
import { learnerHandle, learningLinks } from '#app/components/learning/learning-route.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readLearnerHome } from '#server/learning/learner-home.server.ts'
import { listTrackChoices } from '#server/learning/learner-tracks.server.ts'
import { ensureLearnerForUser } from '#server/learning/learners.server.ts'
import type { Route } from './+types/learn'

export const meta: Route.MetaFunction = () => [{ title: 'Học kỹ năng số — Bình dân học vụ số' }]
export const handle = learnerHandle
export const links = learningLinks

/** `/hoc`: the learner home — my track, what to learn next, progress by domain in plain words. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	const { db } = context.app
	const learner = await ensureLearnerForUser(db, user)
	const home = await readLearnerHome(db, learner)
	const suggestions = home.track
		? []
		: (await listTrackChoices(db, learner)).filter((c) => c.forMyGroups).slice(0, 3)
	return { userId: user.id, home, suggestions }
}

export default function Learn({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { home, suggestions, userId } = loaderData
	const name = (x: { nameVi: string; nameEn: string }) => (locale === 'vi' ? x.nameVi : x.nameEn)
	return (
		<LearnPage userId={userId}>
			<h1>{t('learn.home.title')}</h1>
			{home.next ? (
				<section className="learn-next" aria-labelledby="next-title">
					<h2 id="next-title">{home.next.resume ? t('learn.home.resume') : t('learn.home.next')}</h2>
					<p>
						<strong>{home.next.title}</strong>
						<br />
						<span className="muted">{t('learn.home.inCourse', { course: home.next.courseTitle })}</span>
					</p>
					<a
						className="button"
						href={`/hoc/bai/${home.next.lessonId}${home.next.position > 0 ? `#muc-${home.next.position}` : ''}`}
					>
						{home.next.resume ? t('learn.home.resumeButton') : t('learn.home.startButton')}
					</a>
				</section>
			) : null}
			{home.track ? (
				<section aria-labelledby="track-title">
					<h2 id="track-title">{t('learn.home.myTrack', { track: name(home.track) })}</h2>
					<p className="lead">
						{t('learn.home.trackProgress', { done: home.completed, total: home.lessons })}
					</p>
					<ProgressBar done={home.completed} total={home.lessons} />
					<p>
						<a href="/hoc/lo-trinh">{t('learn.home.changeTrack')}</a>
					</p>
					<p>
						<a href="/hoc/kiem-tra">{t('assessment.home.title')}</a> ·{' '}
						<a href="/hoc/nang-luc">{t('assessment.myMastery')}</a>
					</p>
				</section>
			) : (
				<section aria-labelledby="choose-title" className="hero">
					<h2 id="choose-title">{t('learn.home.noTrack')}</h2>
					<p>{t('learn.home.noTrackBody')}</p>
					{suggestions.length > 0 ? (
						<ul>
							{suggestions.map((s) => (
								<li key={s.id}>{name(s)}</li>
							))}
						</ul>
					) : null}
					<a className="button" href="/hoc/lo-trinh">
						{t('learn.home.chooseTrack')}
					</a>
				</section>
			)}
			{home.domains.length > 0 ? (
				<section aria-labelledby="skills-title">
					<h2 id="skills-title">{t('learn.home.skillsTitle')}</h2>
					<p>{t('learn.home.skillsIntro')}</p>
					<ul className="learn-list">
						{home.domains.map((d) => (
							<li key={d.code}>
								<h3>{name(d)}</h3>
								<p>
									<span className={`learn-state${d.completed === d.lessons ? ' learn-state--done' : ''}`}>
										{d.completed === 0
											? t('learn.skill.notStarted')
											: d.completed === d.lessons
												? t('learn.skill.done')
												: t('learn.skill.learning')}
									</span>{' '}
									— {t('learn.skill.lessons', { done: d.completed, total: d.lessons })}
								</p>
								<ProgressBar done={d.completed} total={d.lessons} />
							</li>
						))}
					</ul>
				</section>
			) : null}
			{home.courses.length > 0 ? (
				<section aria-labelledby="courses-title">
					<h2 id="courses-title">{t('learn.home.coursesTitle')}</h2>
					<ul className="learn-list">
						{home.courses.map((c) => (
							<li key={c.id}>
								<h3>
									<a href={`/hoc/khoa/${c.id}`}>{c.title}</a>
								</h3>
								<p>
									{t('learn.course.lessonsDone', { done: c.completed, total: c.lessons })}
									{c.required ? ` · ${t('learn.course.required')}` : ''}
								</p>
							</li>
						))}
					</ul>
				</section>
			) : null}
			{home.track?.meaning ? (
				<section aria-labelledby="meaning-title">
					<h2 id="meaning-title">{t('learn.home.meaningTitle')}</h2>
					<p>{home.track.meaning}</p>
				</section>
			) : null}
			<p>
				<Link to="/">{t('learn.backHome')}</Link>
			</p>
		</LearnPage>
	)
}
