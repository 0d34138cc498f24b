import { data } from 'react-router'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { readCertificationImport } from '#server/certification/import/certification-import.server.ts'
import { unmatchedRowsCsv } from '#server/certification/import/unmatched-rows-csv.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import type { Route } from './+types/certificate-import-unmatched'

/**
 * `/chung-nhan/nhap/:importId/chua-khop.csv`: the rows that did not become certificates, with their
 * personal IDs in full (to correct and import again). Audit-logged as a personal-data export.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'certificates.manage')
	const read = isUuid(params.importId)
		? await readCertificationImport(context.app, user.wardId, params.importId)
		: null
	if (!read) throw data(null, { status: 404 })
	const csv = unmatchedRowsCsv(read.rows)
	await recordAudit(context.app.db, {
		...requestAudit(context, user),
		action: 'personalData.export',
		entityType: 'certificate_import',
		entityId: read.batch.id,
		details: {
			purpose: 'certificateImport.unmatched',
			rowCount: read.counts.unmatched + read.counts.invalid + read.counts.duplicate,
		},
	})
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': 'attachment; filename="chua-khop.csv"',
			'Cache-Control': 'private, no-store',
		},
	})
}
