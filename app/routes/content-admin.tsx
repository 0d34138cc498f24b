import { Link } from 'react-router'
import { learningLinks } from '#app/components/learning/learning-route.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { listContentForStaff } from '#server/learning/content-overview.server.ts'
import type { Route } from './+types/content-admin'

export const meta: Route.MetaFunction = () => [{ title: 'Nội dung học — Bình dân học vụ số' }]
export const links = learningLinks

/** `/quan-tri/noi-dung`: every course and lesson for staff, with drafts waiting, and the framework. */
export async function loader({ request, context }: Route.LoaderArgs) {
	await requirePermission(request, context, 'content.manage')
	return { courses: await listContentForStaff(context.app.db) }
}

export default function ContentAdmin({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	return (
		<div className="stack">
			<h1>{t('content.admin.title')}</h1>
			<p>{t('content.admin.intro')}</p>
			<p>
				<Link to="/quan-tri/noi-dung/khung-nang-luc">{t('content.framework.link')}</Link>
			</p>
			{loaderData.courses.map((course) => (
				<section key={course.id} aria-labelledby={`course-${course.id}`}>
					<h2 id={`course-${course.id}`}>
						{course.title}
						{course.active ? '' : ` (${t('content.course.inactive')})`}
					</h2>
					<ul>
						{course.lessons.map((lesson) => (
							<li key={lesson.id}>
								<Link to={`/quan-tri/noi-dung/bai/${lesson.id}`}>{lesson.title}</Link> —{' '}
								{t(`content.status.${lesson.status as 'draft' | 'published' | 'withdrawn'}`)}
								{lesson.revision > 0
									? `, ${t('content.lesson.publishedRevision', { n: lesson.revision })}`
									: ''}
								{lesson.draftWaiting ? `, ${t('content.lesson.hasDraft')}` : ''}
							</li>
						))}
					</ul>
					<p>
						<Link to={`/quan-tri/noi-dung/khoa/${course.id}/bai-moi`}>
							{t('content.new.link')}
							<span className="visually-hidden">: {course.title}</span>
						</Link>
					</p>
				</section>
			))}
		</div>
	)
}
