import { data, redirect } from 'react-router'
import { safeRedirectPath } from '#app/utils/safe-redirect.ts'
import { getCurrentUser } from '#server/identity/current-user.server.ts'
import { destroySession, serializeSessionCookie } from '#server/identity/session.server.ts'
import { clearVneidStateCookie, readVneidStateCookie } from '#server/vneid/state-cookie.server.ts'
import { vneidFailure } from '#server/vneid/vneid-failure.server.ts'
import { finishVneidSignIn } from '#server/vneid/vneid-sign-in.server.ts'
import type { Route } from './+types/vneid-callback'
import { VneidErrorView } from './vneid-error-view.tsx'

export const meta: Route.MetaFunction = () => [{ title: 'Đăng nhập bằng VNeID — Bình dân học vụ số' }]

/** `/dang-nhap/vneid/callback`: where VNeID sends the browser back with a code (or an error). */
export async function loader({ request, context }: Route.LoaderArgs) {
	const headers = new Headers({ 'Cache-Control': 'no-store' })
	headers.append('Set-Cookie', clearVneidStateCookie(request))
	try {
		const { account, session, returnTo } = await finishVneidSignIn(context.app, {
			requestUrl: request.url,
			browserState: readVneidStateCookie(request),
			ip: context.clientIp,
			requestId: context.requestId,
			userAgent: request.headers.get('User-Agent'),
		})
		// A fresh session every sign-in (no fixation): a session already open in this browser ends.
		const previous = await getCurrentUser(request, context)
		if (previous) await destroySession(context.app, previous.sessionId)
		headers.append('Set-Cookie', serializeSessionCookie(session.token, session.expiresAt, request))
		const destination = safeRedirectPath(returnTo)
		if (account.outcome === 'createdUnmatched') {
			return redirect(`/dang-nhap/vneid/chua-doi-chieu?returnTo=${encodeURIComponent(destination)}`, {
				headers,
			})
		}
		return redirect(destination, { headers })
	} catch (error) {
		const failure = vneidFailure(error, context.requestId)
		return data({ code: failure.code }, { status: failure.status, headers })
	}
}

export default function VneidCallback({ loaderData }: Route.ComponentProps) {
	return <VneidErrorView code={loaderData.code} />
}
