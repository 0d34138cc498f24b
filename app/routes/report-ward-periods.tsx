import { Link } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatIsoDate } from '#app/utils/format-date.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { listReportingPeriods } from '#server/reports/periods.server.ts'
import type { Route } from './+types/report-ward-periods'

export const meta: Route.MetaFunction = () => [{ title: 'Báo cáo tổng hợp của phường — Bình dân học vụ số' }]

/** `/bao-cao/phuong`: the ward's reporting periods, each opening its consolidated report. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'reports.consolidate')
	const periods = await listReportingPeriods(context.app.db, user.wardId)
	return { periods: periods.map((p) => ({ id: p.id, label: p.label, dueOn: p.dueOn, status: p.status })) }
}

export default function ReportWardPeriods({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	return (
		<div className="stack">
			<h1>{t('reportWard.title')}</h1>
			<p>{t('reportWard.intro')}</p>
			{loaderData.periods.length === 0 ? (
				<p>{t('reportWard.noPeriods')}</p>
			) : (
				<ul className="stack">
					{loaderData.periods.map((period) => (
						<li key={period.id}>
							<Link to={`/bao-cao/phuong/${period.id}`}>{period.label}</Link>
							<br />
							<small>
								{t('reportWard.periodDue', { date: formatIsoDate(period.dueOn) })}
								{period.status === 'closed' ? ` · ${t('reportWard.periodClosed')}` : ''}
							</small>
						</li>
					))}
				</ul>
			)}
		</div>
	)
}
