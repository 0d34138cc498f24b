import { data } from 'react-router'
import { LearnPage } from '#app/components/learning/learn-page.tsx'
import { learnerHandle, learningLinks } from '#app/components/learning/learning-route.ts'
import { OfflineCourse } from '#app/components/learning/offline-course.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCourseForLearner } from '#server/learning/course-view.server.ts'
import { ensureLearnerForUser } from '#server/learning/learners.server.ts'
import type { Route } from './+types/course'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `${data?.course.title ?? 'Khóa học'} — Bình dân học vụ số` },
]
export const handle = learnerHandle
export const links = learningLinks

/** `/hoc/khoa/:courseId`: a course's lessons with the learner's progress, and "keep for offline use". */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	const learner = await ensureLearnerForUser(context.app.db, user)
	const course = await readCourseForLearner(context.app.db, {
		courseId: params.courseId,
		learnerId: learner.id,
	})
	if (!course) throw data(null, { status: 404 })
	return { userId: user.id, course }
}

export default function Course({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { course, userId } = loaderData
	const done = course.lessons.filter((l) => l.status === 'completed').length
	return (
		<LearnPage userId={userId}>
			<p>
				<a href="/hoc">{t('learn.backToLearn')}</a>
			</p>
			<h1>{course.title}</h1>
			<p className="lead">{course.summary}</p>
			<p>{t('learn.course.lessonsDone', { done, total: course.lessons.length })}</p>
			<OfflineCourse courseId={course.id} />
			<h2>{t('learn.course.lessonsTitle')}</h2>
			<ol className="learn-list">
				{course.lessons.map((lesson, i) => (
					<li key={lesson.id}>
						<h3>
							<a href={`/hoc/bai/${lesson.id}`}>
								{t('learn.lesson.numbered', { n: i + 1 })} {lesson.title}
							</a>
						</h3>
						<p className="muted">{lesson.summary}</p>
						<p>
							<span className={`learn-state${lesson.status === 'completed' ? ' learn-state--done' : ''}`}>
								{lesson.status === 'completed'
									? t('learn.lesson.stateDone')
									: lesson.status === 'started'
										? t('learn.lesson.stateStarted')
										: t('learn.lesson.stateNew')}
							</span>{' '}
							· {t('learn.lesson.minutes', { minutes: lesson.minutes })}
						</p>
					</li>
				))}
			</ol>
		</LearnPage>
	)
}
