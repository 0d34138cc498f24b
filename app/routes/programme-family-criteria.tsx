import { data, Form, Link, redirect } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import {
	readDigitalFamilyCriteria,
	saveDigitalFamilyCriteria,
} from '#server/programmes/digital-family.server.ts'
import type { DigitalFamilyCriterion } from '#server/programmes/digital-family-criteria.ts'
import type { Route } from './+types/programme-family-criteria'

export const meta: Route.MetaFunction = () => [{ title: 'Tiêu chí “Gia đình số” — Bình dân học vụ số' }]

/** `/chuong-trinh/gia-dinh-so`: the ward sets which "Gia đình số" criteria apply and their thresholds. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'programmes.manage')
	const url = new URL(request.url)
	return {
		criteria: await readDigitalFamilyCriteria(context.app.db, user.wardId),
		saved: url.searchParams.has('daLuu'),
	}
}

/** Thresholds the form accepts: an adult age of 14–25, 1–10 people; at least one criterion enabled. */
function parseCriteria(
	formData: FormData,
	current: DigitalFamilyCriterion[],
): DigitalFamilyCriterion[] | null {
	const next: DigitalFamilyCriterion[] = []
	for (const c of current) {
		const enabled = formData.get(`${c.kind}.enabled`) === 'on'
		let threshold = c.threshold
		if (c.kind !== 'ambassadorAssigned') {
			const raw = String(formData.get(`${c.kind}.threshold`) ?? '')
			if (!/^\d{1,2}$/.test(raw)) return null
			threshold = Number(raw)
			const [min, max] = c.kind === 'adultsVneidLevel2' ? [14, 25] : [1, 10]
			if (threshold < min || threshold > max) return null
		}
		next.push({ kind: c.kind, enabled, threshold })
	}
	return next.some((c) => c.enabled) ? next : null
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'programmes.manage')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const current = await readDigitalFamilyCriteria(context.app.db, user.wardId)
	const criteria = parseCriteria(formData, current)
	if (!criteria) return data({ invalid: true }, { status: 400 })
	await saveDigitalFamilyCriteria(context.app.db, { wardId: user.wardId, criteria, by: user.id })
	await recordAudit(context.app.db, {
		...requestAudit(context, user),
		action: 'programme.digitalFamilyCriteriaSaved',
		entityType: 'ward',
		entityId: user.wardId,
		details: {
			criteria: criteria.map((c) => ({ kind: c.kind, enabled: c.enabled, threshold: c.threshold })),
		},
	})
	return redirect('/chuong-trinh/gia-dinh-so?daLuu=1')
}

export default function ProgrammeFamilyCriteria({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { criteria, saved } = loaderData
	return (
		<div className="stack">
			<p>
				<Link to="/chuong-trinh">← {t('programmes.title')}</Link>
			</p>
			<h1>{t('programmes.family.editTitle')}</h1>
			<p>{t('programmes.family.editIntro')}</p>
			{saved ? <p role="status">{t('programmes.family.saved')}</p> : null}
			{actionData?.invalid ? <p role="alert">{t('programmes.family.invalid')}</p> : null}
			<Form method="post" className="form">
				<CsrfInput />
				{criteria.map((c) => (
					<fieldset key={c.kind}>
						<legend>{t(`programmes.family.criterion.${c.kind}`, { threshold: c.threshold })}</legend>
						<div className="field field--checkbox">
							<input
								type="checkbox"
								id={`${c.kind}-enabled`}
								name={`${c.kind}.enabled`}
								defaultChecked={c.enabled}
							/>
							<label htmlFor={`${c.kind}-enabled`}>
								{t('programmes.family.enabled', {
									label: t(`programmes.family.criterion.${c.kind}`, { threshold: c.threshold }),
								})}
							</label>
						</div>
						{c.kind === 'ambassadorAssigned' ? null : (
							<div className="field">
								<label htmlFor={`${c.kind}-threshold`}>
									{t(
										c.kind === 'adultsVneidLevel2'
											? 'programmes.family.thresholdAge'
											: 'programmes.family.thresholdCount',
									)}
								</label>
								<input
									id={`${c.kind}-threshold`}
									name={`${c.kind}.threshold`}
									inputMode="numeric"
									defaultValue={String(c.threshold)}
									required
								/>
							</div>
						)}
					</fieldset>
				))}
				<p className="actions">
					<button type="submit" className="primary">
						{t('programmes.family.save')}
					</button>
				</p>
			</Form>
		</div>
	)
}
