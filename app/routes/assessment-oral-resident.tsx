import { data, Form, Link, redirect } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { issueOnOralPass } from '#server/assessment/issue-on-pass.server.ts'
import {
	OralAssessmentSchema,
	readOralFormOptions,
	readOralHistory,
	recordOralAssessment,
	residentInAssessorScope,
} from '#server/assessment/oral-assessment.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import type { Route } from './+types/assessment-oral-resident'

export const meta: Route.MetaFunction = () => [{ title: 'Đánh giá trực tiếp — Bình dân học vụ số' }]

/** `/danh-gia-truc-tiep/:residentId`: record an oral / in-class assessment and practical tasks. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'assessment.confirm')
	if (!isUuid(params.residentId)) throw data(null, { status: 404 })
	const resident = await residentInAssessorScope(context.app.db, user, params.residentId)
	if (!resident) throw data(null, { status: 404 })
	const [options, history] = await Promise.all([
		readOralFormOptions(context.app.db),
		readOralHistory(context.app.db, resident.id),
	])
	const url = new URL(request.url)
	return {
		resident: { id: resident.id, fullName: resident.fullName },
		...options,
		history,
		saved: url.searchParams.get('daLuu') === '1',
		certificateCode: url.searchParams.get('chungNhan'),
	}
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'assessment.confirm')
	if (!isUuid(params.residentId)) throw data(null, { status: 404 })
	const form = await readCsrfCheckedForm(request, context)
	const results: { competencyCode: string; outcome: string }[] = []
	for (const [name, value] of form.entries()) {
		const m = /^k-([1-9]\.[1-9])$/.exec(name)
		if (m && typeof value === 'string' && value !== '')
			results.push({ competencyCode: m[1]!, outcome: value })
	}
	const parsed = OralAssessmentSchema.safeParse({
		mode: form.get('mode'),
		results,
		practicalItemIds: form.getAll('task').map(String),
		trackId: form.get('trackId') ? String(form.get('trackId')) : null,
		passed: form.get('passed') === 'on',
		note: form.get('note') ? String(form.get('note')) : null,
	})
	if (!parsed.success) return data({ error: 'oral.error.invalid' as const }, { status: 400 })
	const result = await recordOralAssessment(
		context.app.db,
		user,
		params.residentId,
		parsed.data,
		requestAudit(context, user),
		issueOnOralPass,
	)
	if (!result.ok) {
		if (result.reason === 'notInScope') throw data(null, { status: 404 })
		return data(
			{ error: result.reason === 'empty' ? ('oral.error.empty' as const) : ('oral.error.invalid' as const) },
			{ status: 400 },
		)
	}
	const code = result.certificate ? `&chungNhan=${encodeURIComponent(result.certificate.code)}` : ''
	return redirect(`/danh-gia-truc-tiep/${params.residentId}?daLuu=1${code}`)
}

const outcomes = ['notYet', 'familiar', 'proficient', 'mastered'] as const

export default function AssessmentOralResident({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const d = loaderData
	const when = (date: Date | string) =>
		new Intl.DateTimeFormat(locale === 'vi' ? 'vi-VN' : 'en-GB', {
			dateStyle: 'short',
			timeStyle: 'short',
			timeZone: 'Asia/Ho_Chi_Minh',
		}).format(new Date(date))
	return (
		<div className="stack">
			<p>
				<Link to="/danh-gia-truc-tiep">{t('oral.back')}</Link>
			</p>
			<h1>{t('oral.resident.title', { name: d.resident.fullName })}</h1>
			{d.saved ? (
				<p className="notice" role="status">
					{t('oral.saved')} {d.certificateCode ? t('oral.certificate', { code: d.certificateCode }) : null}
				</p>
			) : null}
			{actionData?.error ? (
				<p className="field-error" role="alert">
					{t(actionData.error)}
				</p>
			) : null}
			<Form method="post" className="stack">
				<CsrfInput />
				<fieldset>
					<legend>{t('oral.mode')}</legend>
					<label>
						<input type="radio" name="mode" value="oral" defaultChecked /> {t('oral.mode.oral')}
					</label>{' '}
					<label>
						<input type="radio" name="mode" value="inClass" /> {t('oral.mode.inClass')}
					</label>
				</fieldset>
				<fieldset>
					<legend>{t('oral.competencies')}</legend>
					<p className="muted">{t('oral.competenciesHint')}</p>
					{d.competencies.map((c) => (
						<p key={c.code}>
							<label>
								{c.code} {locale === 'vi' ? c.nameVi : c.nameEn}{' '}
								<select name={`k-${c.code}`} defaultValue="">
									<option value="">{t('oral.outcome.skip')}</option>
									{outcomes.map((o) => (
										<option key={o} value={o}>
											{t(`oral.outcome.${o}`)}
										</option>
									))}
								</select>
							</label>
						</p>
					))}
				</fieldset>
				<fieldset>
					<legend>{t('oral.tasks')}</legend>
					<p className="muted">{t('oral.tasksHint')}</p>
					{d.tasks.map((task) => (
						<div key={task.id}>
							<label>
								<input type="checkbox" name="task" value={task.id} /> <strong>{task.courseTitle}</strong>:{' '}
								{task.prompt}
							</label>
							<ul className="muted">
								{task.checklist.map((step) => (
									<li key={step.id}>{step.text}</li>
								))}
							</ul>
						</div>
					))}
				</fieldset>
				<fieldset>
					<legend>{t('oral.track')}</legend>
					<label>
						{t('oral.track')}{' '}
						<select name="trackId" defaultValue="">
							<option value="">{t('oral.trackNone')}</option>
							{d.tracks.map((tr) => (
								<option key={tr.id} value={tr.id}>
									{locale === 'vi' ? tr.nameVi : tr.nameEn}
								</option>
							))}
						</select>
					</label>
					<p>
						<label>
							<input type="checkbox" name="passed" /> {t('oral.passed')}
						</label>
					</p>
				</fieldset>
				<label>
					{t('oral.note')}
					<textarea name="note" maxLength={500} rows={3} />
				</label>
				<p>
					<button type="submit" className="primary">
						{t('oral.save')}
					</button>
				</p>
			</Form>
			<section aria-labelledby="history-title">
				<h2 id="history-title">{t('oral.history')}</h2>
				{d.history.length === 0 ? (
					<p>{t('oral.historyNone')}</p>
				) : (
					<ul className="stack">
						{d.history.map((h) => (
							<li key={h.id}>
								<p>
									<strong>{t(`oral.mode.${h.mode}`)}</strong> —{' '}
									{t('oral.by', { when: when(h.confirmedAt), who: h.confirmedByName })}
									{h.trackName
										? ` — ${h.trackName}: ${h.passed ? t('assessment.passed') : t('assessment.notPassed')}`
										: ''}
								</p>
								<ul>
									{h.results.map((r) => (
										<li key={`${r.competencyCode}-${r.itemPrompt ?? ''}`}>
											{r.itemPrompt ? r.itemPrompt : r.competencyCode}: {t(`oral.outcome.${r.outcome}`)}
										</li>
									))}
								</ul>
								{h.note ? <p className="muted">{h.note}</p> : null}
							</li>
						))}
					</ul>
				)}
			</section>
		</div>
	)
}
