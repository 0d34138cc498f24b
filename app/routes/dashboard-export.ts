import { and, type SQL } from 'drizzle-orm'
import { data } from 'react-router'
import { recordBulkPersonalDataRead } from '#server/audit/record-personal-data-read.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import {
	requirePermission,
	residentialGroupsInScope,
	residentScopeCondition,
} from '#server/identity/policy.server.ts'
import { indicatorCohortCondition, resolvePeriod } from '#server/indicators/drill-down.server.ts'
import { getIndicatorDefinition } from '#server/indicators/indicator-definitions.server.ts'
import { IndicatorPeopleQuerySchema, isValidBreakdownKey } from '#server/indicators/indicator-people-query.ts'
import {
	collectResidentExport,
	residentExportCsv,
	residentExportXlsx,
} from '#server/people/export/export-residents.server.ts'
import { parseResidentListQuery } from '#server/people/resident-filters.ts'
import type { Route } from './+types/dashboard-export'

/**
 * `/chi-tieu/:code/xuat?…the drill-down's filters…&dinhDang=xlsx|csv`: the people behind a number (or not
 * yet reached) through the registry's export — identifiers masked unless the role may reveal them,
 * formula injection neutralised, audit entry with the indicator and the cohort.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'people.export')
	const url = new URL(request.url)
	const format = url.searchParams.get('dinhDang') === 'csv' ? 'csv' : 'xlsx'
	const query = IndicatorPeopleQuerySchema.parse(Object.fromEntries(url.searchParams))
	const definition = await getIndicatorDefinition(context.app.db, user.wardId, params.code)
	if (!definition || definition.archived) throw data(null, { status: 404 })
	const { asOf } = resolvePeriod(query.thang)
	const cohort = query.nhom === 'dat' ? 'reached' : 'leftBehind'
	const dimension =
		query.theo &&
		definition.spec.breakdowns.includes(query.theo) &&
		isValidBreakdownKey(query.theo, query.khoa)
			? query.theo
			: undefined
	const exported = await collectResidentExport(context.app, {
		wardId: user.wardId,
		scope: and(
			residentScopeCondition(user, 'people.export'),
			residentScopeCondition(user, 'indicators.read'),
			indicatorCohortCondition(definition, { cohort, dimension, key: query.khoa, asOf }),
		) as SQL,
		query: parseResidentListQuery(new URLSearchParams()),
		revealPersonalId: residentialGroupsInScope(user, 'people.revealPersonalId'),
		revealPhone: residentialGroupsInScope(user, 'people.revealPhone'),
	})
	await recordBulkPersonalDataRead(context.app.db, requestAudit(context, user), {
		purpose: 'indicators.export',
		entityType: 'resident',
		rowCount: exported.rows.length - 1,
		export: true,
		filters: {
			indicator: definition.code,
			cohort,
			dimension,
			asOf,
			format,
			personalIdRevealed: exported.revealedPersonalId,
			phoneRevealed: exported.revealedPhone,
		},
	})
	const body = format === 'csv' ? residentExportCsv(exported) : await residentExportXlsx(exported)
	const name = `chi-tieu-${definition.code}-${cohort === 'reached' ? 'da-dat' : 'chua-dat'}.${format}`
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
