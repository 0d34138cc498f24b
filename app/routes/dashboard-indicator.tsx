import { data, Link } from 'react-router'
import { BarChart } from '#app/components/charts/bar-chart.tsx'
import { TrendChart } from '#app/components/charts/trend-chart.tsx'
import { formatDay, formatIndicatorValue, formatMonth } from '#app/components/indicators/indicator-format.ts'
import { MonthPicker } from '#app/components/indicators/month-picker.tsx'
import { StatusBadge } from '#app/components/indicators/status-badge.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { readPreferences } from '#app/utils/preferences.server.ts'
import { can, requirePermission } from '#server/identity/policy.server.ts'
import { breakdownLabels, loadDashboard } from '#server/indicators/dashboard.server.ts'
import { describeConditions } from '#server/indicators/describe-conditions.ts'
import type { Route } from './+types/dashboard-indicator'

export const meta: Route.MetaFunction = () => [{ title: 'Chi tiết chỉ tiêu — Bình dân học vụ số' }]

const sorts = ['ten', 'ty-le', '-ty-le', 'chua-dat'] as const
type Sort = (typeof sorts)[number]

/** `/chi-tieu/:code?thang=&sapXep=`: one indicator's trend and breakdowns, within the person's scope. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'indicators.read')
	const url = new URL(request.url)
	const requested = url.searchParams.get('thang') ?? undefined
	const month = requested && /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? requested : undefined
	const sort = (sorts as readonly string[]).includes(url.searchParams.get('sapXep') ?? '')
		? (url.searchParams.get('sapXep') as Sort)
		: 'ten'
	const { db } = context.app
	const dashboard = await loadDashboard(db, { user, month, only: params.code })
	const indicator = dashboard.indicators[0]
	if (!indicator) throw data(null, { status: 404 })
	const locale = (await readPreferences(request)).locale
	const labels = await breakdownLabels(db, user.wardId, locale, indicator.value.breakdowns)
	const breakdowns = indicator.definition.spec.breakdowns.map((dimension) => {
		const rows = indicator.value.breakdowns[dimension].map((cell) => ({
			...cell,
			label: labels[dimension].get(cell.key) ?? cell.key,
			percent: cell.denominator === 0 ? null : Math.round((cell.numerator / cell.denominator) * 1000) / 10,
		}))
		rows.sort((a, b) => {
			if (sort === 'ty-le')
				return (a.percent ?? -1) - (b.percent ?? -1) || a.label.localeCompare(b.label, 'vi')
			if (sort === '-ty-le')
				return (b.percent ?? -1) - (a.percent ?? -1) || a.label.localeCompare(b.label, 'vi')
			if (sort === 'chua-dat')
				return (
					b.denominator - b.numerator - (a.denominator - a.numerator) || a.label.localeCompare(b.label, 'vi')
				)
			return a.label.localeCompare(b.label, 'vi', { numeric: true })
		})
		return { dimension, rows }
	})
	return {
		month: dashboard.month,
		months: dashboard.months,
		current: dashboard.months[0],
		asOf: dashboard.asOf,
		sort,
		code: indicator.definition.code,
		name: indicator.definition.name,
		explanation: indicator.definition.explanation,
		conditions: describeConditions(indicator.definition.spec, locale),
		target: indicator.definition.spec.target,
		models: indicator.definition.spec.subject === 'pilotModels',
		numerator: indicator.value.numerator,
		denominator: indicator.value.denominator,
		progress: indicator.progress,
		trend: indicator.trend,
		breakdowns,
		canList: can(user, 'people.read'),
		canEdit: can(user, 'indicators.manage'),
	}
}

export default function DashboardIndicator({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const d = loaderData
	const kind = d.target.kind
	const target = kind === 'share' ? d.target.percent : d.target.value
	const max = kind === 'share' ? 100 : Math.max(target, ...d.trend.map((p) => p.value ?? 0), 1)
	const monthQuery = d.month === d.current ? '' : `&thang=${d.month}`
	const listLink = (cohort: 'dat' | 'chua-dat', dimension?: string, key?: string) =>
		`/chi-tieu/${d.code}/danh-sach?nhom=${cohort}${dimension ? `&theo=${dimension}&khoa=${encodeURIComponent(key ?? '')}` : ''}${monthQuery}`
	const fmt = (v: number | null) => formatIndicatorValue(locale, v, kind)
	const sortLink = (sort: string) => `?sapXep=${sort}${monthQuery}`
	return (
		<div className="stack">
			<p>
				<Link to={`/chi-tieu${d.month === d.current ? '' : `?thang=${d.month}`}`}>{t('indicator.back')}</Link>
			</p>
			<h1>
				<span className="muted">{t('dashboard.tile.code', { code: d.code })}</span>
				<br />
				{d.name}
			</h1>
			<MonthPicker
				months={d.months}
				month={d.month}
				current={d.current}
				keep={d.sort === 'ten' ? {} : { sapXep: d.sort }}
			/>
			<p>
				<span className="indicator-value">{fmt(d.progress.value)}</span>
				{kind === 'share'
					? t('dashboard.tile.ratio', {
							numerator: formatNumber(locale, d.numerator),
							denominator: formatNumber(locale, d.denominator),
						})
					: t(d.models ? 'dashboard.tile.models' : 'dashboard.tile.count', {
							numerator: formatNumber(locale, d.numerator),
						})}{' '}
				<StatusBadge status={d.progress.status} />
			</p>
			<p>
				{t('dashboard.tile.target', { target: fmt(target) })} ·{' '}
				{t('dashboard.tile.expected', { expected: fmt(d.progress.expected) })} ·{' '}
				{t('dashboard.asOf', { date: formatDay(d.asOf) })}
			</p>
			{d.canList && !d.models ? (
				<p>
					<Link to={listLink('dat')}>{t('dashboard.tile.reached')}</Link> ·{' '}
					<Link to={listLink('chua-dat')}>{t('dashboard.tile.leftBehind')}</Link>
				</p>
			) : null}
			<section aria-labelledby="how">
				<h2 id="how">{t('indicator.howCounted')}</h2>
				<p>{d.explanation}</p>
				<details>
					<summary>{t('indicator.conditions.title')}</summary>
					<p>
						<strong>{t('indicator.conditions.population')}:</strong> {d.conditions.population || '—'}
					</p>
					<p>
						<strong>{t('indicator.conditions.reached')}:</strong> {d.conditions.reached}
					</p>
				</details>
				{d.canEdit ? (
					<p>
						<Link to={`/quan-tri/chi-tieu/${d.code}`}>{t('indicator.edit')}</Link>
					</p>
				) : null}
			</section>
			<section aria-labelledby="trend">
				<h2 id="trend">{t('indicator.trend.title')}</h2>
				{d.trend.length < 2 ? <p>{t('indicator.trend.empty')}</p> : null}
				<TrendChart
					data={d.trend.map((p) => ({
						label: formatMonth(locale, p.month, true),
						value: p.value,
						live: p.live,
					}))}
					max={max}
					target={target}
					title={t('indicator.trend.title')}
					summary={t('indicator.trend.summary', {
						points: d.trend.map((p) => `${formatMonth(locale, p.month)}: ${fmt(p.value)}`).join('; '),
						target: fmt(target),
					})}
				/>
				<div className="table-scroll">
					<table>
						<caption>{t('indicator.trend.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('indicator.col.month')}</th>
								<th scope="col">{t('indicator.col.value')}</th>
								<th scope="col">{t('indicator.col.numerator')}</th>
								{kind === 'share' ? <th scope="col">{t('indicator.col.denominator')}</th> : null}
							</tr>
						</thead>
						<tbody>
							{d.trend.map((p) => (
								<tr key={p.month}>
									<th scope="row">
										{formatMonth(locale, p.month)} {p.live ? t('indicator.trend.live') : ''}
									</th>
									<td>{fmt(p.value)}</td>
									<td>{formatNumber(locale, p.numerator)}</td>
									{kind === 'share' ? <td>{formatNumber(locale, p.denominator)}</td> : null}
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</section>
			{d.breakdowns.length > 0 ? <h2>{t('indicator.breakdowns')}</h2> : null}
			{d.breakdowns.map(({ dimension, rows }) => {
				const heading = t(`indicator.breakdown.${dimension}`)
				const byValue = [...rows]
					.filter((r) => r.percent !== null)
					.sort((a, b) => (a.percent ?? 0) - (b.percent ?? 0))
				return (
					<section key={dimension} aria-labelledby={`b-${dimension}`} className="stack">
						<h3 id={`b-${dimension}`}>{heading}</h3>
						{rows.length === 0 ? (
							<p>{t('indicator.breakdown.empty')}</p>
						) : (
							<>
								<BarChart
									data={rows.map((r) => ({
										label: r.label,
										value: kind === 'share' ? r.percent : r.numerator,
										text: kind === 'share' ? fmt(r.percent) : formatNumber(locale, r.numerator),
									}))}
									max={kind === 'share' ? 100 : Math.max(1, ...rows.map((r) => r.numerator))}
									target={kind === 'share' ? target : undefined}
									title={heading}
									summary={t('indicator.breakdown.summary', {
										count: rows.length,
										lowest: byValue[0] ? `${byValue[0].label} ${fmt(byValue[0].percent)}` : '—',
										highest: byValue.at(-1)
											? `${byValue.at(-1)!.label} ${fmt(byValue.at(-1)!.percent)}`
											: '—',
									})}
								/>
								<div className="table-scroll">
									<table>
										<caption className="visually-hidden">{heading}</caption>
										<thead>
											<tr>
												<th scope="col" aria-sort={d.sort === 'ten' ? 'ascending' : undefined}>
													<Link
														to={sortLink('ten')}
														aria-label={t('indicator.breakdown.sortBy', { column: t('indicator.col.group') })}
													>
														{t('indicator.col.group')}
													</Link>
												</th>
												<th
													scope="col"
													aria-sort={
														d.sort === 'ty-le' ? 'ascending' : d.sort === '-ty-le' ? 'descending' : undefined
													}
												>
													<Link
														to={sortLink(d.sort === 'ty-le' ? '-ty-le' : 'ty-le')}
														aria-label={t('indicator.breakdown.sortBy', { column: t('indicator.col.value') })}
													>
														{t('indicator.col.value')}
													</Link>
												</th>
												<th scope="col">{t('indicator.col.numerator')}</th>
												<th scope="col">{t('indicator.col.denominator')}</th>
												<th scope="col" aria-sort={d.sort === 'chua-dat' ? 'descending' : undefined}>
													<Link
														to={sortLink('chua-dat')}
														aria-label={t('indicator.breakdown.sortBy', {
															column: t('indicator.col.leftBehind'),
														})}
													>
														{t('indicator.col.leftBehind')}
													</Link>
												</th>
											</tr>
										</thead>
										<tbody>
											{rows.map((r) => (
												<tr key={r.key}>
													<th scope="row">{r.label}</th>
													<td>{fmt(kind === 'share' ? r.percent : r.numerator)}</td>
													<td>
														{d.canList ? (
															<Link to={listLink('dat', dimension, r.key)}>
																{formatNumber(locale, r.numerator)}
															</Link>
														) : (
															formatNumber(locale, r.numerator)
														)}
													</td>
													<td>{formatNumber(locale, r.denominator)}</td>
													<td>
														{d.canList ? (
															<Link to={listLink('chua-dat', dimension, r.key)}>
																{formatNumber(locale, r.denominator - r.numerator)}
															</Link>
														) : (
															formatNumber(locale, r.denominator - r.numerator)
														)}
													</td>
												</tr>
											))}
										</tbody>
									</table>
								</div>
							</>
						)}
					</section>
				)
			})}
		</div>
	)
}
