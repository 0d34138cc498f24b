import { parseWithZod } from '@conform-to/zod/v4'
import { data, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { LearnPage } from '#app/components/learning/learn-page.tsx'
import { learnerHandle, learningLinks } from '#app/components/learning/learning-route.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { ContentIdSchema } from '#server/learning/content/common-schemas.ts'
import { chooseTrack, listTrackChoices } from '#server/learning/learner-tracks.server.ts'
import { ensureLearnerForUser } from '#server/learning/learners.server.ts'
import type { Route } from './+types/learn-tracks'

export const meta: Route.MetaFunction = () => [{ title: 'Chọn lộ trình học — Bình dân học vụ số' }]
export const handle = learnerHandle
export const links = learningLinks

const ChooseTrackSchema = z.object({ trackId: ContentIdSchema })

/** `/hoc/lo-trinh`: every track, those of the learner's target groups first; choosing one enrols. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	const learner = await ensureLearnerForUser(context.app.db, user)
	return { userId: user.id, choices: await listTrackChoices(context.app.db, learner) }
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	const formData = await readCsrfCheckedForm(request, context)
	const submission = parseWithZod(formData, { schema: ChooseTrackSchema })
	if (submission.status !== 'success') throw data(null, { status: 400 })
	const learner = await ensureLearnerForUser(context.app.db, user)
	const chosen = await chooseTrack(context.app.db, {
		learner,
		trackId: submission.value.trackId,
		byUserId: user.id,
	})
	if (!chosen) throw data(null, { status: 404 })
	return redirect('/hoc')
}

export default function LearnTracks({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { choices, userId } = loaderData
	const mine = choices.filter((c) => c.forMyGroups)
	return (
		<LearnPage userId={userId}>
			<h1>{t('learn.tracks.title')}</h1>
			<p className="lead">{mine.length > 0 ? t('learn.tracks.introMine') : t('learn.tracks.intro')}</p>
			<ul className="learn-list">
				{choices.map((track) => {
					const name = locale === 'vi' ? track.nameVi : track.nameEn
					return (
						<li key={track.id}>
							<h2>{name}</h2>
							{track.forMyGroups ? <p className="learn-state">{t('learn.tracks.forYou')}</p> : null}
							<p>{track.description}</p>
							<p className="muted">{t('learn.tracks.courses', { count: track.courseCount })}</p>
							{track.current ? (
								<p className="learn-state learn-state--done">{t('learn.tracks.current')}</p>
							) : (
								<form method="post">
									<CsrfInput />
									<input type="hidden" name="trackId" value={track.id} />
									<button type="submit" className="primary">
										{track.enrolled ? t('learn.tracks.switch') : t('learn.tracks.choose')}
										<span className="visually-hidden">: {name}</span>
									</button>
								</form>
							)}
						</li>
					)
				})}
			</ul>
			<p>
				<a href="/hoc">{t('learn.backToLearn')}</a>
			</p>
		</LearnPage>
	)
}
