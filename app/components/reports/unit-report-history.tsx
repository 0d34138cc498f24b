import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatDateTime } from '#app/utils/format-date.ts'
import type { UnitReportRevisionItem } from '#server/reports/unit-report-queries.server.ts'

/** Every recorded state of a unit report, newest first (the history is append-only). */
export function UnitReportHistory({
	revisions,
}: {
	revisions: Omit<UnitReportRevisionItem, 'figures' | 'sections'>[]
}) {
	const { t, locale } = useTranslate()
	return (
		<section aria-labelledby="ur-history" className="stack">
			<h2 id="ur-history">{t('reports.unit.history')}</h2>
			{revisions.length === 0 ? (
				<p>{t('reports.unit.historyEmpty')}</p>
			) : (
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('reports.unit.historyCaption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('reports.unit.col.version')}</th>
								<th scope="col">{t('reports.unit.col.action')}</th>
								<th scope="col">{t('reports.unit.col.comment')}</th>
							</tr>
						</thead>
						<tbody>
							{revisions.map((r) => (
								<tr key={r.version}>
									<th scope="row">{r.version}</th>
									<td>
										{t(`reports.action.${r.action}`)}
										<br />
										<small>
											{formatDateTime(locale, r.createdAt)} · {r.actor ?? t('reports.unit.system')}
										</small>
									</td>
									<td>{r.comment ?? ''}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</section>
	)
}
