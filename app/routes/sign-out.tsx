import { redirect } from 'react-router'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { clearSessionCookie, destroySession } from '#server/identity/session.server.ts'
import type { Route } from './+types/sign-out'

/** `/dang-xuat` (POST only, with the CSRF token): ends this session and clears the cookie. */
export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'account.self')
	await readCsrfCheckedForm(request, context)
	await destroySession(context.app, user.sessionId)
	await recordAudit(context.app.db, {
		...requestAudit(context, user),
		action: 'auth.signOut',
		entityType: 'user',
		entityId: user.id,
	})
	return redirect('/dang-nhap?thongBao=da-dang-xuat', {
		headers: { 'Set-Cookie': clearSessionCookie(request) },
	})
}

/** A GET (a typed address, a prefetch) never signs anyone out. */
export function loader() {
	return redirect('/')
}

// A page module rather than a resource route, so a refused post (403) shows the Vietnamese error page.
export default function SignOut() {
	return null
}
