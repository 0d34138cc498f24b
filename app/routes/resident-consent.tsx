import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { ConsentHistory, ConsentTable } from '#app/components/privacy/consent-table.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { can, requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { loadResidentPolicyTarget } from '#server/identity/resident-policy-target.server.ts'
import { ConsentFormSchema, readConsents, recordConsent } from '#server/privacy/consent.server.ts'
import {
	CONSENT_NOTE_MAX,
	consentDecisions,
	consentMethods,
	consentPurposes,
} from '#server/privacy/consent-vocabulary.ts'
import type { Route } from './+types/resident-consent'

export const meta: Route.MetaFunction = () => [{ title: 'Sự đồng ý về dữ liệu cá nhân — Bình dân học vụ số' }]

async function loadTarget(request: Request, context: Route.LoaderArgs['context'], residentId: string) {
	const target = await loadResidentPolicyTarget(context.app.db, residentId)
	if (!target) throw data(null, { status: 404 })
	const user = await requirePermission(request, context, 'people.read', target)
	const resident = await context.app.db.query.residents.findFirst({
		where: (r, { and, eq }) => and(eq(r.id, residentId), eq(r.wardId, user.wardId)),
		columns: { id: true, fullName: true, anonymisedAt: true },
	})
	if (!resident) throw data(null, { status: 404 })
	return { user, target, resident }
}

/** `/nguoi-dan/:residentId/dong-y`: the person's consent per purpose, its history, and recording a decision. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const { user, target, resident } = await loadTarget(request, context, params.residentId)
	return {
		resident: { id: resident.id, fullName: resident.fullName, erased: resident.anonymisedAt !== null },
		consents: await readConsents(context.app.db, resident.id),
		canRecord: can(user, 'people.write', target) && resident.anonymisedAt === null,
	}
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const target = await loadResidentPolicyTarget(context.app.db, params.residentId)
	if (!target) throw data(null, { status: 404 })
	const user = await requirePermission(request, context, 'people.write', target)
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const parsed = ConsentFormSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) {
		const errors = parsed.error.issues.map((issue) => issue.message as MessageKey)
		return data({ errors }, { status: 400 })
	}
	const outcome = await recordConsent(context.app.db, {
		...parsed.data,
		wardId: user.wardId,
		residentId: params.residentId,
		recordedBy: user.id,
		actor: requestAudit(context, user).actor,
	})
	if (outcome === 'notFound') throw data(null, { status: 404 })
	return redirect(`/nguoi-dan/${params.residentId}/dong-y?daLuu=1`)
}

export default function ResidentConsent({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const [params] = useSearchParams()
	const { resident, consents, canRecord } = loaderData
	return (
		<div className="stack">
			<p>
				<Link to={`/nguoi-dan/${resident.id}`}>← {resident.fullName}</Link>
			</p>
			<h1>{t('privacy.consent.title')}</h1>
			<p>{t('privacy.consent.intro')}</p>
			{params.get('daLuu') ? <p role="status">{t('privacy.consent.saved')}</p> : null}
			{resident.erased ? <p role="status">{t('privacy.consent.erased')}</p> : null}
			<ConsentTable consents={consents} />
			{canRecord ? (
				<section aria-labelledby="consent-form-title" className="card stack">
					<h2 id="consent-form-title">{t('privacy.consent.formTitle')}</h2>
					{/* Keyed by the history so a saved decision leaves an empty form, also after a client-side redirect. */}
					<Form method="post" className="form stack" key={consents.reduce((n, c) => n + c.history.length, 0)}>
						<CsrfInput />
						<div className="field">
							<label htmlFor="consent-purpose">{t('privacy.consent.field.purpose')}</label>
							<select id="consent-purpose" name="purpose" required defaultValue="">
								<option value="" disabled>
									—
								</option>
								{consentPurposes.map((purpose) => (
									<option key={purpose} value={purpose}>
										{t(`privacy.consent.purpose.${purpose}`)}
									</option>
								))}
							</select>
						</div>
						<fieldset>
							<legend>{t('privacy.consent.field.decision')}</legend>
							{consentDecisions.map((decision) => (
								<label key={decision} className="field--radio">
									<input type="radio" name="decision" value={decision} required />
									{t(`privacy.consent.decision.${decision}`)}
								</label>
							))}
						</fieldset>
						<div className="field">
							<label htmlFor="consent-method">{t('privacy.consent.field.method')}</label>
							<select id="consent-method" name="method" required defaultValue="paper">
								{consentMethods
									.filter((method) => method !== 'online')
									.map((method) => (
										<option key={method} value={method}>
											{t(`privacy.consent.method.${method}`)}
										</option>
									))}
							</select>
						</div>
						<div className="field">
							<label htmlFor="consent-note">{t('privacy.consent.field.note')}</label>
							<p className="hint" id="consent-note-hint">
								{t('privacy.consent.noteHint')}
							</p>
							<input
								id="consent-note"
								name="note"
								maxLength={CONSENT_NOTE_MAX}
								aria-describedby="consent-note-hint"
							/>
						</div>
						{actionData?.errors ? (
							<div className="field-error" role="alert">
								{actionData.errors.map((key) => (
									<p key={key}>{t(key)}</p>
								))}
							</div>
						) : null}
						<button type="submit" className="primary">
							{t('privacy.consent.submit')}
						</button>
					</Form>
				</section>
			) : null}
			<ConsentHistory consents={consents} />
		</div>
	)
}
