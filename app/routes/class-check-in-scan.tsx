import { data, redirect } from 'react-router'
import { learnerHandle, learningLinks } from '#app/components/learning/learning-route.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import {
	createPendingCheckIn,
	PENDING_CHECK_IN_COOKIE,
	PENDING_CHECK_IN_SECONDS,
	verifyCheckInCode,
} from '#server/classes/check-in-code.server.ts'
import { serializeCookie } from '#server/security/cookies.server.ts'
import type { Route } from './+types/class-check-in-scan'

export const meta: Route.MetaFunction = () => [{ title: 'Điểm danh buổi học — Bình dân học vụ số' }]
export const handle = learnerHandle
export const links = learningLinks

/**
 * `/diem-danh/:code`: where the learner's camera lands after scanning the instructor's QR code. A valid
 * code leaves a short-lived signed cookie on this phone and goes on to `/diem-danh` (signing in first if
 * needed, which may take longer than the code lives); an expired or forged code is refused here.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const checked = verifyCheckInCode(context.app.keyring, params.code)
	if (!checked.ok)
		return data({ reason: checked.reason }, { status: checked.reason === 'expired' ? 410 : 400 })
	const value = createPendingCheckIn(context.app.keyring, checked.sessionId)
	return redirect('/diem-danh', {
		headers: {
			'Set-Cookie': serializeCookie(PENDING_CHECK_IN_COOKIE, value, request, {
				maxAgeSeconds: PENDING_CHECK_IN_SECONDS,
			}),
			'Cache-Control': 'no-store',
		},
	})
}

export default function ClassCheckInScan({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	return (
		<div className="learn stack">
			<h1>{t('classes.checkIn.title')}</h1>
			<p role="alert">
				{t(loaderData.reason === 'expired' ? 'classes.checkIn.expired' : 'classes.checkIn.forged')}
			</p>
			<p>
				<a href="/hoc">{t('classes.checkIn.toLearning')}</a>
			</p>
		</div>
	)
}
