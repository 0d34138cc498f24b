import { Fragment } from 'react'
import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import type { MessageKey } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatDateTime, formatIsoDate } from '#app/utils/format-date.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { findSoffice } from '#server/reports/documents/convert-docx-to-pdf.server.ts'
import {
	contentOf,
	ensureWardReportDraft,
	loadWardReport,
	loadWardReportRevision,
	saveWardReport,
} from '#server/reports/ward-report.server.ts'
import {
	parseWardReportForm,
	type WardReportContent,
	WardReportFormSchema,
	wardReportSectionKeys,
} from '#server/reports/ward-report-content.ts'
import { formatCount, formatPercent } from '#server/reports/ward-report-draft-text.ts'
import type { Route } from './+types/report-ward'

export const meta: Route.MetaFunction = () => [{ title: 'Báo cáo tổng hợp của phường — Bình dân học vụ số' }]

/** `/bao-cao/phuong/:periodId`: the consolidated report of a period — figures, text to edit, downloads. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'reports.consolidate')
	const view = await loadWardReport(context.app.db, { wardId: user.wardId, periodId: params.periodId })
	if (!view) throw data(null, { status: 404 })
	// `?phienBan=N`: an earlier saved version shown read-only beside the form.
	const asked = new URL(request.url).searchParams.get('phienBan')
	let revision = null
	if (asked !== null) {
		const version = z.coerce.number().int().min(1).max(1_000_000).safeParse(asked)
		const found =
			version.success && view.report
				? await loadWardReportRevision(context.app.db, {
						wardReportId: view.report.id,
						version: version.data,
					})
				: null
		if (!found) throw data(null, { status: 404 })
		revision = { ...found, savedAt: found.savedAt.toISOString() }
	}
	return {
		period: { id: view.period.id, label: view.period.label },
		month: view.info.closingMonth,
		figures: view.figures && {
			asOf: view.figures.asOf,
			rows: view.figures.indicators.map((f) => ({
				code: f.code,
				name: f.name,
				reached:
					f.denominator === null
						? formatCount(f.numerator)
						: `${formatCount(f.numerator)}/${formatCount(f.denominator)}`,
				percent: formatPercent(f.percent),
				target: f.targetText,
				status: f.status,
			})),
		},
		units: { accepted: view.units.length, due: view.unitsDue },
		stored: view.report && { version: view.report.version, updatedAt: view.report.updatedAt.toISOString() },
		content: contentOf(view),
		revisions: view.revisions.map((r) => ({ ...r, savedAt: r.savedAt.toISOString() })),
		pdfAvailable: (await findSoffice()) !== null,
		revision,
	}
}

function formValues(formData: FormData) {
	const get = (name: string) => String(formData.get(name) ?? '')
	return {
		version: get('version'),
		number: get('number'),
		reportDate: get('reportDate'),
		summary: get('summary'),
		sections: Object.fromEntries(wardReportSectionKeys.map((k) => [k, get(`sections.${k}`)])),
		recipients: get('recipients'),
		signers: {
			party: { title: get('signers.party.title'), name: get('signers.party.name') },
			state: { title: get('signers.state.title'), name: get('signers.state.name') },
		},
	}
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'reports.consolidate')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const posted = WardReportFormSchema.safeParse(formValues(formData))
	if (!posted.success) throw data(null, { status: 400 })
	const parsed = parseWardReportForm(posted.data)
	const values = posted.data
	if (!parsed.ok) return data({ notice: 'invalid' as const, errors: parsed.errors, values }, { status: 400 })
	const audit = requestAudit(context, user)
	const where = { wardId: user.wardId, periodId: params.periodId }
	let version = posted.data.version
	if (version === 0) {
		// First save: the draft is stored (v1, as written from the data), then this edit becomes v2.
		const created = await ensureWardReportDraft(context.app.db, { ...where, audit })
		if (created === 'notFound') throw data(null, { status: 404 })
		if (created === 'exists')
			return data({ notice: 'conflict' as const, errors: {}, values }, { status: 409 })
		version = 1
	}
	const saved = await saveWardReport(context.app.db, { ...where, version, content: parsed.content, audit })
	if (saved.outcome === 'notFound') throw data(null, { status: 404 })
	if (saved.outcome === 'conflict')
		return data({ notice: 'conflict' as const, errors: {}, values }, { status: 409 })
	return redirect(`/bao-cao/phuong/${params.periodId}?daLuu=${saved.version}`)
}

function Field({
	name,
	label,
	hint,
	error,
	children,
}: {
	name: string
	label: string
	hint?: string
	error?: string
	children: (props: {
		id: string
		name: string
		'aria-describedby'?: string
		'aria-invalid'?: true
	}) => React.ReactNode
}) {
	const { t } = useTranslate()
	const id = `f-${name.replace(/\./g, '-')}`
	const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ')
	return (
		<div className="field">
			<label htmlFor={id}>{label}</label>
			{hint ? (
				<p className="hint" id={`${id}-hint`}>
					{hint}
				</p>
			) : null}
			{children({
				id,
				name,
				'aria-describedby': described || undefined,
				'aria-invalid': error ? true : undefined,
			})}
			{error ? (
				<p className="field-error" id={`${id}-error`}>
					{t(error as MessageKey)}
				</p>
			) : null}
		</div>
	)
}

export default function ReportWard({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const [search] = useSearchParams()
	const { period, figures, units, stored, revisions, pdfAvailable, revision } = loaderData
	// After a refused post, the form shows what was typed, not the stored text: nothing typed is lost.
	const posted = actionData?.values
	const content: WardReportContent = posted
		? {
				number: posted.number,
				reportDate: posted.reportDate || null,
				summary: posted.summary,
				sections: Object.fromEntries(
					wardReportSectionKeys.map((k) => [k, posted.sections[k] ?? '']),
				) as WardReportContent['sections'],
				recipients: posted.recipients.split(/\r?\n/),
				signers: posted.signers,
			}
		: loaderData.content
	const errors: Record<string, string> = actionData?.errors ?? {}
	const [y, m] = loaderData.month.split('-')
	const month = `${Number(m)}/${y}`
	const savedVersion = search.get('daLuu')
	const base = `/bao-cao/phuong/${period.id}`
	return (
		<div className="stack">
			<p>
				<Link to="/bao-cao/phuong">← {t('reportWard.back')}</Link>
			</p>
			<h1>{t('reportWard.heading', { label: period.label })}</h1>
			{savedVersion && !actionData ? (
				<p role="status">{t('reportWard.form.saved', { version: savedVersion })}</p>
			) : null}
			{actionData?.notice === 'conflict' ? <p role="alert">{t('reportWard.form.conflict')}</p> : null}
			{actionData?.notice === 'invalid' ? <p role="alert">{t('reportWard.form.invalid')}</p> : null}
			<p>
				{figures
					? t('reportWard.figuresFrom', { month, asOf: formatIsoDate(figures.asOf) })
					: t('reportWard.noFigures', { month })}{' '}
				{t('reportWard.units', { accepted: units.accepted, due: units.due })}
			</p>
			<p>
				{stored
					? t('reportWard.stored', {
							version: stored.version,
							time: formatDateTime(locale, stored.updatedAt),
						})
					: t('reportWard.notStored')}
			</p>

			<section aria-labelledby="downloads">
				<h2 id="downloads">{t('reportWard.downloads')}</h2>
				<ul>
					<li>
						<a href={`${base}/dang.docx`} download>
							{t('reportWard.download.partyDocx')}
						</a>
					</li>
					<li>
						<a href={`${base}/chinh-quyen.docx`} download>
							{t('reportWard.download.stateDocx')}
						</a>
					</li>
					<li>
						{figures ? (
							<a href={`${base}/phu-luc.xlsx`} download>
								{t('reportWard.download.xlsx')}
							</a>
						) : (
							t('reportWard.xlsxUnavailable')
						)}
					</li>
					{pdfAvailable ? (
						<>
							<li>
								<a href={`${base}/dang.pdf`} download>
									{t('reportWard.download.partyPdf')}
								</a>
							</li>
							<li>
								<a href={`${base}/chinh-quyen.pdf`} download>
									{t('reportWard.download.statePdf')}
								</a>
							</li>
						</>
					) : (
						<li>{t('reportWard.pdfUnavailable')}</li>
					)}
				</ul>
			</section>

			{figures ? (
				<section aria-labelledby="figures">
					<h2 id="figures">{t('reportWard.figures.title')}</h2>
					<div className="table-scroll">
						<table>
							<thead>
								<tr>
									<th scope="col">{t('reportWard.figures.code')}</th>
									<th scope="col">{t('reportWard.figures.name')}</th>
									<th scope="col">{t('reportWard.figures.reached')}</th>
									<th scope="col">{t('reportWard.figures.percent')}</th>
									<th scope="col">{t('reportWard.figures.target')}</th>
									<th scope="col">{t('reportWard.figures.status')}</th>
								</tr>
							</thead>
							<tbody>
								{figures.rows.map((row) => (
									<tr key={row.code}>
										<th scope="row">{row.code}</th>
										<td>{row.name}</td>
										<td className="number">{row.reached}</td>
										<td className="number">{row.percent}</td>
										<td>{row.target}</td>
										<td>{t(`reportWard.status.${row.status}` as MessageKey)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</section>
			) : null}

			<section aria-labelledby="text">
				<h2 id="text">{t('reportWard.form.title')}</h2>
				<Form method="post" className="form" key={stored?.version ?? 0}>
					<CsrfInput />
					<input type="hidden" name="version" value={stored?.version ?? 0} />
					<Field
						name="number"
						label={t('reportWard.form.number')}
						hint={t('reportWard.form.numberHint')}
						error={errors.number}
					>
						{(props) => (
							<input {...props} defaultValue={content.number} inputMode="numeric" autoComplete="off" />
						)}
					</Field>
					<Field
						name="reportDate"
						label={t('reportWard.form.date')}
						hint={t('reportWard.form.dateHint')}
						error={errors.reportDate}
					>
						{(props) => <input {...props} type="date" defaultValue={content.reportDate ?? ''} />}
					</Field>
					<Field name="summary" label={t('reportWard.form.summary')} error={errors.summary}>
						{(props) => <textarea {...props} rows={2} defaultValue={content.summary} />}
					</Field>
					{wardReportSectionKeys.map((key) => (
						<Field
							key={key}
							name={`sections.${key}`}
							label={t(`reportWard.form.section.${key}` as MessageKey)}
							error={errors[`sections.${key}`]}
						>
							{(props) => <textarea {...props} rows={8} defaultValue={content.sections[key]} />}
						</Field>
					))}
					<Field
						name="recipients"
						label={t('reportWard.form.recipients')}
						hint={t('reportWard.form.recipientsHint')}
						error={errors.recipients}
					>
						{(props) => <textarea {...props} rows={6} defaultValue={content.recipients.join('\n')} />}
					</Field>
					{(['party', 'state'] as const).map((format) => (
						<fieldset key={format}>
							<legend>
								{t(format === 'party' ? 'reportWard.form.partySigner' : 'reportWard.form.stateSigner')}
							</legend>
							<Field
								name={`signers.${format}.title`}
								label={t('reportWard.form.signerTitle')}
								error={errors[`signers.${format}.title`]}
							>
								{(props) => <input {...props} defaultValue={content.signers[format].title} />}
							</Field>
							<Field
								name={`signers.${format}.name`}
								label={t('reportWard.form.signerName')}
								error={errors[`signers.${format}.name`]}
							>
								{(props) => (
									<input {...props} defaultValue={content.signers[format].name} autoComplete="off" />
								)}
							</Field>
						</fieldset>
					))}
					<p className="actions">
						<button type="submit" className="primary">
							{t('reportWard.form.save')}
						</button>
					</p>
				</Form>
			</section>

			{revisions.length > 0 ? (
				<section aria-labelledby="history">
					<h2 id="history">{t('reportWard.history.title')}</h2>
					<ul>
						{revisions.map((r) => (
							<li key={r.version}>
								{t('reportWard.history.item', {
									version: r.version,
									time: formatDateTime(locale, r.savedAt),
									by: r.savedBy ?? '—',
								})}{' '}
								{revision?.version === r.version ? null : (
									<Link to={`${base}?phienBan=${r.version}#phien-ban`} preventScrollReset={false}>
										{t('reportWard.history.view', { version: r.version })}
									</Link>
								)}
							</li>
						))}
					</ul>
				</section>
			) : null}
			{revision ? (
				<section aria-labelledby="phien-ban" className="preview">
					<h2 id="phien-ban" tabIndex={-1}>
						{t('reportWard.revision.title', {
							version: revision.version,
							time: formatDateTime(locale, revision.savedAt),
							by: revision.savedBy ?? '—',
						})}
					</h2>
					<p className="hint">{t('reportWard.revision.hint')}</p>
					<dl className="facts facts--stacked">
						<dt>{t('reportWard.form.number')}</dt>
						<dd>{revision.content.number || '—'}</dd>
						<dt>{t('reportWard.form.date')}</dt>
						<dd>{revision.content.reportDate ? formatIsoDate(revision.content.reportDate) : '—'}</dd>
						<dt>{t('reportWard.form.summary')}</dt>
						<dd>{revision.content.summary}</dd>
						{wardReportSectionKeys.map((key) => (
							<Fragment key={key}>
								<dt>{t(`reportWard.form.section.${key}` as MessageKey)}</dt>
								<dd className="prewrap">{revision.content.sections[key] || '—'}</dd>
							</Fragment>
						))}
						<dt>{t('reportWard.form.recipients')}</dt>
						<dd className="prewrap">{revision.content.recipients.join('\n') || '—'}</dd>
						<dt>{t('reportWard.form.partySigner')}</dt>
						<dd>
							{revision.content.signers.party.title} — {revision.content.signers.party.name || '—'}
						</dd>
						<dt>{t('reportWard.form.stateSigner')}</dt>
						<dd>
							{revision.content.signers.state.title} — {revision.content.signers.state.name || '—'}
						</dd>
					</dl>
					<p>
						<Link to={base}>{t('reportWard.revision.close')}</Link>
					</p>
				</section>
			) : null}
		</div>
	)
}
