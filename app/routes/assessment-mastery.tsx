import { LearnPage } from '#app/components/learning/learn-page.tsx'
import { learnerHandle, learningLinks } from '#app/components/learning/learning-route.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatDateTime } from '#app/utils/format-date.ts'
import { readMastery } from '#server/assessment/mastery.server.ts'
import { readConfirmedTasks } from '#server/assessment/oral-assessment.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { ensureLearnerForUser } from '#server/learning/learners.server.ts'
import type { Route } from './+types/assessment-mastery'

export const meta: Route.MetaFunction = () => [{ title: 'Tôi đã vững những gì — Bình dân học vụ số' }]
export const handle = learnerHandle
export const links = learningLinks

/** `/hoc/nang-luc`: mastery per competency, grouped by domain, in everyday words. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	const learner = await ensureLearnerForUser(context.app.db, user)
	const [rows, tasks] = await Promise.all([
		readMastery(context.app.db, learner.id),
		readConfirmedTasks(context.app.db, learner.id),
	])
	const domains = new Map<string, { code: string; nameVi: string; nameEn: string; rows: typeof rows }>()
	for (const r of rows) {
		const d = domains.get(r.domainCode) ?? {
			code: r.domainCode,
			nameVi: r.domainVi,
			nameEn: r.domainEn,
			rows: [],
		}
		d.rows.push(r)
		domains.set(r.domainCode, d)
	}
	return { userId: user.id, domains: [...domains.values()], tasks }
}

const stateKey = {
	notStarted: 'assessment.mastery.notStarted',
	familiar: 'assessment.mastery.familiar',
	proficient: 'assessment.mastery.proficient',
	mastered: 'assessment.mastery.mastered',
} as const
const stateStep = { notStarted: 0, familiar: 1, proficient: 2, mastered: 3 } as const

export default function AssessmentMastery({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	return (
		<LearnPage userId={loaderData.userId}>
			<nav aria-label={t('learn.lesson.breadcrumb')}>
				<a href="/hoc">{t('learn.nav.learn')}</a> › <a href="/hoc/kiem-tra">{t('assessment.home.title')}</a>
			</nav>
			<h1>{t('assessment.mastery.title')}</h1>
			<p className="lead">{t('assessment.mastery.intro')}</p>
			{loaderData.domains.map((d) => (
				<section key={d.code} aria-labelledby={`mien-${d.code}`}>
					<h2 id={`mien-${d.code}`}>{locale === 'vi' ? d.nameVi : d.nameEn}</h2>
					<ul className="learn-list">
						{d.rows.map((r) => (
							<li key={r.code} data-competency={r.code} data-state={r.state}>
								<h3>{locale === 'vi' ? r.nameVi : r.nameEn}</h3>
								<p>
									<span className={`learn-state${r.state === 'mastered' ? ' learn-state--done' : ''}`}>
										{t(stateKey[r.state])}
									</span>
									{r.answered > 0
										? ` — ${t('assessment.mastery.evidence', { right: r.right, answered: r.answered })}`
										: null}
									{r.confirmed ? ` — ${t('assessment.mastery.confirmed')}` : null}
								</p>
								<span className="learn-bar" aria-hidden="true">
									<span style={{ width: `${(stateStep[r.state] / 3) * 100}%` }} />
								</span>
								{r.state === 'notStarted' && r.answered > 0 ? (
									<p className="muted">{t('assessment.mastery.tried')}</p>
								) : null}
							</li>
						))}
					</ul>
				</section>
			))}
			<section aria-labelledby="thuc-hanh">
				<h2 id="thuc-hanh">{t('assessment.mastery.tasks')}</h2>
				{loaderData.tasks.length === 0 ? (
					<p>{t('assessment.mastery.noTasks')}</p>
				) : (
					<ul className="learn-list">
						{loaderData.tasks.map((task) => (
							<li key={`${task.itemId}-${task.confirmedAt}`} data-task={task.itemId}>
								<p>
									{task.ai ? <strong>{t('assessment.mastery.aiTask')} </strong> : null}
									{task.prompt}
								</p>
								<p className="muted">
									{t('assessment.mastery.taskConfirmed', {
										course: task.courseTitle,
										name: task.confirmedByName,
										date: formatDateTime(locale, task.confirmedAt),
									})}
								</p>
							</li>
						))}
					</ul>
				)}
			</section>
			<p>
				<a href="/hoc/kiem-tra">{t('assessment.result.backToTests')}</a> ·{' '}
				<a href="/hoc">{t('learn.backToLearn')}</a>
			</p>
		</LearnPage>
	)
}
