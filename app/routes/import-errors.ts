import { data } from 'react-router'
import { requirePermission, residentialGroupsInScope } from '#server/identity/policy.server.ts'
import { buildErrorWorkbook } from '#server/people/import/build-error-workbook.server.ts'
import { getImportBatch } from '#server/people/import-jobs/import-batches.server.ts'
import { loadImportPreview } from '#server/people/import-jobs/import-preview.server.ts'
import type { Route } from './+types/import-errors'

/** `/nguoi-dan/nhap/:batchId/loi.xlsx`: the rejected rows with sheet, row number and Vietnamese reason. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'people.import')
	const batch = await getImportBatch(context.app.db, { wardId: user.wardId, batchId: params.batchId })
	if (!batch) throw data(null, { status: 404 })
	const { plan } = await loadImportPreview(
		context.app,
		batch,
		residentialGroupsInScope(user, 'people.import'),
	)
	const bytes = await buildErrorWorkbook(plan.rejected, { headerLabels: plan.headerLabels })
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="dong-loi.xlsx"; filename*=UTF-8''${encodeURIComponent('dòng-lỗi.xlsx')}`,
			'Cache-Control': 'private, no-store',
		},
	})
}
