import { data } from 'react-router'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { can, forbidden, requirePermission } from '#server/identity/policy.server.ts'
import { loadResidentPolicyTarget } from '#server/identity/resident-policy-target.server.ts'
import { exportResidentData } from '#server/privacy/export-resident-data.server.ts'
import type { Route } from './+types/resident-data-export'

/**
 * `/nguoi-dan/:residentId/du-lieu.json`: everything held about one resident, for their request to see
 * their data (Decree 13/2023/NĐ-CP, Art. 9 and 14). Identifiers in clear, so audit-logged as such.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'people.dataRights')
	const target = await loadResidentPolicyTarget(context.app.db, params.residentId)
	if (!target || target.wardId !== user.wardId) throw data(null, { status: 404 })
	if (!can(user, 'people.dataRights', target)) throw forbidden()
	const exported = await exportResidentData(context.app, {
		wardId: user.wardId,
		residentId: params.residentId,
	})
	if (!exported) throw data(null, { status: 404 })
	await recordAudit(context.app.db, {
		...requestAudit(context, user),
		action: 'resident.dataExported',
		entityType: 'resident',
		entityId: params.residentId,
		details: { tables: Object.keys(exported.records).length },
	})
	return new Response(JSON.stringify(exported, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': `attachment; filename="du-lieu-ca-nhan-${params.residentId.slice(0, 8)}.json"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
