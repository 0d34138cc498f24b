import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { StandingBadge } from '#app/components/reports/standing-badge.tsx'
import { UnitReportForm } from '#app/components/reports/unit-report-form.tsx'
import { UnitReportHistory } from '#app/components/reports/unit-report-history.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatIsoDate } from '#app/utils/format-date.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { can, forbidden, requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { unitMayEdit, unitStanding, vietnamDay, wardMayReview } from '#server/reports/reporting-rules.ts'
import {
	UnitReportFiguresSchema,
	UnitReportSectionsSchema,
	unitReportFigureKeys,
	unitReportSectionKeys,
} from '#server/reports/unit-report-content.ts'
import { computeUnitFigures } from '#server/reports/unit-report-figures.server.ts'
import { getUnitReport, listUnitReportRevisions } from '#server/reports/unit-report-queries.server.ts'
import { loadUnitReportTarget } from '#server/reports/unit-report-target.server.ts'
import { saveUnitReport } from '#server/reports/unit-report-workflow.server.ts'
import type { Route } from './+types/report-unit'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `${data?.organization.name ?? 'Báo cáo đơn vị'} — Bình dân học vụ số` },
]

/**
 * `/bao-cao/ky/:periodId/don-vi/:organizationId`: a unit's report for a period. Its focal point fills and
 * submits it (figures pre-filled from the system); ward staff read it and return or accept it (the review
 * form posts to …/duyet); everyone allowed sees its history.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'reports.read')
	const db = context.app.db
	const { period, organization } = await loadUnitReportTarget(db, user.wardId, params)
	const target = { wardId: user.wardId, organizationIds: [organization.id] }
	if (!can(user, 'reports.read', target)) throw forbidden()
	const report = await getUnitReport(db, { periodId: period.id, organizationId: organization.id })
	const status = report?.status ?? null
	const mayEdit = can(user, 'reports.submit', target) && period.status === 'open' && unitMayEdit(status)
	const mayReview = can(user, 'reports.review', target) && period.status === 'open' && wardMayReview(status)
	// The unit editing sees today's count beside its figures; a report already in keeps what it was shown.
	const systemFigures =
		mayEdit || !report
			? await computeUnitFigures(db, { organizationId: organization.id, period })
			: report.systemFigures
	const revisions = report ? await listUnitReportRevisions(db, report.id) : []
	return {
		period,
		organization,
		report,
		standing: unitStanding(status, period.dueOn, vietnamDay()),
		systemFigures,
		mayEdit,
		mayReview,
		revisions: revisions.map(({ figures: _f, sections: _s, ...r }) => r),
		notice: new URL(request.url).searchParams.get('tb'),
	}
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'reports.submit')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const db = context.app.db
	const { period, organization } = await loadUnitReportTarget(db, user.wardId, params)
	if (!can(user, 'reports.submit', { wardId: user.wardId, organizationIds: [organization.id] }))
		throw forbidden()
	const values = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]))
	const figures = UnitReportFiguresSchema.safeParse(values)
	const sections = UnitReportSectionsSchema.safeParse(values)
	const version = z.coerce.number().int().min(0).safeParse(values.version)
	if (!figures.success || !sections.success || !version.success) {
		const errors = {
			...(figures.success ? {} : z.flattenError(figures.error).fieldErrors),
			...(sections.success ? {} : z.flattenError(sections.error).fieldErrors),
		}
		return data({ errors: mapFieldErrors(errors), values }, { status: 400 })
	}
	const submit = values.intent === 'submit'
	const outcome = await saveUnitReport(db, {
		period,
		organizationId: organization.id,
		expectedVersion: version.data,
		figures: figures.data,
		sections: sections.data,
		submit,
		actorId: user.id,
	})
	if (outcome === 'saved' || outcome === 'submitted')
		await recordAudit(db, {
			...requestAudit(context, user),
			action: outcome === 'submitted' ? 'reports.unitReportSubmitted' : 'reports.unitReportSaved',
			entityType: 'unitReport',
			entityId: `${period.id}:${organization.id}`,
			details: { periodId: period.id, organizationId: organization.id },
		})
	const notice = outcome === 'closed' ? 'closedPeriod' : outcome
	return redirect(`/bao-cao/ky/${period.id}/don-vi/${organization.id}?tb=${notice}`)
}

// zod's own messages for numbers become the one message key the form shows for a figure.
function mapFieldErrors(errors: Record<string, string[] | undefined>): Record<string, string[]> {
	const out: Record<string, string[]> = {}
	for (const [key, messages] of Object.entries(errors)) {
		if (!messages?.length) continue
		out[key] = [
			(unitReportFigureKeys as readonly string[]).includes(key)
				? 'reports.error.figure'
				: 'reports.error.section',
		]
	}
	return out
}

const notices = {
	saved: 'status',
	submitted: 'status',
	returned: 'status',
	accepted: 'status',
	conflict: 'alert',
	notEditable: 'alert',
	notReviewable: 'alert',
	closedPeriod: 'alert',
	notListed: 'alert',
	commentRequired: 'alert',
} as const

export default function ReportUnit({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { period, organization, report, standing, systemFigures, mayEdit, mayReview, revisions, notice } =
		loaderData
	const noticeRole = notice && notice in notices ? notices[notice as keyof typeof notices] : null
	const formValues = actionData?.values
		? {
				figures: actionData.values,
				sections: Object.fromEntries(unitReportSectionKeys.map((k) => [k, actionData.values[k] ?? ''])),
			}
		: { figures: report?.figures ?? systemFigures, sections: report?.sections ?? {} }
	return (
		<div className="stack">
			<p>
				<Link to={`/bao-cao/ky/${period.id}`}>← {period.label}</Link>
			</p>
			<h1>{organization.name}</h1>
			<p>{t('reports.unit.summary', { period: period.label, dueOn: formatIsoDate(period.dueOn) })}</p>
			<p>
				{t('reports.unit.state')} <StandingBadge standing={standing} />
			</p>
			{noticeRole ? (
				<p role={noticeRole}>
					{t(
						notice === 'commentRequired'
							? 'reports.error.commentRequired'
							: (`reports.notice.${notice}` as 'reports.notice.saved'),
					)}
				</p>
			) : null}
			{report?.reviewComment ? (
				<section aria-labelledby="ur-comment" className="notice">
					<h2 id="ur-comment">{t('reports.unit.reviewComment')}</h2>
					<p>{report.reviewComment}</p>
				</section>
			) : null}
			{period.status === 'closed' ? <p className="notice">{t('reports.period.closedNote')}</p> : null}
			{mayEdit ? (
				<UnitReportForm
					version={report?.version ?? 0}
					values={formValues}
					systemFigures={systemFigures}
					errors={actionData?.errors ?? null}
				/>
			) : report ? (
				<>
					<section aria-labelledby="ur-figures" className="stack">
						<h2 id="ur-figures">{t('reports.unit.figures')}</h2>
						<dl className="facts">
							{unitReportFigureKeys.map((key) => (
								<div key={key}>
									<dt>{t(`reports.figure.${key}`)}</dt>
									<dd>
										{formatNumber(locale, report.figures[key])}{' '}
										<small>
											(
											{t('reports.unit.systemValue', {
												value: formatNumber(locale, report.systemFigures[key]),
											})}
											)
										</small>
									</dd>
								</div>
							))}
						</dl>
					</section>
					{unitReportSectionKeys.map((key) => (
						<section key={key} aria-labelledby={`ur-s-${key}`} className="stack">
							<h2 id={`ur-s-${key}`}>{t(`reports.section.${key}`)}</h2>
							<p className="prewrap">{report.sections[key] || '—'}</p>
						</section>
					))}
				</>
			) : (
				<p>{t('reports.standing.notStarted')}</p>
			)}
			{mayReview && report ? (
				<section aria-labelledby="ur-review" className="stack card">
					<h2 id="ur-review">{t('reports.review.title')}</h2>
					<Form
						method="post"
						action={`/bao-cao/ky/${period.id}/don-vi/${organization.id}/duyet`}
						className="form"
					>
						<CsrfInput />
						<input type="hidden" name="version" value={report.version} />
						<div className="field">
							<label htmlFor="ur-review-comment">{t('reports.review.comment')}</label>
							<textarea id="ur-review-comment" name="comment" rows={4} maxLength={4000} />
						</div>
						<p className="actions">
							<button type="submit" name="decision" value="return" className="secondary">
								{t('reports.review.return')}
							</button>
							<button type="submit" name="decision" value="accept" className="primary">
								{t('reports.review.accept')}
							</button>
						</p>
					</Form>
				</section>
			) : null}
			<UnitReportHistory revisions={revisions} />
		</div>
	)
}
