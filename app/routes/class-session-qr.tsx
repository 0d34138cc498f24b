import { useEffect } from 'react'
import { data, Link, useRevalidator } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { currentCheckInQr } from '#server/classes/check-in-qr.server.ts'
import { getSession } from '#server/classes/class-sessions.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import type { Route } from './+types/class-session-qr'

export const meta: Route.MetaFunction = () => [{ title: 'Mã QR điểm danh — Bình dân học vụ số' }]

/**
 * `/lop-hoc/:classId/buoi/:sessionId/ma-qr`: the rotating QR code for the instructor's screen. With
 * JavaScript the loader is fetched again when the code changes; without, the page reloads itself.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'classes.manage')
	const session = await getSession(context.app.db, { wardId: user.wardId, sessionId: params.sessionId })
	if (!session || session.classId !== params.classId) throw data(null, { status: 404 })
	if (session.status === 'cancelled') throw data(null, { status: 409 })
	const qr = await currentCheckInQr(context.app.keyring, {
		sessionId: session.id,
		publicUrl: context.app.env.PUBLIC_URL,
		requestUrl: request.url,
	})
	return { session: { id: session.id, classId: session.classId, topic: session.topic }, ...qr }
}

export default function ClassSessionQr({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { session, svg, url, seconds } = loaderData
	const revalidator = useRevalidator()
	useEffect(() => {
		const timer = setTimeout(() => void revalidator.revalidate(), seconds * 1000 + 200)
		return () => clearTimeout(timer)
	}, [seconds, revalidator])
	return (
		<div className="stack qr-screen">
			<p>
				<Link to={`/lop-hoc/${session.classId}/buoi/${session.id}`}>← {t('classes.qr.back')}</Link>
			</p>
			<h1>{t('classes.qr.title')}</h1>
			<p>{session.topic}</p>
			<p>{t('classes.qr.instructions')}</p>
			<div
				className="qr-code"
				role="img"
				aria-label={t('classes.qr.alt', { topic: session.topic })}
				data-check-in-url={url}
				// The SVG is made here by the qrcode library from our own URL: no user content in it.
				// biome-ignore lint/security/noDangerouslySetInnerHtml: server-made SVG of our own address
				dangerouslySetInnerHTML={{ __html: svg }}
			/>
			<p aria-live="polite">{t('classes.qr.rotates', { seconds })}</p>
			<p className="hint">{t('classes.qr.link', { url })}</p>
			<noscript>
				<meta httpEquiv="refresh" content={String(seconds)} />
				<p>{t('classes.qr.refreshNoScript')}</p>
			</noscript>
		</div>
	)
}
