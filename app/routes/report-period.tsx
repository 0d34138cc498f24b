import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { StandingBadge } from '#app/components/reports/standing-badge.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatDateTime, formatIsoDate } from '#app/utils/format-date.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { listOrganizerOptions } from '#server/classes/classes.server.ts'
import { can, organizationsInScope, requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { addReportUnit, removeReportUnit, setPeriodStatus } from '#server/reports/manage-periods.server.ts'
import { getReportingPeriod } from '#server/reports/periods.server.ts'
import { hasReported, vietnamDay } from '#server/reports/reporting-rules.ts'
import { listPeriodUnits } from '#server/reports/unit-report-queries.server.ts'
import type { Route } from './+types/report-period'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `${data?.period.label ?? 'Kỳ báo cáo'} — Bình dân học vụ số` },
]

const PeriodId = z.uuid()

/**
 * `/bao-cao/ky/:periodId`: the units that must report and where each report stands — those not yet
 * submitted and those overdue first counted — with the ward administrator's controls (close, list).
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'reports.read')
	const db = context.app.db
	const periodId = PeriodId.safeParse(params.periodId)
	const period = periodId.success ? await getReportingPeriod(db, user.wardId, periodId.data) : null
	if (!period) throw data(null, { status: 404 })
	const today = vietnamDay()
	const units = await listPeriodUnits(db, {
		periodId: period.id,
		dueOn: period.dueOn,
		today,
		organizationIds: organizationsInScope(user, 'reports.read'),
	})
	const manages = can(user, 'reports.manage')
	const listed = new Set(units.map((u) => u.organizationId))
	const addable = manages
		? (await listOrganizerOptions(db, user.wardId)).filter((o) => !listed.has(o.id))
		: []
	return {
		period,
		units,
		notReported: units.filter((u) => !hasReported(u.status)).length,
		overdue: units.filter((u) => u.standing === 'overdue').length,
		manages,
		addable,
		notice: new URL(request.url).searchParams.get('tb'),
	}
}

const ActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('close') }),
	z.object({ intent: z.literal('reopen') }),
	z.object({ intent: z.literal('addUnit'), organizationId: z.uuid({ error: 'reports.error.organization' }) }),
	z.object({ intent: z.literal('removeUnit'), organizationId: z.uuid() }),
])

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'reports.manage')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const db = context.app.db
	const periodId = PeriodId.safeParse(params.periodId)
	const period = periodId.success ? await getReportingPeriod(db, user.wardId, periodId.data) : null
	if (!period) throw data(null, { status: 404 })
	const parsed = ActionSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) return data({ error: 'reports.error.organization' as const }, { status: 400 })
	const audit = { ...requestAudit(context, user), entityType: 'reportingPeriod', entityId: period.id }
	const back = (notice: string) => redirect(`/bao-cao/ky/${period.id}?tb=${notice}`)
	const input = parsed.data
	if (input.intent === 'close' || input.intent === 'reopen') {
		const status = input.intent === 'close' ? 'closed' : 'open'
		if (await setPeriodStatus(db, { wardId: user.wardId, periodId: period.id, status }))
			await recordAudit(db, {
				...audit,
				action: `reports.period${input.intent === 'close' ? 'Closed' : 'Reopened'}`,
			})
		return back(status)
	}
	if (input.intent === 'addUnit') {
		const added = await addReportUnit(db, {
			wardId: user.wardId,
			periodId: period.id,
			organizationId: input.organizationId,
		})
		if (!added) return data({ error: 'reports.error.organization' as const }, { status: 400 })
		await recordAudit(db, {
			...audit,
			action: 'reports.unitAdded',
			details: { organizationId: input.organizationId },
		})
		return back('added')
	}
	const removed = await removeReportUnit(db, { periodId: period.id, organizationId: input.organizationId })
	if (removed === 'removed')
		await recordAudit(db, {
			...audit,
			action: 'reports.unitRemoved',
			details: { organizationId: input.organizationId },
		})
	return back(removed === 'hasReport' ? 'hasReport' : 'removed')
}

const notices = ['created', 'closed', 'open', 'added', 'removed', 'hasReport'] as const

export default function ReportPeriod({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { period, units, notReported, overdue, manages, addable, notice } = loaderData
	const shownNotice = notices.find((n) => n === notice)
	// Only a unit with no report yet may leave the list (a report stays on record with its unit).
	const removable = units.filter((u) => u.status === null)
	return (
		<div className="stack">
			<p>
				<Link to="/bao-cao">{t('reports.period.back')}</Link>
			</p>
			<h1>{period.label}</h1>
			<p>
				{t('reports.period.summary', {
					startsOn: formatIsoDate(period.startsOn),
					endsOn: formatIsoDate(period.endsOn),
					dueOn: formatIsoDate(period.dueOn),
				})}{' '}
				{t(`reports.periodStatus.${period.status}`)}
			</p>
			{shownNotice ? (
				<p role={shownNotice === 'hasReport' ? 'alert' : 'status'}>{t(`reports.notice.${shownNotice}`)}</p>
			) : null}
			{actionData?.error ? <p role="alert">{t(actionData.error)}</p> : null}
			{period.status === 'closed' ? <p className="notice">{t('reports.period.closedNote')}</p> : null}
			<ul className="inline-list">
				<li>{t('reports.period.notReported', { count: notReported })}</li>
				<li>
					<strong>{t('reports.period.overdue', { count: overdue })}</strong>
				</li>
			</ul>
			{units.length === 0 ? (
				<p>{t('reports.period.empty')}</p>
			) : (
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('reports.period.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('reports.col.unit')}</th>
								<th scope="col">{t('reports.col.status')}</th>
								<th scope="col">{t('reports.col.submittedAt')}</th>
							</tr>
						</thead>
						<tbody>
							{units.map((u) => (
								<tr key={u.organizationId}>
									<th scope="row">
										<Link to={`/bao-cao/ky/${period.id}/don-vi/${u.organizationId}`}>{u.name}</Link>
									</th>
									<td>
										<StandingBadge standing={u.standing} />
									</td>
									<td>{u.submittedAt ? formatDateTime(locale, u.submittedAt) : '—'}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			{manages ? (
				<section aria-labelledby="rpu-manage" className="stack">
					<h2 id="rpu-manage" className="visually-hidden">
						{t('reports.period.addUnit')}
					</h2>
					{removable.length > 0 ? (
						<details>
							<summary>{t('reports.period.remove')}</summary>
							<ul className="stack">
								{removable.map((u) => (
									<li key={u.organizationId}>
										<Form method="post" className="inline-form">
											<CsrfInput />
											<input type="hidden" name="intent" value="removeUnit" />
											<input type="hidden" name="organizationId" value={u.organizationId} />
											<span>{u.name}</span>{' '}
											<button
												type="submit"
												className="secondary"
												aria-label={t('reports.period.removeLabel', { name: u.name })}
											>
												{t('reports.period.removeButton')}
											</button>
										</Form>
									</li>
								))}
							</ul>
						</details>
					) : null}
					{addable.length > 0 ? (
						<Form method="post" className="form">
							<CsrfInput />
							<input type="hidden" name="intent" value="addUnit" />
							<div className="field">
								<label htmlFor="rpu-org">{t('reports.period.addUnit')}</label>
								<select id="rpu-org" name="organizationId">
									{addable.map((o) => (
										<option key={o.id} value={o.id}>
											{o.name}
										</option>
									))}
								</select>
							</div>
							<p className="actions">
								<button type="submit" className="secondary">
									{t('reports.period.addUnitButton')}
								</button>
							</p>
						</Form>
					) : null}
					<Form method="post">
						<CsrfInput />
						<input type="hidden" name="intent" value={period.status === 'open' ? 'close' : 'reopen'} />
						<button type="submit" className="secondary">
							{t(period.status === 'open' ? 'reports.period.close' : 'reports.period.reopen')}
						</button>
					</Form>
				</section>
			) : null}
		</div>
	)
}
