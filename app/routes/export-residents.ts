import { recordBulkPersonalDataRead } from '#server/audit/record-personal-data-read.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import {
	requirePermission,
	residentialGroupsInScope,
	residentScopeCondition,
} from '#server/identity/policy.server.ts'
import {
	collectResidentExport,
	residentExportCsv,
	residentExportXlsx,
} from '#server/people/export/export-residents.server.ts'
import { parseResidentListQuery } from '#server/people/resident-filters.ts'
import type { Route } from './+types/export-residents'

/**
 * `/nguoi-dan/xuat?…the list's filters…&dinhDang=xlsx|csv`: the filtered list within the person's scope,
 * identifiers masked unless their role may reveal them; every export is audit-logged with its filters.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'people.export')
	const params = new URL(request.url).searchParams
	const format = params.get('dinhDang') === 'csv' ? 'csv' : 'xlsx'
	params.delete('dinhDang')
	const query = parseResidentListQuery(params)
	const exported = await collectResidentExport(context.app, {
		wardId: user.wardId,
		scope: residentScopeCondition(user, 'people.export'),
		query,
		revealPersonalId: residentialGroupsInScope(user, 'people.revealPersonalId'),
		revealPhone: residentialGroupsInScope(user, 'people.revealPhone'),
	})
	const { q: _searchText, trang: _page, pageSize: _pageSize, ...filters } = query
	await recordBulkPersonalDataRead(context.app.db, requestAudit(context, user), {
		purpose: 'residents.export',
		entityType: 'resident',
		rowCount: exported.rows.length - 1,
		export: true,
		filters: {
			...filters,
			search: query.q ? true : undefined,
			format,
			personalIdRevealed: exported.revealedPersonalId,
			phoneRevealed: exported.revealedPhone,
		},
	})
	const body = format === 'csv' ? residentExportCsv(exported) : await residentExportXlsx(exported)
	const name = `danh-sach-nguoi-dan${exported.revealedPersonalId || exported.revealedPhone ? '-day-du' : ''}.${format}`
	return new Response(new Uint8Array(body), {
		headers: {
			'Content-Type':
				format === 'csv'
					? 'text/csv; charset=utf-8'
					: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="${name}"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
