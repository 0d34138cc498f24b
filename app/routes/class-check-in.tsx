import { data } from 'react-router'
import { sessionTime } from '#app/components/classes/session-time.ts'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { learnerHandle, learningLinks } from '#app/components/learning/learning-route.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { recordAttendance } from '#server/classes/attendance.server.ts'
import { PENDING_CHECK_IN_COOKIE, readPendingCheckIn } from '#server/classes/check-in-code.server.ts'
import { getSession } from '#server/classes/class-sessions.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { ensureLearnerForUser } from '#server/learning/learners.server.ts'
import { readCookie, serializeExpiredCookie } from '#server/security/cookies.server.ts'
import type { Route } from './+types/class-check-in'

export const meta: Route.MetaFunction = () => [{ title: 'Điểm danh buổi học — Bình dân học vụ số' }]
export const handle = learnerHandle
export const links = learningLinks

async function pendingSession(request: Request, context: Route.LoaderArgs['context'], wardId: string) {
	const sessionId = readPendingCheckIn(context.app.keyring, readCookie(request, PENDING_CHECK_IN_COOKIE))
	if (!sessionId) return null
	return getSession(context.app.db, { wardId, sessionId })
}

/** `/diem-danh`: the signed-in learner confirms the check-in their scan started (one press). */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	const session = await pendingSession(request, context, user.wardId)
	if (!session) return { state: 'none' as const, session: null }
	return {
		state: session.status === 'cancelled' ? ('cancelled' as const) : ('confirm' as const),
		session: {
			topic: session.topic,
			classTitle: session.classTitle,
			startsAt: session.startsAt,
			endsAt: session.endsAt,
		},
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	await readCsrfCheckedForm(request, context)
	const session = await pendingSession(request, context, user.wardId)
	if (!session) return data({ state: 'none' as const, topic: null }, { status: 400 })
	const learner = await ensureLearnerForUser(context.app.db, user)
	const outcome = await recordAttendance(context.app.db, {
		sessionId: session.id,
		learnerId: learner.id,
		method: 'qr',
		recordedBy: user.id,
	})
	const headers = { 'Set-Cookie': serializeExpiredCookie(PENDING_CHECK_IN_COOKIE, request) }
	return data({ state: outcome, topic: session.topic }, { headers })
}

export default function ClassCheckIn({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const done = actionData?.state
	return (
		<div className="learn stack">
			<h1>{t('classes.checkIn.title')}</h1>
			{done === 'recorded' || done === 'already' ? (
				<p role="status">
					{t(done === 'recorded' ? 'classes.checkIn.done' : 'classes.checkIn.already', {
						topic: actionData?.topic ?? '',
					})}
				</p>
			) : done === 'cancelled' || loaderData.state === 'cancelled' ? (
				<p role="alert">{t('classes.checkIn.cancelled')}</p>
			) : done === 'none' || loaderData.state === 'none' || !loaderData.session ? (
				<p role="alert">{t('classes.checkIn.none')}</p>
			) : (
				<form method="post" className="stack">
					<CsrfInput />
					<p>{t('classes.checkIn.question')}</p>
					<p className="lead">
						<strong>{loaderData.session.topic}</strong>
						<br />
						{loaderData.session.classTitle}
						<br />
						{t(
							'classes.session.when',
							sessionTime(loaderData.session.startsAt, loaderData.session.endsAt, locale),
						)}
					</p>
					<p>
						<button type="submit" className="primary">
							{t('classes.checkIn.confirm')}
						</button>
					</p>
				</form>
			)}
			<p>
				<a href="/hoc">{t('classes.checkIn.toLearning')}</a>
			</p>
		</div>
	)
}
