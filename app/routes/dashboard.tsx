import { Link } from 'react-router'
import { formatDay, formatIndicatorValue } from '#app/components/indicators/indicator-format.ts'
import { MonthPicker } from '#app/components/indicators/month-picker.tsx'
import { StatusBadge } from '#app/components/indicators/status-badge.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { can, requirePermission, residentialGroupsInScope } from '#server/identity/policy.server.ts'
import { loadDashboard } from '#server/indicators/dashboard.server.ts'
import type { Route } from './+types/dashboard'

export const meta: Route.MetaFunction = () => [{ title: 'Chỉ tiêu — Bình dân học vụ số' }]

/** `/chi-tieu?thang=YYYY-MM`: one tile per indicator, within the person's scope. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'indicators.read')
	const requested = new URL(request.url).searchParams.get('thang') ?? undefined
	const month = requested && /^\d{4}-(0[1-9]|1[0-2])$/.test(requested) ? requested : undefined
	const dashboard = await loadDashboard(context.app.db, { user, month })
	return {
		month: dashboard.month,
		asOf: dashboard.asOf,
		months: dashboard.months,
		current: dashboard.months[0],
		wardScope: residentialGroupsInScope(user, 'indicators.read') === 'all',
		canList: can(user, 'people.read'),
		canEdit: can(user, 'indicators.manage'),
		tiles: dashboard.indicators.map((i) => ({
			code: i.definition.code,
			name: i.definition.name,
			explanation: i.definition.explanation,
			target: i.definition.spec.target,
			models: i.definition.spec.subject === 'pilotModels',
			numerator: i.value.numerator,
			denominator: i.value.denominator,
			progress: i.progress,
			previous: i.previous,
		})),
	}
}

export default function DashboardPage({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { tiles, months, month, current } = loaderData
	const query = month === current ? '' : `?thang=${month}`
	return (
		<div className="stack">
			<h1>{t('dashboard.title')}</h1>
			<p>{t('dashboard.intro')}</p>
			<p>{loaderData.wardScope ? t('dashboard.scope.ward') : t('dashboard.scope.limited')}</p>
			<MonthPicker months={months} month={month} current={current} />
			<p>{t('dashboard.asOf', { date: formatDay(loaderData.asOf) })}</p>
			{loaderData.canEdit ? (
				<p>
					<Link to="/quan-tri/chi-tieu/moi">{t('indicatorAdmin.add')}</Link>
				</p>
			) : null}
			{tiles.length === 0 ? <p>{t('dashboard.empty')}</p> : null}
			<ul className="card-grid indicator-tiles">
				{tiles.map((tile) => {
					const kind = tile.target.kind
					const target = kind === 'share' ? tile.target.percent : tile.target.value
					let change: string | null = null
					if (tile.previous && tile.progress.value !== null && tile.previous.value !== null) {
						const diff = Math.round((tile.progress.value - tile.previous.value) * 10) / 10
						change = t(kind === 'share' ? 'dashboard.change.points' : 'dashboard.change.count', {
							sign: diff > 0 ? '+' : '',
							value: formatNumber(locale, diff),
						})
					}
					return (
						<li key={tile.code} className="card indicator-tile" data-indicator={tile.code}>
							<h2>
								<span className="muted">{t('dashboard.tile.code', { code: tile.code })}</span>
								<br />
								<Link to={`/chi-tieu/${tile.code}${query}`}>{tile.name}</Link>
							</h2>
							<p>
								<span className="indicator-value" data-testid="indicator-value">
									{formatIndicatorValue(locale, tile.progress.value, kind)}
								</span>
								<span data-testid="indicator-counts">
									{kind === 'share'
										? t('dashboard.tile.ratio', {
												numerator: formatNumber(locale, tile.numerator),
												denominator: formatNumber(locale, tile.denominator),
											})
										: t(tile.models ? 'dashboard.tile.models' : 'dashboard.tile.count', {
												numerator: formatNumber(locale, tile.numerator),
											})}
								</span>
							</p>
							<p>
								<StatusBadge status={tile.progress.status} />
							</p>
							<p>
								{t('dashboard.tile.target', { target: formatIndicatorValue(locale, target, kind) })}
								<br />
								<span className="hint">
									{t('dashboard.tile.expected', {
										expected: formatIndicatorValue(locale, tile.progress.expected, kind),
									})}
								</span>
							</p>
							<p>{change ? t('dashboard.tile.change', { change }) : t('dashboard.tile.noPrevious')}</p>
							{loaderData.canList && !tile.models ? (
								<p>
									<Link to={`/chi-tieu/${tile.code}/danh-sach?nhom=dat${query ? `&thang=${month}` : ''}`}>
										{t('dashboard.tile.reached')}
									</Link>{' '}
									·{' '}
									<Link
										to={`/chi-tieu/${tile.code}/danh-sach?nhom=chua-dat${query ? `&thang=${month}` : ''}`}
									>
										{t('dashboard.tile.leftBehind')}
									</Link>
								</p>
							) : null}
						</li>
					)
				})}
			</ul>
		</div>
	)
}
