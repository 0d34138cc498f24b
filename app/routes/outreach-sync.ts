import { createTranslator, type MessageKey } from '#app/i18n/translate.ts'
import { readPreferences } from '#app/utils/preferences.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission, residentialGroupsInScope } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { syncVisits } from '#server/outreach/sync-visits.server.ts'
import { QueuedVisitBatchSchema } from '#server/outreach/visit-input.server.ts'
import type { Route } from './+types/outreach-sync'

/**
 * `/tiep-can/dong-bo`: where the volunteer pages' script sends visits logged offline. GET tells the
 * script who is signed in and the session's CSRF token (a page kept offline may carry an old one);
 * POST takes a form with `csrf` and `visits` (JSON: id, visitedAt, the form's fields) and answers, for
 * every id, whether it was stored now, had been stored before, or was refused (with the reason in the
 * volunteer's language) — so the phone drops each exactly once. Same pattern as `/hoc/dong-bo`.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'outreach.record')
	return Response.json(
		{ userId: user.id, csrf: user.csrfToken },
		{ headers: { 'Cache-Control': 'no-store' } },
	)
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'outreach.record')
	const formData = await readCsrfCheckedForm(request, context)
	let batch: unknown
	try {
		batch = JSON.parse(String(formData.get('visits') ?? ''))
	} catch {
		return Response.json({ error: 'badRequest' }, { status: 400 })
	}
	const parsed = QueuedVisitBatchSchema.safeParse(batch)
	if (!parsed.success) return Response.json({ error: 'badRequest' }, { status: 400 })
	const volunteer = { ...user, groups: residentialGroupsInScope(user, 'outreach.record') }
	const results = await syncVisits(context.app, volunteer, parsed.data, requestAudit(context, user))
	const t = createTranslator((await readPreferences(request)).locale)
	return Response.json(
		{ results: results.map((r) => (r.reason ? { ...r, message: t(r.reason as MessageKey) } : r)) },
		{ headers: { 'Cache-Control': 'no-store' } },
	)
}
