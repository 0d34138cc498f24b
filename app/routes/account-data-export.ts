import { data } from 'react-router'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { exportResidentData } from '#server/privacy/export-resident-data.server.ts'
import type { Route } from './+types/account-data-export'

/**
 * `/tai-khoan/du-lieu.json`: a signed-in person downloads everything the ward holds about them (Decree
 * 13/2023/NĐ-CP, Art. 9 §4 and 14), the same file staff give on request. Only their own record.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'account.self')
	if (!user.residentId) throw data(null, { status: 404 })
	const exported = await exportResidentData(context.app, { wardId: user.wardId, residentId: user.residentId })
	if (!exported) throw data(null, { status: 404 })
	await recordAudit(context.app.db, {
		...requestAudit(context, user),
		action: 'resident.dataExportedBySelf',
		entityType: 'resident',
		entityId: user.residentId,
		details: { tables: Object.keys(exported.records).length },
	})
	return new Response(JSON.stringify(exported, null, 2), {
		headers: {
			'Content-Type': 'application/json; charset=utf-8',
			'Content-Disposition': 'attachment; filename="du-lieu-cua-toi.json"',
			'Cache-Control': 'private, no-store',
		},
	})
}
