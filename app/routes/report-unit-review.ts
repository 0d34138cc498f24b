import { redirect } from 'react-router'
import { z } from 'zod'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { can, forbidden, requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { loadUnitReportTarget } from '#server/reports/unit-report-target.server.ts'
import { reviewUnitReport } from '#server/reports/unit-report-workflow.server.ts'
import type { Route } from './+types/report-unit-review'

const ReviewSchema = z.object({
	decision: z.enum(['return', 'accept']),
	comment: z.string().max(4000).default(''),
	version: z.coerce.number().int().min(1),
})

/** POST `/bao-cao/ky/:periodId/don-vi/:organizationId/duyet`: the ward returns or accepts a submitted report. */
export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'reports.review')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const db = context.app.db
	const { period, organization } = await loadUnitReportTarget(db, user.wardId, params)
	if (!can(user, 'reports.review', { wardId: user.wardId, organizationIds: [organization.id] }))
		throw forbidden()
	const page = `/bao-cao/ky/${period.id}/don-vi/${organization.id}`
	const parsed = ReviewSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) return redirect(`${page}?tb=notReviewable`)
	const outcome = await reviewUnitReport(db, {
		period,
		organizationId: organization.id,
		expectedVersion: parsed.data.version,
		decision: parsed.data.decision,
		comment: parsed.data.comment,
		actorId: user.id,
		link: page,
		organizationName: organization.name,
	})
	if (outcome === 'returned' || outcome === 'accepted')
		await recordAudit(db, {
			...requestAudit(context, user),
			action: outcome === 'returned' ? 'reports.unitReportReturned' : 'reports.unitReportAccepted',
			entityType: 'unitReport',
			entityId: `${period.id}:${organization.id}`,
			details: { periodId: period.id, organizationId: organization.id },
		})
	return redirect(`${page}?tb=${outcome === 'closed' ? 'closedPeriod' : outcome}`)
}
