import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { StandingBadge } from '#app/components/reports/standing-badge.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { formatIsoDate } from '#app/utils/format-date.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { can, organizationsInScope, requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { createReportingPeriod } from '#server/reports/manage-periods.server.ts'
import { PeriodFormSchema, ScheduleFormSchema } from '#server/reports/period-form.ts'
import { listReportingPeriods } from '#server/reports/periods.server.ts'
import { proposedPeriod, vietnamDay } from '#server/reports/reporting-rules.ts'
import { getReportingSchedule, saveReportingSchedule } from '#server/reports/reporting-schedule.server.ts'
import { listPeriodUnits, summarisePeriods } from '#server/reports/unit-report-queries.server.ts'
import type { Route } from './+types/report-periods'

export const meta: Route.MetaFunction = () => [{ title: 'Báo cáo đơn vị — Bình dân học vụ số' }]

/**
 * `/bao-cao`: the ward's reporting periods with each one's progress (ward staff), or the periods of the
 * focal point's own units with their report's state; ward administrators open periods and set due days.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'reports.read')
	const db = context.app.db
	const today = vietnamDay()
	const periods = await listReportingPeriods(db, user.wardId)
	const scope = organizationsInScope(user, 'reports.read')
	const manages = can(user, 'reports.manage')
	const notice = new URL(request.url).searchParams.get('tb')
	if (scope !== 'all') {
		const mine = await Promise.all(
			periods.map(async (period) => ({
				period,
				units: await listPeriodUnits(db, {
					periodId: period.id,
					dueOn: period.dueOn,
					today,
					organizationIds: scope,
				}),
			})),
		)
		return { view: 'unit' as const, mine: mine.filter((m) => m.units.length > 0), notice }
	}
	const summaries = await summarisePeriods(db, user.wardId)
	const schedule = await getReportingSchedule(db, user.wardId)
	const year = Number(today.slice(0, 4))
	return {
		view: 'ward' as const,
		periods: periods.map((period) => ({
			...period,
			summary: summaries.get(period.id) ?? { units: 0, submitted: 0, accepted: 0, returned: 0 },
		})),
		manages,
		schedule,
		proposal: { kind: 'annual' as const, year, ...proposedPeriod('annual', year, schedule.annual) },
		notice,
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'reports.manage')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const db = context.app.db
	const values = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]))
	const audit = requestAudit(context, user)
	if (values.intent === 'schedule') {
		const parsed = ScheduleFormSchema.safeParse(values)
		if (!parsed.success)
			return data(
				{ form: 'schedule' as const, errors: z.flattenError(parsed.error).fieldErrors, values },
				{ status: 400 },
			)
		await saveReportingSchedule(db, user.wardId, parsed.data)
		await recordAudit(db, {
			...audit,
			action: 'reports.scheduleSaved',
			entityType: 'ward',
			entityId: user.wardId,
		})
		return redirect('/bao-cao?tb=scheduleSaved')
	}
	const parsed = PeriodFormSchema.safeParse(values)
	if (!parsed.success)
		return data(
			{ form: 'period' as const, errors: z.flattenError(parsed.error).fieldErrors, values },
			{ status: 400 },
		)
	const created = await createReportingPeriod(db, { wardId: user.wardId, form: parsed.data, by: user.id })
	if (!created.ok)
		return data(
			{
				form: 'period' as const,
				errors: { kind: ['reports.error.duplicate'] } as Record<string, string[]>,
				values,
			},
			{ status: 400 },
		)
	await recordAudit(db, {
		...audit,
		action: 'reports.periodCreated',
		entityType: 'reportingPeriod',
		entityId: created.id,
		details: { kind: parsed.data.kind, year: parsed.data.year, dueOn: parsed.data.dueOn },
	})
	return redirect(`/bao-cao/ky/${created.id}?tb=created`)
}

type Errors = Record<string, string[] | undefined> | undefined

function FieldError({ id, errors, name }: { id: string; errors: Errors; name: string }) {
	const { t } = useTranslate()
	const message = errors?.[name]?.[0]
	return message ? (
		<p className="field-error" id={`${id}-error`}>
			{t(message as MessageKey)}
		</p>
	) : null
}

const invalid = (errors: Errors, name: string, id: string) =>
	errors?.[name] ? { 'aria-invalid': true as const, 'aria-describedby': `${id}-error` } : {}

export default function ReportPeriods({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	if (loaderData.view === 'unit') {
		return (
			<div className="stack">
				<h1>{t('reports.mine.title')}</h1>
				<p>{t('reports.intro')}</p>
				{loaderData.mine.length === 0 ? <p>{t('reports.mine.empty')}</p> : null}
				{loaderData.mine.map(({ period, units }) => (
					<section key={period.id} aria-labelledby={`p-${period.id}`} className="card stack">
						<h2 id={`p-${period.id}`}>{period.label}</h2>
						<p>
							{t('reports.col.due')}: {formatIsoDate(period.dueOn)} ·{' '}
							{t(`reports.periodStatus.${period.status}`)}
						</p>
						<ul className="stack">
							{units.map((unit) => (
								<li key={unit.organizationId}>
									<Link to={`/bao-cao/ky/${period.id}/don-vi/${unit.organizationId}`}>{unit.name}</Link>{' '}
									<StandingBadge standing={unit.standing} />
								</li>
							))}
						</ul>
					</section>
				))}
			</div>
		)
	}
	const { periods, manages, schedule, proposal, notice } = loaderData
	const periodErrors = actionData?.form === 'period' ? actionData.errors : undefined
	const scheduleErrors = actionData?.form === 'schedule' ? actionData.errors : undefined
	const periodValues = actionData?.form === 'period' ? actionData.values : proposal
	const scheduleValues =
		actionData?.form === 'schedule'
			? actionData.values
			: {
					semiannual: `${schedule.semiannual.day}/${schedule.semiannual.month}`,
					annual: `${schedule.annual.day}/${schedule.annual.month}`,
				}
	return (
		<div className="stack">
			<h1>{t('reports.title')}</h1>
			<p>{t('reports.intro')}</p>
			{notice === 'scheduleSaved' ? <p role="status">{t('reports.notice.scheduleSaved')}</p> : null}
			{periods.length === 0 ? (
				<p>{t('reports.periods.empty')}</p>
			) : (
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('reports.periods.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('reports.col.period')}</th>
								<th scope="col">{t('reports.col.due')}</th>
								<th scope="col">{t('reports.col.progress')}</th>
							</tr>
						</thead>
						<tbody>
							{periods.map((p) => (
								<tr key={p.id}>
									<th scope="row">
										<Link to={`/bao-cao/ky/${p.id}`}>{p.label}</Link>
										<br />
										<small>
											{t(`reports.kind.${p.kind}`)} · {t(`reports.periodStatus.${p.status}`)}
										</small>
									</th>
									<td>{formatIsoDate(p.dueOn)}</td>
									<td>{t('reports.progress', p.summary)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			{manages ? (
				<>
					<p>
						<Link to="/bao-cao/hop-thu-di">{t('reports.outbox.link')}</Link>
					</p>
					<section aria-labelledby="rp-new" className="stack">
						<h2 id="rp-new">{t('reports.new.title')}</h2>
						<p className="hint">{t('reports.new.hint')}</p>
						<Form method="post" className="form">
							<CsrfInput />
							<input type="hidden" name="intent" value="period" />
							<div className="field">
								<label htmlFor="rp-kind">{t('reports.new.kind')}</label>
								<select
									id="rp-kind"
									name="kind"
									defaultValue={periodValues.kind}
									{...invalid(periodErrors, 'kind', 'rp-kind')}
								>
									{(['semiannual', 'annual', 'adhoc'] as const).map((k) => (
										<option key={k} value={k}>
											{t(`reports.kind.${k}`)}
										</option>
									))}
								</select>
								<FieldError id="rp-kind" errors={periodErrors} name="kind" />
							</div>
							{(
								[
									['year', 'number'],
									['label', 'text'],
									['startsOn', 'date'],
									['endsOn', 'date'],
									['dueOn', 'date'],
								] as const
							).map(([name, type]) => (
								<div className="field" key={name}>
									<label htmlFor={`rp-${name}`}>{t(`reports.new.${name}`)}</label>
									<input
										id={`rp-${name}`}
										name={name}
										type={type}
										required
										defaultValue={String(periodValues[name] ?? '')}
										{...invalid(periodErrors, name, `rp-${name}`)}
									/>
									<FieldError id={`rp-${name}`} errors={periodErrors} name={name} />
								</div>
							))}
							<p className="actions">
								<button type="submit" className="primary">
									{t('reports.new.submit')}
								</button>
							</p>
						</Form>
					</section>
					<section aria-labelledby="rp-schedule" className="stack">
						<h2 id="rp-schedule">{t('reports.schedule.title')}</h2>
						<p className="hint">{t('reports.schedule.hint')}</p>
						<Form method="post" className="form">
							<CsrfInput />
							<input type="hidden" name="intent" value="schedule" />
							{(['semiannual', 'annual'] as const).map((kind) => (
								<div className="field" key={kind}>
									<label htmlFor={`rs-${kind}`}>{t(`reports.schedule.${kind}`)}</label>
									<input
										id={`rs-${kind}`}
										name={kind}
										inputMode="numeric"
										required
										defaultValue={scheduleValues[kind]}
										{...invalid(scheduleErrors, kind, `rs-${kind}`)}
									/>
									<FieldError id={`rs-${kind}`} errors={scheduleErrors} name={kind} />
								</div>
							))}
							<p className="actions">
								<button type="submit" className="secondary">
									{t('reports.schedule.save')}
								</button>
							</p>
						</Form>
					</section>
				</>
			) : null}
		</div>
	)
}
