import { data, Form, Link, redirect } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { readPreferences } from '#app/utils/preferences.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { breakdownDimensions } from '#server/indicators/breakdown-dimensions.ts'
import { computeIndicators } from '#server/indicators/compute-indicators.server.ts'
import { conditionModules } from '#server/indicators/conditions/index.ts'
import { describeConditions } from '#server/indicators/describe-conditions.ts'
import { resolvePeriod } from '#server/indicators/drill-down.server.ts'
import { getIndicatorDefinition } from '#server/indicators/indicator-definitions.server.ts'
import { type FieldErrors, parseIndicatorForm } from '#server/indicators/indicator-form.ts'
import { isResidentSpec } from '#server/indicators/indicator-spec.ts'
import { saveIndicator } from '#server/indicators/save-indicator.server.ts'
import type { Route } from './+types/indicator-edit'

export const meta: Route.MetaFunction = () => [{ title: 'Sửa chỉ tiêu — Bình dân học vụ số' }]

interface FormValues {
	code: string
	name: string
	explanation: string
	targetKind: 'share' | 'count'
	targetValue: string
	from: string
	deadline: string
	breakdowns: string[]
	subject: 'residents' | 'pilotModels'
	population: string
	reached: string
	archived: boolean
	version: number
}

function valuesOf(form: FormData): FormValues {
	const text = (name: string) => String(form.get(name) ?? '')
	return {
		code: text('code'),
		name: text('name'),
		explanation: text('explanation'),
		targetKind: text('targetKind') === 'count' ? 'count' : 'share',
		targetValue: text('targetValue'),
		from: text('from'),
		deadline: text('deadline'),
		breakdowns: form.getAll('breakdowns').map(String),
		subject: text('subject') === 'pilotModels' ? 'pilotModels' : 'residents',
		population: text('population'),
		reached: text('reached'),
		archived: form.get('archived') === 'on',
		version: Number(text('version')) || 0,
	}
}

/** `/quan-tri/chi-tieu/:code` (or `/moi` for a new one): the ward administrator edits a definition. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'indicators.manage')
	const isNew = params.code === 'moi'
	const existing = isNew ? undefined : await getIndicatorDefinition(context.app.db, user.wardId, params.code)
	if (!isNew && !existing) throw data(null, { status: 404 })
	const year = new Date().getFullYear()
	const values: FormValues = existing
		? {
				code: existing.code,
				name: existing.name,
				explanation: existing.explanation,
				targetKind: existing.spec.target.kind,
				targetValue: String(
					existing.spec.target.kind === 'share' ? existing.spec.target.percent : existing.spec.target.value,
				),
				from: existing.spec.period.from,
				deadline: existing.spec.period.deadline,
				breakdowns: existing.spec.breakdowns,
				subject: existing.spec.subject ?? 'residents',
				// A pilot-model indicator has no people: its "reached" field holds which models count.
				population: isResidentSpec(existing.spec) ? JSON.stringify(existing.spec.population, null, 2) : '[]',
				reached: JSON.stringify(
					isResidentSpec(existing.spec) ? existing.spec.reached : existing.spec.models,
					null,
					2,
				),
				archived: existing.archived,
				version: existing.version,
			}
		: {
				code: '',
				name: '',
				explanation: '',
				targetKind: 'share',
				targetValue: '100',
				from: `${year}-01-01`,
				deadline: `${year}-12-31`,
				breakdowns: [...breakdownDimensions],
				subject: 'residents',
				population: '[\n  { "kind": "age", "min": 18 }\n]',
				reached: '[\n  { "kind": "vneidLevel", "atLeast": 2 }\n]',
				archived: false,
				version: 0,
			}
	const vocabulary = conditionModules.map((m) => ({ kind: m.kind, source: m.source }))
	return { isNew, values, vocabulary }
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'indicators.manage')
	const form = await request.formData()
	await requireCsrf(request, form, context)
	const isNew = params.code === 'moi'
	if (!isNew) form.set('code', params.code)
	const values = valuesOf(form)
	const parsed = parseIndicatorForm(form)
	if (!parsed.ok) return data({ values, errors: parsed.errors, preview: null }, { status: 400 })
	if (form.get('intent') === 'preview') {
		const { asOf } = resolvePeriod(undefined)
		const [value] = await computeIndicators(context.app.db, {
			wardId: user.wardId,
			indicators: [{ code: parsed.value.code, spec: parsed.value.spec }],
			asOf,
		})
		const locale = (await readPreferences(request)).locale
		return {
			values,
			errors: {} as FieldErrors,
			preview: {
				numerator: value!.numerator,
				denominator: value!.denominator,
				kind: parsed.value.spec.target.kind,
				described: describeConditions(parsed.value.spec, locale),
			},
		}
	}
	const outcome = await saveIndicator(context.app.db, {
		wardId: user.wardId,
		existingCode: isNew ? undefined : params.code,
		value: parsed.value,
		audit: requestAudit(context, user),
	})
	if (outcome === 'notFound') throw data(null, { status: 404 })
	if (outcome === 'conflict' || outcome === 'codeTaken')
		return data({ values, errors: { form: outcome } as FieldErrors, preview: null }, { status: 409 })
	return redirect(`/chi-tieu/${parsed.value.code}`)
}

export default function IndicatorEdit({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const v = actionData?.values ?? loaderData.values
	const errors: FieldErrors = actionData?.errors ?? {}
	const preview = actionData?.preview
	const error = (name: string) =>
		errors[name] ? (
			<p className="field-error" id={`${name}-error`}>
				{errors[name]}
			</p>
		) : null
	const described = (name: string) => (errors[name] ? `${name}-error` : undefined)
	// Re-render the form with what was posted (key changes after each post so defaults apply).
	const formKey = JSON.stringify(v).length + (actionData ? 1 : 0)
	return (
		<div className="stack">
			<p>
				<Link to={loaderData.isNew ? '/chi-tieu' : `/chi-tieu/${loaderData.values.code}`}>
					{t('indicator.back')}
				</Link>
			</p>
			<h1>{loaderData.isNew ? t('indicatorAdmin.newTitle') : t('indicatorAdmin.title', { code: v.code })}</h1>
			<p>{t('indicatorAdmin.intro')}</p>
			{errors.form ? (
				<p className="form-error" role="alert">
					{errors.form === 'conflict'
						? t('indicatorAdmin.conflict')
						: errors.form === 'codeTaken'
							? t('indicatorAdmin.codeTaken')
							: errors.form}
				</p>
			) : null}
			{Object.keys(errors).length > 0 && !errors.form ? (
				<p className="form-error" role="alert">
					{t('indicatorAdmin.invalid', { detail: Object.values(errors)[0] ?? '' })}
				</p>
			) : null}
			{preview ? (
				<section className="notice" aria-labelledby="preview" role="status">
					<h2 id="preview">{t('indicatorAdmin.previewTitle')}</h2>
					<p data-testid="indicator-preview">
						{preview.kind === 'share'
							? t('indicatorAdmin.previewResult', {
									numerator: formatNumber(locale, preview.numerator),
									denominator: formatNumber(locale, preview.denominator),
									percent:
										preview.denominator === 0
											? '—'
											: `${formatNumber(locale, Math.round((preview.numerator / preview.denominator) * 1000) / 10)}%`,
								})
							: t('indicatorAdmin.previewCount', { numerator: formatNumber(locale, preview.numerator) })}
					</p>
					<dl className="facts">
						<dt>{t('indicator.conditions.population')}</dt>
						<dd>{preview.described.population || '—'}</dd>
						<dt>{t('indicator.conditions.reached')}</dt>
						<dd>{preview.described.reached}</dd>
					</dl>
				</section>
			) : null}
			<Form method="post" className="form" key={formKey}>
				<CsrfInput />
				<input type="hidden" name="version" value={v.version} />
				<input type="hidden" name="subject" value={v.subject} />
				{loaderData.isNew ? (
					<div className="field">
						<label htmlFor="code">{t('indicatorAdmin.code')}</label>
						<p className="hint" id="code-hint">
							{t('indicatorAdmin.codeHint')}
						</p>
						<input
							id="code"
							name="code"
							defaultValue={v.code}
							required
							aria-invalid={errors.code ? true : undefined}
							aria-describedby={['code-hint', described('code')].filter(Boolean).join(' ')}
						/>
						{error('code')}
					</div>
				) : null}
				<div className="field">
					<label htmlFor="name">{t('indicatorAdmin.name')}</label>
					<input id="name" name="name" defaultValue={v.name} required aria-describedby={described('name')} />
					{error('name')}
				</div>
				<div className="field">
					<label htmlFor="explanation">{t('indicatorAdmin.explanation')}</label>
					<textarea
						id="explanation"
						name="explanation"
						rows={4}
						defaultValue={v.explanation}
						aria-describedby={described('explanation')}
					/>
					{error('explanation')}
				</div>
				<fieldset>
					<legend>{t('indicatorAdmin.targetKind')}</legend>
					{(['share', 'count'] as const).map((kind) => (
						<div className="field field--radio" key={kind}>
							<input
								type="radio"
								id={`tk-${kind}`}
								name="targetKind"
								value={kind}
								defaultChecked={v.targetKind === kind}
							/>
							<label htmlFor={`tk-${kind}`}>{t(`indicatorAdmin.targetKind.${kind}`)}</label>
						</div>
					))}
				</fieldset>
				<div className="field">
					<label htmlFor="targetValue">{t('indicatorAdmin.targetValue')}</label>
					<input
						id="targetValue"
						name="targetValue"
						inputMode="decimal"
						defaultValue={v.targetValue}
						aria-describedby={described('targetValue')}
					/>
					{error('targetValue')}
				</div>
				<div className="field">
					<label htmlFor="from">{t('indicatorAdmin.from')}</label>
					<input
						id="from"
						name="from"
						type="date"
						defaultValue={v.from}
						aria-describedby={described('from')}
					/>
					{error('from')}
				</div>
				<div className="field">
					<label htmlFor="deadline">{t('indicatorAdmin.deadline')}</label>
					<input
						id="deadline"
						name="deadline"
						type="date"
						defaultValue={v.deadline}
						aria-describedby={described('deadline')}
					/>
					{error('deadline')}
				</div>
				<fieldset>
					<legend>{t('indicatorAdmin.breakdowns')}</legend>
					{breakdownDimensions.map((d) => (
						<div className="field field--checkbox" key={d}>
							<input
								type="checkbox"
								id={`bd-${d}`}
								name="breakdowns"
								value={d}
								defaultChecked={v.breakdowns.includes(d)}
							/>
							<label htmlFor={`bd-${d}`}>{t(`indicator.breakdown.${d}`)}</label>
						</div>
					))}
				</fieldset>
				<p id="vocabulary-hint" className="hint">
					{t('indicatorAdmin.conditionsHint')} {loaderData.vocabulary.map((k) => k.kind).join(', ')}, anyOf.
				</p>
				<div className="field">
					<label htmlFor="population">{t('indicatorAdmin.population')}</label>
					<textarea
						id="population"
						name="population"
						rows={6}
						className="mono"
						defaultValue={v.population}
						aria-describedby={['vocabulary-hint', described('population')].filter(Boolean).join(' ')}
					/>
					{error('population')}
				</div>
				<div className="field">
					<label htmlFor="reached">{t('indicatorAdmin.reached')}</label>
					<textarea
						id="reached"
						name="reached"
						rows={8}
						className="mono"
						defaultValue={v.reached}
						aria-describedby={['vocabulary-hint', described('reached')].filter(Boolean).join(' ')}
					/>
					{error('reached')}
				</div>
				<div className="field field--checkbox">
					<input type="checkbox" id="archived" name="archived" defaultChecked={v.archived} />
					<label htmlFor="archived">{t('indicatorAdmin.archived')}</label>
				</div>
				<p className="actions">
					<button type="submit" name="intent" value="preview">
						{t('indicatorAdmin.preview')}
					</button>{' '}
					<button type="submit" name="intent" value="save" className="primary">
						{t('indicatorAdmin.save')}
					</button>
				</p>
			</Form>
		</div>
	)
}
