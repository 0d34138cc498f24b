import { data, Link, useLocation } from 'react-router'
import { z } from 'zod'
import { Pager } from '#app/components/pager.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { readPreferences } from '#app/utils/preferences.server.ts'
import { recordBulkPersonalDataRead } from '#server/audit/record-personal-data-read.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { can, requirePermission } from '#server/identity/policy.server.ts'
import { breakdownLabels } from '#server/indicators/dashboard.server.ts'
import { listIndicatorPeople, resolvePeriod } from '#server/indicators/drill-down.server.ts'
import { getIndicatorDefinition } from '#server/indicators/indicator-definitions.server.ts'
import { IndicatorPeopleQuerySchema, isValidBreakdownKey } from '#server/indicators/indicator-people-query.ts'
import type { Route } from './+types/dashboard-people'

export const meta: Route.MetaFunction = () => [{ title: 'Danh sách theo chỉ tiêu — Bình dân học vụ số' }]

const PAGE_SIZE = 50

/**
 * `/chi-tieu/:code/danh-sach?nhom=dat|chua-dat&theo=&khoa=&thang=&trang=`: the people behind a number of
 * the dashboard, or the complement (not yet reached), within the person's scope; audit-logged.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'indicators.read')
	// Read-only oversight (the auditor) sees how many, never who: no personal lists without people.read.
	const mayListPeople = can(user, 'people.read')
	const url = new URL(request.url)
	const query = IndicatorPeopleQuerySchema.parse(Object.fromEntries(url.searchParams))
	const { db } = context.app
	const definition = await getIndicatorDefinition(db, user.wardId, params.code)
	if (!definition || definition.archived) throw data(null, { status: 404 })
	const period = resolvePeriod(query.thang)
	const cohort = query.nhom === 'dat' ? 'reached' : 'leftBehind'
	const dimension =
		query.theo &&
		definition.spec.breakdowns.includes(query.theo) &&
		isValidBreakdownKey(query.theo, query.khoa)
			? query.theo
			: undefined
	const list = await listIndicatorPeople(db, {
		withPeople: mayListPeople,
		user,
		definition,
		cohort,
		dimension,
		key: dimension ? query.khoa : undefined,
		asOf: period.asOf,
		page: query.trang,
		pageSize: PAGE_SIZE,
	})
	if (mayListPeople)
		await recordBulkPersonalDataRead(db, requestAudit(context, user), {
			purpose: 'indicators.drillDown',
			entityType: 'resident',
			rowCount: list.items.length,
			filters: { indicator: definition.code, cohort, dimension, asOf: period.asOf },
		})
	let filterLabel: string | null = null
	if (dimension) {
		const locale = (await readPreferences(request)).locale
		const labels = await breakdownLabels(db, user.wardId, locale, { [dimension]: [{ key: query.khoa }] })
		filterLabel = labels[dimension].get(query.khoa) ?? query.khoa
	}
	return {
		code: definition.code,
		name: definition.name,
		cohort,
		filterLabel,
		asOf: period.asOf,
		total: list.total,
		items: list.items,
		page: query.trang,
		pages: Math.max(1, Math.ceil(list.total / PAGE_SIZE)),
		mayListPeople,
		canExport: can(user, 'people.export'),
		canUseWorklist: can(user, 'outreach.record'),
	}
}

export default function DashboardPeople({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const location = useLocation()
	const d = loaderData
	const search = new URLSearchParams(location.search)
	search.delete('trang')
	const other = new URLSearchParams(search)
	other.set('nhom', d.cohort === 'reached' ? 'chua-dat' : 'dat')
	const cohortText = t(d.cohort === 'reached' ? 'indicator.drill.reached' : 'indicator.drill.leftBehind')
	return (
		<div className="stack">
			<p>
				<Link to={`/chi-tieu/${d.code}`}>
					{t('dashboard.tile.code', { code: d.code })}: {d.name}
				</Link>
			</p>
			<h1>{t('indicator.drill.title', { code: d.code, cohort: cohortText })}</h1>
			{d.filterLabel ? <p>{t('indicator.drill.filtered', { label: d.filterLabel })}</p> : null}
			<p role="status" data-testid="drill-count">
				{t('indicator.drill.count', { total: formatNumber(locale, d.total) })}
			</p>
			<p>
				<Link to={`?${other}`}>
					{t('indicator.drill.other', {
						cohort: t(d.cohort === 'reached' ? 'indicator.drill.leftBehind' : 'indicator.drill.reached'),
					})}
				</Link>
			</p>
			{d.cohort === 'leftBehind' ? (
				<p className="hint">
					{t('indicator.drill.worklist', { code: d.code })}{' '}
					{d.canUseWorklist ? (
						// A plain link: the worklist is a page without hydration (decision 012).
						<a href={`/tiep-can?chiTieu=${encodeURIComponent(d.code)}`}>
							{t('indicator.drill.openWorklist')}
						</a>
					) : null}
				</p>
			) : null}
			{!d.mayListPeople ? (
				<p>{t('indicator.drill.namesHidden')}</p>
			) : d.items.length === 0 ? (
				<p>{t('indicator.drill.empty')}</p>
			) : (
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('indicator.drill.caption', { page: d.page })}</caption>
						<thead>
							<tr>
								<th scope="col">{t('people.col.name')}</th>
								<th scope="col">{t('people.col.birthYear')}</th>
								<th scope="col" className="hide-narrow">
									{t('people.col.sex')}
								</th>
								<th scope="col">{t('people.col.group')}</th>
								<th scope="col">{t('people.col.vneid')}</th>
							</tr>
						</thead>
						<tbody>
							{d.items.map((r) => (
								<tr key={r.id}>
									<td>
										<Link to={`/nguoi-dan/${r.id}`}>{r.fullName}</Link>
									</td>
									<td>{r.birthYear}</td>
									<td className="hide-narrow">{t(`people.sex.${r.sex}`)}</td>
									<td>{r.residentialGroupName ?? '—'}</td>
									<td>{t(`people.vneid.${r.vneidLevel as 0 | 1 | 2}`)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			{d.canExport ? (
				<p>
					<a href={`/chi-tieu/${d.code}/xuat?${search}&dinhDang=xlsx`} download>
						{t('export.xlsx')}
					</a>{' '}
					·{' '}
					<a href={`/chi-tieu/${d.code}/xuat?${search}&dinhDang=csv`} download>
						{t('export.csv')}
					</a>
				</p>
			) : null}
			<Pager page={d.page} pages={d.pages} search={location.search} />
		</div>
	)
}
