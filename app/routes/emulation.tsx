import { Form, Link } from 'react-router'
import { RankingTable } from '#app/components/emulation/ranking-table.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { formatDateTime, formatIsoDate } from '#app/utils/format-date.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import type { EmulationSubject } from '#server/emulation/criterion-rules.ts'
import { defaultPeriod, parseSort, parseSubject, subjectParam } from '#server/emulation/emulation-params.ts'
import { readRanking, rowsInScope } from '#server/emulation/rankings.server.ts'
import { sortRanking } from '#server/emulation/scoring.ts'
import { can, organizationsInScope, requirePermission } from '#server/identity/policy.server.ts'
import { listReportingPeriods } from '#server/reports/periods.server.ts'
import type { Route } from './+types/emulation'

export const meta: Route.MetaFunction = () => [{ title: 'Thi đua, khen thưởng — Bình dân học vụ số' }]
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

/**
 * `/thi-dua?ky=&doiTuong=don-vi|ca-nhan&sx=`: a period's ranking of units or individuals. Ward staff see
 * everyone; a focal point their unit and its members (with their rank in the whole ward). A closed period
 * is shown from its frozen record (frozen on the first read after closing).
 */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'emulation.read')
	const db = context.app.db
	const url = new URL(request.url)
	const subject = parseSubject(url.searchParams.get('doiTuong'))
	const periods = await listReportingPeriods(db, user.wardId)
	const asked = url.searchParams.get('ky')
	const period = periods.find((p) => p.id === asked) ?? defaultPeriod(periods)
	const manages = can(user, 'emulation.manage')
	const common = {
		periods: periods.map((p) => ({ id: p.id, label: p.label })),
		subject,
		manages,
		seesFigures: can(user, 'indicators.read'),
	}
	if (!period) return { ...common, period: null, ranking: null }
	const ranking = await readRanking(db, { period, subject, by: user.id })
	if (ranking.frozenNow)
		await recordAudit(db, {
			...requestAudit(context, user),
			action: 'emulation.scoresFrozen',
			entityType: 'reportingPeriod',
			entityId: period.id,
			details: { subject, rows: ranking.rows.length },
		})
	const organizations = organizationsInScope(user, 'emulation.read')
	const visible = await rowsInScope(db, { subject, rows: ranking.rows, organizations })
	const sort = parseSort(url.searchParams.get('sx'), ranking.criteria)
	return {
		...common,
		period: { id: period.id, label: period.label, startsOn: period.startsOn, endsOn: period.endsOn },
		ranking: {
			criteria: ranking.criteria.map((c) => ({
				id: c.id,
				code: c.code,
				title: c.title,
				weight: c.weight,
				maxPoints: c.maxPoints,
				kind: c.rule.kind,
			})),
			rows: sortRanking(visible, sort.sort, sort.descending),
			maxTotal: ranking.maxTotal,
			frozenAt: ranking.frozenAt,
			sort: sort.param,
			scoped: organizations !== 'all',
			/** How many are ranked in the whole ward (a focal point sees "rank 3 of 35"). */
			rankedCount: ranking.rows.length,
		},
	}
}

export default function Emulation({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { periods, period, ranking, subject, manages } = loaderData
	const query = (changes: Record<string, string>) => {
		const params = new URLSearchParams({
			...(period ? { ky: period.id } : {}),
			doiTuong: subjectParam[subject],
			...changes,
		})
		return `/thi-dua?${params}`
	}
	const subjects: EmulationSubject[] = ['unit', 'individual']
	return (
		<div className="stack">
			<h1>{t('emulation.title')}</h1>
			<p>{t('emulation.intro')}</p>
			{periods.length === 0 || !period ? (
				<p>{t('emulation.period.none')}</p>
			) : (
				<>
					<Form method="get" className="inline-form">
						<input type="hidden" name="doiTuong" value={subjectParam[subject]} />
						<div className="field">
							<label htmlFor="em-period">{t('emulation.period.label')}</label>
							<select id="em-period" name="ky" defaultValue={period.id}>
								{periods.map((p) => (
									<option key={p.id} value={p.id}>
										{p.label}
									</option>
								))}
							</select>
						</div>
						<button type="submit" className="secondary">
							{t('emulation.period.choose')}
						</button>
					</Form>
					<p>
						{t('emulation.period.range', {
							from: formatIsoDate(period.startsOn),
							to: formatIsoDate(period.endsOn),
						})}
						{' — '}
						{ranking?.frozenAt
							? t('emulation.status.frozen', { at: formatDateTime(locale, ranking.frozenAt) })
							: t('emulation.status.open')}
					</p>
					<nav aria-label={t('emulation.subjectTabs')}>
						<ul className="inline-list">
							{subjects.map((s) => (
								<li key={s}>
									<Link
										to={query({ doiTuong: subjectParam[s] })}
										aria-current={s === subject ? 'page' : undefined}
									>
										{t(`emulation.subject.${s}` as MessageKey)}
									</Link>
								</li>
							))}
						</ul>
					</nav>
					{manages || loaderData.seesFigures ? (
						<ul className="inline-list">
							{manages ? (
								<>
									<li>
										<Link to={`/thi-dua/${period.id}/tieu-chi?doiTuong=${subjectParam[subject]}`}>
											{t('emulation.link.criteria')}
										</Link>
									</li>
									<li>
										<Link to={`/thi-dua/${period.id}/khen-thuong`}>{t('emulation.link.commendations')}</Link>
									</li>
								</>
							) : null}
							{loaderData.seesFigures ? (
								<li>
									<Link to="/tiep-can/thi-dua">{t('emulation.link.volunteerFigures')}</Link>
								</li>
							) : null}
						</ul>
					) : null}
					{ranking && ranking.criteria.length === 0 ? (
						<p>
							{t('emulation.noCriteria', {
								subject: t(`emulation.subject.${subject}` as MessageKey).toLowerCase(),
							})}
						</p>
					) : null}
					{ranking && ranking.criteria.length > 0 ? (
						<>
							{ranking.scoped ? <p>{t('emulation.scopeNote')}</p> : null}
							{ranking.scoped && ranking.rows.length > 0 && ranking.rows.length <= 5 ? (
								<ul className="stack">
									{ranking.rows.map((row) => (
										<li key={row.subjectId}>
											{t('emulation.yourRank', {
												name: row.name,
												rank: row.rank,
												count: ranking.rankedCount,
												total: formatNumber(locale, row.total),
												max: formatNumber(locale, ranking.maxTotal),
											})}
										</li>
									))}
								</ul>
							) : null}
							{ranking.rows.length === 0 ? (
								<p>{t('emulation.empty')}</p>
							) : (
								<RankingTable
									caption={t('emulation.ranking.caption', {
										subject: t(`emulation.subject.${subject}` as MessageKey).toLowerCase(),
										period: period.label,
									})}
									criteria={ranking.criteria}
									rows={ranking.rows}
									maxTotal={ranking.maxTotal}
									sort={ranking.sort}
									sortHref={(sx) => query({ sx })}
									detailLabel={subject === 'unit' ? (kind) => t(`org.kind.${kind}` as MessageKey) : undefined}
									proposeHref={
										manages
											? (row) =>
													`/thi-dua/${period.id}/khen-thuong?${new URLSearchParams({ doiTuong: subjectParam[subject], chon: row.subjectId })}`
											: undefined
									}
								/>
							)}
						</>
					) : null}
				</>
			)}
		</div>
	)
}
