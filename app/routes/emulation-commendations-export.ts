import { data } from 'react-router'
import { z } from 'zod'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import {
	renderCommendationsDocx,
	renderCommendationsXlsx,
} from '#server/emulation/commendation-documents.server.ts'
import { listCommendations } from '#server/emulation/commendations.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { dateInVietnam } from '#server/outreach/record-visit.server.ts'
import { getReportingPeriod } from '#server/reports/periods.server.ts'
import type { Route } from './+types/emulation-commendations-export'

const QuerySchema = z.object({
	dinhDang: z.enum(['xlsx', 'docx']).catch('xlsx'),
	mau: z.enum(['party', 'state']).catch('party'),
})

const contentTypes = {
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const

/**
 * `/thi-dua/:periodId/khen-thuong/tai-ve?dinhDang=xlsx|docx&mau=party|state`: the proposed commendations as
 * a workbook or a Word list in the Party (default) or state layout; each download is audit-logged.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'emulation.manage')
	const period = z.uuid().safeParse(params.periodId).success
		? await getReportingPeriod(context.app.db, user.wardId, params.periodId)
		: null
	if (!period) throw data(null, { status: 404 })
	const query = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
	const commendations = await listCommendations(context.app.db, period.id)
	const body =
		query.dinhDang === 'docx'
			? await renderCommendationsDocx(context.app.db, {
					period,
					commendations,
					format: query.mau,
					today: dateInVietnam(),
				})
			: await renderCommendationsXlsx({ period, commendations })
	await recordAudit(context.app.db, {
		...requestAudit(context, user),
		action: 'emulation.commendationsExported',
		entityType: 'reportingPeriod',
		entityId: period.id,
		details: {
			format: query.dinhDang,
			layout: query.dinhDang === 'docx' ? query.mau : null,
			rows: commendations.length,
		},
	})
	const name = `de-nghi-khen-thuong-${period.kind}-${period.year}${query.dinhDang === 'docx' ? `-${query.mau}` : ''}.${query.dinhDang}`
	return new Response(new Uint8Array(body), {
		headers: {
			'Content-Type': contentTypes[query.dinhDang],
			'Content-Disposition': `attachment; filename="${name}"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
