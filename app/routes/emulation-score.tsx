import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { FieldErrors, PlainField } from '#app/components/emulation/criterion-fields.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatDateTime } from '#app/utils/format-date.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { getCriterion } from '#server/emulation/criteria.server.ts'
import { subjectParam } from '#server/emulation/emulation-params.ts'
import {
	EVIDENCE_MAX_BYTES,
	EVIDENCE_TYPES,
	listManualScores,
	ManualScoreFormSchema,
	recordManualScore,
} from '#server/emulation/manual-scores.server.ts'
import { readRanking } from '#server/emulation/rankings.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { getReportingPeriod } from '#server/reports/periods.server.ts'
import type { Route } from './+types/emulation-score'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `${data?.criterion.title ?? 'Chấm điểm'} — Bình dân học vụ số` },
]

type Args = Pick<Route.LoaderArgs, 'context' | 'params'> & { wardId: string; userId: string }

/** The manual criterion of the URL (404 unless it is one of the period's), its period and the ranked subjects. */
async function loadCriterion({ context, params, wardId, userId }: Args) {
	const ids = z.object({ periodId: z.uuid(), criterionId: z.uuid() }).safeParse(params)
	if (!ids.success) throw data(null, { status: 404 })
	const db = context.app.db
	const [period, criterion] = await Promise.all([
		getReportingPeriod(db, wardId, ids.data.periodId),
		getCriterion(db, { wardId, criterionId: ids.data.criterionId }),
	])
	if (!period || !criterion || criterion.periodId !== period.id || criterion.rule.kind !== 'manual')
		throw data(null, { status: 404 })
	const ranking = await readRanking(db, { period, subject: criterion.subject, by: userId })
	return { period, criterion, ranking }
}

/** `/thi-dua/:periodId/tieu-chi/:criterionId`: score a hand-scored criterion with evidence; its history. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'emulation.manage')
	const { period, criterion, ranking } = await loadCriterion({
		context,
		params,
		wardId: user.wardId,
		userId: user.id,
	})
	const history = await listManualScores(context.app.db, criterion.id)
	const names = new Map(ranking.rows.map((r) => [r.subjectId, r.name]))
	return {
		period: { id: period.id, label: period.label },
		criterion: {
			id: criterion.id,
			title: criterion.title,
			maxPoints: criterion.maxPoints,
			subject: criterion.subject,
		},
		closed: ranking.frozenAt !== null || period.status === 'closed',
		subjects: ranking.rows.map((r) => ({
			id: r.subjectId,
			name: r.name,
			points: r.cells.find((c) => c.criterionId === criterion.id)?.value ?? null,
		})),
		history: history.map((h) => ({ ...h, name: names.get(h.subjectId) ?? '—' })),
		saved: new URL(request.url).searchParams.get('tb') === 'saved',
	}
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'emulation.manage')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const { criterion, ranking } = await loadCriterion({
		context,
		params,
		wardId: user.wardId,
		userId: user.id,
	})
	const values = {
		subjectId: String(formData.get('subjectId') ?? ''),
		points: String(formData.get('points') ?? ''),
		note: String(formData.get('note') ?? ''),
		url: String(formData.get('url') ?? ''),
	}
	const refuse = (errors: Record<string, string[]>) => data({ errors, values }, { status: 400 })
	const parsed = ManualScoreFormSchema.safeParse(values)
	if (!parsed.success) return refuse(z.flattenError(parsed.error).fieldErrors)
	const upload = formData.get('file')
	const file = upload instanceof File && upload.size > 0 ? upload : null
	if (file && (file.size > EVIDENCE_MAX_BYTES || !(EVIDENCE_TYPES as readonly string[]).includes(file.type)))
		return refuse({ file: ['emulation.error.file'] })
	const ranked = new Set(ranking.rows.map((r) => r.subjectId))
	const result = await recordManualScore(context.app.db, {
		wardId: user.wardId,
		criterionId: criterion.id,
		form: parsed.data,
		file: file
			? { name: file.name.slice(0, 200), type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }
			: undefined,
		isSubject: (id) => ranked.has(id),
		by: user.id,
	})
	if (!result.ok) {
		if (result.reason === 'tooMany') return refuse({ points: ['emulation.error.tooMany'] })
		if (result.reason === 'notSubject') return refuse({ subjectId: ['emulation.error.subject'] })
		if (result.reason === 'closed')
			return redirect(
				`/thi-dua/${criterion.periodId}/tieu-chi?doiTuong=${subjectParam[criterion.subject]}&tb=closed`,
			)
		throw data(null, { status: 404 })
	}
	await recordAudit(context.app.db, {
		...requestAudit(context, user),
		action: 'emulation.manualScoreRecorded',
		entityType: 'emulationCriterion',
		entityId: criterion.id,
		details: {
			scoreId: result.id,
			subjectId: parsed.data.subjectId,
			points: parsed.data.points,
			file: !!file,
		},
	})
	return redirect(`/thi-dua/${criterion.periodId}/tieu-chi/${criterion.id}?tb=saved`)
}

export default function EmulationScore({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { period, criterion, subjects, history, closed } = loaderData
	const errors = actionData?.errors
	const values = actionData?.values
	const fmt = (n: number) => formatNumber(locale, n)
	return (
		<div className="stack">
			<p>
				<Link to={`/thi-dua/${period.id}/tieu-chi?doiTuong=${subjectParam[criterion.subject]}`}>
					← {t('emulation.score.back')}
				</Link>
			</p>
			<h1>{t('emulation.score.title', { criterion: criterion.title })}</h1>
			<p>{period.label}</p>
			<p>{t('emulation.score.intro', { max: criterion.maxPoints })}</p>
			{loaderData.saved ? <p role="status">{t('emulation.score.saved')}</p> : null}
			{closed ? (
				<p>{t('emulation.criteria.closed')}</p>
			) : (
				<Form method="post" encType="multipart/form-data" className="form">
					<CsrfInput />
					<FieldErrors errors={errors} />
					<PlainField id="ms-subject" name="subjectId" label={t('emulation.score.subject')} errors={errors}>
						{(aria) => (
							<select required defaultValue={values?.subjectId ?? ''} {...aria}>
								<option value="" disabled>
									—
								</option>
								{subjects.map((s) => (
									<option key={s.id} value={s.id}>
										{s.points === null
											? s.name
											: `${s.name} (${t('emulation.cell.points', { points: fmt(s.points) })})`}
									</option>
								))}
							</select>
						)}
					</PlainField>
					<PlainField id="ms-points" name="points" label={t('emulation.score.points')} errors={errors}>
						{(aria) => (
							<input type="text" inputMode="decimal" required defaultValue={values?.points ?? ''} {...aria} />
						)}
					</PlainField>
					<PlainField id="ms-note" name="note" label={t('emulation.score.note')} errors={errors}>
						{(aria) => (
							<textarea rows={3} required maxLength={2000} defaultValue={values?.note ?? ''} {...aria} />
						)}
					</PlainField>
					<PlainField id="ms-url" name="url" label={t('emulation.score.url')} errors={errors}>
						{(aria) => <input type="url" defaultValue={values?.url ?? ''} {...aria} />}
					</PlainField>
					<PlainField id="ms-file" name="file" label={t('emulation.score.file')} errors={errors}>
						{(aria) => <input type="file" accept={EVIDENCE_ACCEPT} {...aria} />}
					</PlainField>
					<p className="actions">
						<button type="submit" className="primary">
							{t('emulation.score.submit')}
						</button>
					</p>
				</Form>
			)}
			<section aria-labelledby="ms-history" className="stack">
				<h2 id="ms-history">{t('emulation.score.history')}</h2>
				{history.length === 0 ? <p>{t('emulation.score.historyEmpty')}</p> : null}
				<ul className="stack">
					{history.map((h) => (
						<li key={h.id}>
							<p>
								{t('emulation.score.entry', {
									name: h.name,
									points: fmt(h.points),
									by: h.scoredBy,
									at: formatDateTime(locale, h.scoredAt),
								})}
							</p>
							<p>{h.note}</p>
							{h.url ? (
								<p>
									<a href={h.url} rel="noopener noreferrer nofollow" target="_blank">
										{t('emulation.score.evidenceLink')}
									</a>
								</p>
							) : null}
							{h.fileName ? (
								<p>
									<a href={`/thi-dua/minh-chung/${h.id}`} download>
										{t('emulation.score.evidenceFile', { name: h.fileName })}
									</a>
								</p>
							) : null}
						</li>
					))}
				</ul>
			</section>
		</div>
	)
}

const EVIDENCE_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf'
