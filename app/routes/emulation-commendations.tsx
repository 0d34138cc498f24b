import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { FieldErrors, PlainField } from '#app/components/emulation/criterion-fields.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { commendationAwards } from '#server/emulation/commendation-awards.ts'
import {
	listCommendations,
	ProposeCommendationFormSchema,
	proposeCommendation,
	withdrawCommendation,
} from '#server/emulation/commendations.server.ts'
import { parseSubject, subjectParam } from '#server/emulation/emulation-params.ts'
import { readRanking } from '#server/emulation/rankings.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { getReportingPeriod } from '#server/reports/periods.server.ts'
import type { Route } from './+types/emulation-commendations'

export const meta: Route.MetaFunction = () => [{ title: 'Đề nghị khen thưởng — Bình dân học vụ số' }]

async function loadPeriod(context: Route.LoaderArgs['context'], wardId: string, periodId: string) {
	const period = z.uuid().safeParse(periodId).success
		? await getReportingPeriod(context.app.db, wardId, periodId)
		: null
	if (!period) throw data(null, { status: 404 })
	return period
}

/**
 * `/thi-dua/:periodId/khen-thuong?doiTuong=&chon=`: the period's proposed commendations; ward staff add one
 * from the ranking (preselected when coming from its "Đề nghị" link) or withdraw one; downloads.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'emulation.manage')
	const period = await loadPeriod(context, user.wardId, params.periodId)
	const url = new URL(request.url)
	const subject = parseSubject(url.searchParams.get('doiTuong'))
	const [ranking, commendations] = await Promise.all([
		readRanking(context.app.db, { period, subject, by: user.id }),
		listCommendations(context.app.db, period.id),
	])
	return {
		period: { id: period.id, label: period.label },
		subject,
		chosen: url.searchParams.get('chon') ?? '',
		candidates: ranking.rows.map((r) => ({ id: r.subjectId, name: r.name, rank: r.rank, total: r.total })),
		commendations,
		notice: url.searchParams.get('tb'),
	}
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'emulation.manage')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const period = await loadPeriod(context, user.wardId, params.periodId)
	const db = context.app.db
	const audit = { ...requestAudit(context, user), entityType: 'reportingPeriod', entityId: period.id }
	if (formData.get('intent') === 'withdraw') {
		const id = z.uuid().safeParse(formData.get('commendationId'))
		if (!id.success) throw data(null, { status: 400 })
		if (!(await withdrawCommendation(db, { wardId: user.wardId, id: id.data, by: user.id })))
			throw data(null, { status: 404 })
		await recordAudit(db, {
			...audit,
			action: 'emulation.commendationWithdrawn',
			details: { commendationId: id.data },
		})
		return redirect(`/thi-dua/${period.id}/khen-thuong?tb=withdrawn`)
	}
	const values = {
		subject: String(formData.get('subject') ?? ''),
		subjectId: String(formData.get('subjectId') ?? ''),
		award: String(formData.get('award') ?? ''),
		reason: String(formData.get('reason') ?? ''),
	}
	const refuse = (errors: Record<string, string[]>) => data({ errors, values }, { status: 400 })
	const parsed = ProposeCommendationFormSchema.safeParse(values)
	if (!parsed.success) return refuse(z.flattenError(parsed.error).fieldErrors)
	const result = await proposeCommendation(db, { period, form: parsed.data, by: user.id })
	if (!result.ok)
		return refuse({
			subjectId: [
				result.reason === 'duplicate' ? 'emulation.error.duplicateCommendation' : 'emulation.error.notRanked',
			],
		})
	await recordAudit(db, {
		...audit,
		action: 'emulation.commendationProposed',
		details: { commendationId: result.id, subject: parsed.data.subject, subjectId: parsed.data.subjectId },
	})
	return redirect(`/thi-dua/${period.id}/khen-thuong?doiTuong=${subjectParam[parsed.data.subject]}&tb=added`)
}

export default function EmulationCommendations({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { period, subject, candidates, commendations } = loaderData
	const errors = actionData?.errors
	const values = actionData?.values
	const fmt = (n: number) => formatNumber(locale, n)
	const download = (query: string) => `/thi-dua/${period.id}/khen-thuong/tai-ve?${query}`
	return (
		<div className="stack">
			<p>
				<Link to={`/thi-dua?ky=${period.id}&doiTuong=${subjectParam[subject]}`}>
					← {t('emulation.criteria.back')}
				</Link>
			</p>
			<h1>{t('emulation.commend.title', { period: period.label })}</h1>
			<p>{t('emulation.commend.intro')}</p>
			{loaderData.notice === 'added' ? <p role="status">{t('emulation.commend.added')}</p> : null}
			{loaderData.notice === 'withdrawn' ? <p role="status">{t('emulation.commend.withdrawn')}</p> : null}
			<section aria-labelledby="cm-list" className="stack">
				<h2 id="cm-list">{t('emulation.commend.listTitle', { count: commendations.length })}</h2>
				{commendations.length === 0 ? <p>{t('emulation.commend.empty')}</p> : null}
				<ol className="stack">
					{commendations.map((c) => (
						<li key={c.id}>
							<p>
								<strong>{c.name}</strong> — {t(`emulation.subject.${c.subject}`)} ·{' '}
								{t('emulation.commend.rankTotal', { rank: c.rank, total: fmt(c.total) })}
							</p>
							<p>{t(`emulation.award.${c.award}`)}</p>
							<p>{c.reason}</p>
							<Form method="post" className="inline-form">
								<CsrfInput />
								<input type="hidden" name="intent" value="withdraw" />
								<input type="hidden" name="commendationId" value={c.id} />
								<button
									type="submit"
									className="secondary"
									aria-label={t('emulation.commend.withdrawLabel', { name: c.name })}
								>
									{t('emulation.commend.withdraw')}
								</button>
							</Form>
						</li>
					))}
				</ol>
				{commendations.length > 0 ? (
					<>
						<h3>{t('emulation.commend.download')}</h3>
						<ul className="inline-list">
							<li>
								<a href={download('dinhDang=xlsx')} download>
									{t('emulation.commend.downloadXlsx')}
								</a>
							</li>
							<li>
								<a href={download('dinhDang=docx&mau=party')} download>
									{t('emulation.commend.downloadParty')}
								</a>
							</li>
							<li>
								<a href={download('dinhDang=docx&mau=state')} download>
									{t('emulation.commend.downloadState')}
								</a>
							</li>
						</ul>
					</>
				) : null}
			</section>
			<section aria-labelledby="cm-new" className="stack">
				<h2 id="cm-new">{t('emulation.commend.formTitle')}</h2>
				<ul className="inline-list">
					{(['unit', 'individual'] as const).map((s) => (
						<li key={s}>
							<Link
								to={`/thi-dua/${period.id}/khen-thuong?doiTuong=${subjectParam[s]}`}
								aria-current={s === subject ? 'page' : undefined}
							>
								{t(`emulation.subject.${s}`)}
							</Link>
						</li>
					))}
				</ul>
				<Form method="post" className="form">
					<CsrfInput />
					<input type="hidden" name="intent" value="propose" />
					<input type="hidden" name="subject" value={subject} />
					<FieldErrors errors={errors} />
					<PlainField id="cm-who" name="subjectId" label={t('emulation.commend.who')} errors={errors}>
						{(aria) => (
							<select required defaultValue={values?.subjectId ?? loaderData.chosen} {...aria}>
								<option value="" disabled>
									—
								</option>
								{candidates.map((c) => (
									<option key={c.id} value={c.id}>
										{t('emulation.commend.whoOption', { name: c.name, rank: c.rank, total: fmt(c.total) })}
									</option>
								))}
							</select>
						)}
					</PlainField>
					<PlainField id="cm-award" name="award" label={t('emulation.commend.award')} errors={errors}>
						{(aria) => (
							<select required defaultValue={values?.award ?? commendationAwardsList[0]} {...aria}>
								{commendationAwardsList.map((a) => (
									<option key={a} value={a}>
										{t(`emulation.award.${a}`)}
									</option>
								))}
							</select>
						)}
					</PlainField>
					<PlainField id="cm-reason" name="reason" label={t('emulation.commend.reason')} errors={errors}>
						{(aria) => (
							<textarea rows={3} required maxLength={1000} defaultValue={values?.reason ?? ''} {...aria} />
						)}
					</PlainField>
					<p className="actions">
						<button type="submit" className="primary">
							{t('emulation.commend.submit')}
						</button>
					</p>
				</Form>
			</section>
		</div>
	)
}

const commendationAwardsList = commendationAwards
