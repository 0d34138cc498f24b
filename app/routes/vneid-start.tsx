import { data, redirect } from 'react-router'
import { safeRedirectPath } from '#app/utils/safe-redirect.ts'
import { serializeVneidStateCookie } from '#server/vneid/state-cookie.server.ts'
import { vneidFailure } from '#server/vneid/vneid-failure.server.ts'
import { beginVneidSignIn } from '#server/vneid/vneid-sign-in.server.ts'
import type { Route } from './+types/vneid-start'
import { VneidErrorView } from './vneid-error-view.tsx'

export const meta: Route.MetaFunction = () => [{ title: 'Đăng nhập bằng VNeID — Bình dân học vụ số' }]

/** `/dang-nhap/vneid`: a plain link from the sign-in page; sends the browser on to VNeID. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const requested = new URL(request.url).searchParams.get('returnTo')
	try {
		const started = await beginVneidSignIn(context.app, {
			requestUrl: request.url,
			ip: context.clientIp,
			requestId: context.requestId,
			returnTo: requested ? safeRedirectPath(requested) : null,
		})
		return redirect(started.location, {
			headers: {
				'Set-Cookie': serializeVneidStateCookie(started.state, request),
				'Cache-Control': 'no-store',
			},
		})
	} catch (error) {
		const failure = vneidFailure(error, context.requestId)
		return data({ code: failure.code }, { status: failure.status, headers: { 'Cache-Control': 'no-store' } })
	}
}

export default function VneidStart({ loaderData }: Route.ComponentProps) {
	return <VneidErrorView code={loaderData.code} />
}
