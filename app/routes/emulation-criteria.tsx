import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { CriterionFields, FieldErrors } from '#app/components/emulation/criterion-fields.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { readPreferences } from '#app/utils/preferences.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import {
	addManualCriterion,
	ensurePeriodCriteria,
	listCriteria,
	updateCriterion,
} from '#server/emulation/criteria.server.ts'
import { CriterionEditFormSchema, ManualCriterionFormSchema } from '#server/emulation/criterion-rules.ts'
import { parseSubject, subjectParam } from '#server/emulation/emulation-params.ts'
import { isFrozen } from '#server/emulation/rankings.server.ts'
import { memberShareSpec } from '#server/emulation/subject-values.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { describeConditions } from '#server/indicators/describe-conditions.ts'
import { getReportingPeriod } from '#server/reports/periods.server.ts'
import type { Route } from './+types/emulation-criteria'

export const meta: Route.MetaFunction = () => [{ title: 'Tiêu chí thi đua — Bình dân học vụ số' }]

async function loadPeriod(context: Route.LoaderArgs['context'], wardId: string, periodId: string) {
	const period = z.uuid().safeParse(periodId).success
		? await getReportingPeriod(context.app.db, wardId, periodId)
		: null
	if (!period) throw data(null, { status: 404 })
	return period
}

/** `/thi-dua/:periodId/tieu-chi?doiTuong=`: a period's criteria for units or individuals, editable while open. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'emulation.manage')
	const period = await loadPeriod(context, user.wardId, params.periodId)
	const url = new URL(request.url)
	const subject = parseSubject(url.searchParams.get('doiTuong'))
	const locale = (await readPreferences(request)).locale
	const criteria = await listCriteria(context.app.db, { periodId: period.id, subject })
	const closed =
		period.status === 'closed' || (await isFrozen(context.app.db, { periodId: period.id, subject }))
	return {
		period: { id: period.id, label: period.label },
		subject,
		closed,
		notice: url.searchParams.get('tb'),
		criteria: criteria.map((c) => ({
			id: c.id,
			code: c.code,
			title: c.title,
			weight: c.weight,
			maxPoints: c.maxPoints,
			version: c.version,
			kind: c.rule.kind,
			fullAt: c.rule.kind === 'manual' ? null : c.rule.fullAt,
			conditions:
				c.rule.kind === 'memberShare'
					? describeConditions(memberShareSpec(c.rule.reached, period), locale).reached
					: null,
		})),
	}
}

const formValues = (formData: FormData) =>
	Object.fromEntries([...formData].filter(([, v]) => typeof v === 'string').map(([k, v]) => [k, String(v)]))

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'emulation.manage')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const period = await loadPeriod(context, user.wardId, params.periodId)
	const subject = parseSubject(String(formData.get('doiTuong') ?? ''))
	const db = context.app.db
	const back = (notice: string) =>
		redirect(`/thi-dua/${period.id}/tieu-chi?doiTuong=${subjectParam[subject]}&tb=${notice}`)
	const audit = { ...requestAudit(context, user), entityType: 'reportingPeriod', entityId: period.id }
	if (period.status === 'closed' || (await isFrozen(db, { periodId: period.id, subject })))
		return back('closed')
	const intent = formData.get('intent')
	if (intent === 'createDefaults') {
		const created = await ensurePeriodCriteria(db, { period, subject, by: user.id })
		await recordAudit(db, { ...audit, action: 'emulation.criteriaCreated', details: { subject, created } })
		return back('created')
	}
	if (intent === 'update') {
		const criterionId = z.uuid().safeParse(formData.get('criterionId'))
		if (!criterionId.success) throw data(null, { status: 400 })
		const parsed = CriterionEditFormSchema.safeParse(formValues(formData))
		if (!parsed.success)
			return data(
				{ formId: criterionId.data, errors: z.flattenError(parsed.error).fieldErrors },
				{ status: 400 },
			)
		const result = await updateCriterion(db, {
			wardId: user.wardId,
			criterionId: criterionId.data,
			version: Number(formData.get('version')),
			...parsed.data,
			by: user.id,
		})
		if (result === 'notFound') throw data(null, { status: 404 })
		if (result !== 'saved') return back(result)
		await recordAudit(db, {
			...audit,
			action: 'emulation.criterionUpdated',
			details: {
				criterionId: criterionId.data,
				weight: parsed.data.weight,
				maxPoints: parsed.data.maxPoints,
			},
		})
		return back('saved')
	}
	if (intent !== 'addManual') throw data(null, { status: 400 })
	const parsed = ManualCriterionFormSchema.safeParse(formValues(formData))
	if (!parsed.success)
		return data({ formId: 'new', errors: z.flattenError(parsed.error).fieldErrors }, { status: 400 })
	const result = await addManualCriterion(db, { period, subject, ...parsed.data, by: user.id })
	if (result === 'duplicate')
		return data({ formId: 'new', errors: { code: ['emulation.error.duplicateCode'] } }, { status: 400 })
	if (result === 'closed') return back('closed')
	await recordAudit(db, {
		...audit,
		action: 'emulation.criterionAdded',
		details: { subject, code: parsed.data.code },
	})
	return back('added')
}

const notices: Record<string, { key: MessageKey; role: 'status' | 'alert' }> = {
	created: { key: 'emulation.criteria.created', role: 'status' },
	saved: { key: 'emulation.criteria.saved', role: 'status' },
	added: { key: 'emulation.criteria.added', role: 'status' },
	conflict: { key: 'emulation.criteria.conflict', role: 'alert' },
	closed: { key: 'emulation.criteria.closed', role: 'alert' },
}

export default function EmulationCriteria({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { period, subject, criteria, closed } = loaderData
	const notice = loaderData.notice ? notices[loaderData.notice] : undefined
	const subjectQuery = `doiTuong=${subjectParam[subject]}`
	const errorsFor = (formId: string) => (actionData?.formId === formId ? actionData.errors : undefined)
	return (
		<div className="stack">
			<p>
				<Link to={`/thi-dua?ky=${period.id}&${subjectQuery}`}>← {t('emulation.criteria.back')}</Link>
			</p>
			<h1>{t('emulation.criteria.title', { period: period.label })}</h1>
			<ul className="inline-list">
				{(['unit', 'individual'] as const).map((s) => (
					<li key={s}>
						<Link
							to={`/thi-dua/${period.id}/tieu-chi?doiTuong=${subjectParam[s]}`}
							aria-current={s === subject ? 'page' : undefined}
						>
							{t(`emulation.subject.${s}`)}
						</Link>
					</li>
				))}
			</ul>
			<p>{t('emulation.criteria.intro')}</p>
			{notice ? <p role={notice.role}>{t(notice.key)}</p> : null}
			{closed && notice?.key !== 'emulation.criteria.closed' ? <p>{t('emulation.criteria.closed')}</p> : null}
			{criteria.length === 0 && !closed ? (
				<Form method="post">
					<CsrfInput />
					<input type="hidden" name="intent" value="createDefaults" />
					<input type="hidden" name="doiTuong" value={subjectParam[subject]} />
					<p>{t('emulation.noCriteria', { subject: t(`emulation.subject.${subject}`).toLowerCase() })}</p>
					<button type="submit" className="primary">
						{t('emulation.criteria.createDefaults')}
					</button>
				</Form>
			) : null}
			<ol className="stack">
				{criteria.map((c) => (
					<li key={c.id}>
						<section aria-labelledby={`crit-${c.id}`} className="card stack">
							<h2 id={`crit-${c.id}`}>{c.title}</h2>
							<p>
								{t(`emulation.criteria.rule.${c.kind}` as MessageKey, {
									conditions: c.conditions ?? '',
									fullAt: c.fullAt ?? '',
								})}
							</p>
							{c.kind === 'manual' ? (
								<p>
									<Link
										to={`/thi-dua/${period.id}/tieu-chi/${c.id}`}
										aria-label={t('emulation.criteria.scoreLabel', { title: c.title })}
									>
										{t('emulation.criteria.score')}
									</Link>
								</p>
							) : null}
							{closed ? (
								<p>{t('emulation.weight', { weight: c.weight, max: c.maxPoints })}</p>
							) : (
								<Form method="post" className="form">
									<CsrfInput />
									<input type="hidden" name="intent" value="update" />
									<input type="hidden" name="doiTuong" value={subjectParam[subject]} />
									<input type="hidden" name="criterionId" value={c.id} />
									<input type="hidden" name="version" value={c.version} />
									<FieldErrors errors={errorsFor(c.id)} />
									<CriterionFields idPrefix={c.id} values={c} errors={errorsFor(c.id)} />
									<p className="actions">
										<button
											type="submit"
											className="secondary"
											aria-label={t('emulation.criteria.saveLabel', { title: c.title })}
										>
											{t('emulation.criteria.save')}
										</button>
									</p>
								</Form>
							)}
						</section>
					</li>
				))}
			</ol>
			{closed || criteria.length === 0 ? null : (
				<section aria-labelledby="crit-new" className="stack">
					<h2 id="crit-new">{t('emulation.criteria.addManual')}</h2>
					<Form method="post" className="form">
						<CsrfInput />
						<input type="hidden" name="intent" value="addManual" />
						<input type="hidden" name="doiTuong" value={subjectParam[subject]} />
						<FieldErrors errors={errorsFor('new')} />
						<CriterionFields
							idPrefix="new"
							values={{ code: '', title: '', weight: 1, maxPoints: 10, kind: 'manual', fullAt: null }}
							errors={errorsFor('new')}
							withCode
						/>
						<p className="actions">
							<button type="submit" className="primary">
								{t('emulation.criteria.addManual')}
							</button>
						</p>
					</Form>
				</section>
			)}
		</div>
	)
}
