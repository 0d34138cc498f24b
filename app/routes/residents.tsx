import { Link, useLocation } from 'react-router'
import { Pager } from '#app/components/pager.tsx'
import { ResidentFilters } from '#app/components/resident-filters.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { recordBulkPersonalDataRead } from '#server/audit/record-personal-data-read.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import {
	can,
	requirePermission,
	residentialGroupsInScope,
	residentScopeCondition,
} from '#server/identity/policy.server.ts'
import { listResidents } from '#server/people/list-residents.server.ts'
import { listTargetGroups } from '#server/people/list-target-groups.server.ts'
import { parseResidentListQuery } from '#server/people/resident-filters.ts'
import { listResidentialGroups } from '#server/ward/list-residential-groups.server.ts'
import type { Route } from './+types/residents'

export const meta: Route.MetaFunction = () => [{ title: 'Người dân — Bình dân học vụ số' }]

/** `/nguoi-dan`: residents within the person's scope, filtered, sorted and paged. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'people.read')
	const query = parseResidentListQuery(new URL(request.url).searchParams)
	const { db } = context.app
	const [page, groups, targetGroups] = await Promise.all([
		listResidents(db, { wardId: user.wardId, scope: residentScopeCondition(user, 'people.read'), query }),
		listResidentialGroups(db, { wardId: user.wardId, only: residentialGroupsInScope(user, 'people.read') }),
		listTargetGroups(db),
	])
	const { q: _searchText, ...filters } = query
	await recordBulkPersonalDataRead(db, requestAudit(context, user), {
		purpose: 'residents.list',
		entityType: 'resident',
		rowCount: page.items.length,
		filters: { ...filters, search: query.q ? true : undefined },
	})
	return { query, page, options: { groups, targetGroups }, canExport: can(user, 'people.export') }
}

export default function Residents({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const location = useLocation()
	const { page, query, options, canExport } = loaderData
	const exportQuery = new URLSearchParams(location.search)
	exportQuery.delete('trang')
	const pages = Math.max(1, Math.ceil(page.total / page.pageSize))
	return (
		<div className="stack">
			<h1>{t('people.list.title')}</h1>
			<p>{t('people.list.intro')}</p>
			<ResidentFilters query={query} options={options} />
			<p role="status">
				{page.totalCapped
					? t('people.list.countCapped', { total: formatNumber(locale, page.total) })
					: t('people.list.count', { total: formatNumber(locale, page.total) })}
			</p>
			{page.items.length === 0 ? (
				<p>{t('people.list.empty')}</p>
			) : (
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('people.list.caption', { page: page.page })}</caption>
						<thead>
							<tr>
								<th scope="col">{t('people.col.name')}</th>
								<th scope="col">{t('people.col.birthYear')}</th>
								<th scope="col" className="hide-narrow">
									{t('people.col.sex')}
								</th>
								<th scope="col">{t('people.col.group')}</th>
								<th scope="col">{t('people.col.vneid')}</th>
								<th scope="col" className="hide-narrow">
									{t('people.col.status')}
								</th>
							</tr>
						</thead>
						<tbody>
							{page.items.map((r) => (
								<tr key={r.id}>
									<td>
										<Link to={`/nguoi-dan/${r.id}`}>{r.fullName}</Link>
									</td>
									<td>{r.birthYear}</td>
									<td className="hide-narrow">{t(`people.sex.${r.sex}`)}</td>
									<td>{r.residentialGroupName ?? '—'}</td>
									<td>{t(`people.vneid.${r.vneidLevel as 0 | 1 | 2}`)}</td>
									<td className="hide-narrow">{t(`people.status.${r.status}`)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			{canExport ? (
				<p>
					<a href={`/nguoi-dan/xuat?${exportQuery}&dinhDang=xlsx`} download>
						{t('export.xlsx')}
					</a>{' '}
					·{' '}
					<a href={`/nguoi-dan/xuat?${exportQuery}&dinhDang=csv`} download>
						{t('export.csv')}
					</a>
				</p>
			) : null}
			<Pager page={page.page} pages={pages} search={location.search} />
		</div>
	)
}
