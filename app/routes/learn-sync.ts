import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { ActivityBatchSchema } from '#server/learning/activity-schemas.ts'
import { ensureLearnerForUser } from '#server/learning/learners.server.ts'
import { syncActivities } from '#server/learning/sync-activities.server.ts'
import type { Route } from './+types/learn-sync'

/**
 * `/hoc/dong-bo`: where the learner pages' script sends what was done offline (and reading positions).
 * GET tells the script who is signed in and the session's CSRF token (a page kept offline may carry an
 * old one); POST takes a form with `csrf` and `activities` (JSON) and answers, for every id, whether it
 * was applied now, had been applied before, or was refused — so the browser drops each exactly once.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	return Response.json(
		{ userId: user.id, csrf: user.csrfToken },
		{ headers: { 'Cache-Control': 'no-store' } },
	)
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	const formData = await readCsrfCheckedForm(request, context)
	let batch: unknown
	try {
		batch = JSON.parse(String(formData.get('activities') ?? ''))
	} catch {
		return Response.json({ error: 'badRequest' }, { status: 400 })
	}
	const parsed = ActivityBatchSchema.safeParse(batch)
	if (!parsed.success) return Response.json({ error: 'badRequest' }, { status: 400 })
	const learner = await ensureLearnerForUser(context.app.db, user)
	const results = await syncActivities(context.app.db, learner, parsed.data)
	return Response.json({ results }, { headers: { 'Cache-Control': 'no-store' } })
}
