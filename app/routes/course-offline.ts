import { requirePermission } from '#server/identity/policy.server.ts'
import { listOfflineUrls } from '#server/learning/course-view.server.ts'
import type { Route } from './+types/course-offline'

/** `/hoc/khoa/:courseId/ngoai-tuyen`: the addresses the browser keeps to use this course offline. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	await requirePermission(request, context, 'learning.self')
	const urls = await listOfflineUrls(context.app.db, params.courseId)
	if (!urls) return Response.json({ error: 'notFound' }, { status: 404 })
	return Response.json({ courseId: params.courseId, urls }, { headers: { 'Cache-Control': 'no-store' } })
}
