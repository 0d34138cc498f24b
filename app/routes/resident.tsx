import { data, Form, Link, useSearchParams } from 'react-router'
import { z } from 'zod'
import { ResidentCertificates } from '#app/components/certification/resident-certificates.tsx'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatDateTime, formatIsoDate } from '#app/utils/format-date.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { listResidentCertificates } from '#server/certification/list-certificates.server.ts'
import { can, requirePermission, residentScopeCondition } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { loadResidentPolicyTarget } from '#server/identity/resident-policy-target.server.ts'
import { getResident } from '#server/people/get-resident.server.ts'
import { setResidentStatus } from '#server/people/move-resident.server.ts'
import { readResidentIdentifiers } from '#server/security/reveal-personal-data.server.ts'
import type { Route } from './+types/resident'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `${data?.resident.fullName ?? 'Người dân'} — Bình dân học vụ số` },
]

/** `/nguoi-dan/:residentId`: one resident, identifiers masked unless revealed (audit-logged). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'people.read')
	const resident = await getResident(context.app.db, {
		wardId: user.wardId,
		residentId: params.residentId,
		scope: residentScopeCondition(user, 'people.read'),
	})
	if (!resident) throw data(null, { status: 404 })
	const identifiers = await readResidentIdentifiers(
		context.app,
		requestAudit(context, user),
		user,
		resident.id,
	)
	const target = await loadResidentPolicyTarget(context.app.db, resident.id)
	return {
		resident,
		identifiers,
		canWrite: target ? can(user, 'people.write', target) : false,
		canUseDataRights: target ? can(user, 'people.dataRights', target) : false,
		certificates:
			target && can(user, 'certificates.read', target)
				? await listResidentCertificates(context.app.db, user.wardId, resident.id)
				: null,
	}
}

const ActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('reveal'), field: z.enum(['personalId', 'phone']) }),
	z.object({
		intent: z.literal('status'),
		status: z.enum(['active', 'movedAway', 'deceased']),
		version: z.coerce.number().int().min(1),
	}),
])

export async function action({ request, context, params }: Route.ActionArgs) {
	const formData = await request.formData()
	const parsed = ActionSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) throw data(null, { status: 400 })
	const target = await loadResidentPolicyTarget(context.app.db, params.residentId)
	if (!target) throw data(null, { status: 404 })
	const input = parsed.data
	const user = await requirePermission(
		request,
		context,
		input.intent === 'reveal' ? 'people.read' : 'people.write',
		target,
	)
	await requireCsrf(request, formData, context)
	const audit = requestAudit(context, user)
	if (input.intent === 'reveal') {
		const identifiers = await readResidentIdentifiers(context.app, audit, user, params.residentId, {
			reveal: [input.field],
		})
		return { identifiers, statusSaved: false, conflict: false }
	}
	const result = await setResidentStatus(context.app.db, {
		wardId: user.wardId,
		residentId: params.residentId,
		expectedVersion: input.version,
		status: input.status,
	})
	if (!result.ok && result.reason === 'notFound') throw data(null, { status: 404 })
	if (result.ok) {
		await recordAudit(context.app.db, {
			...audit,
			action: 'resident.statusChanged',
			entityType: 'resident',
			entityId: params.residentId,
			details: { status: input.status },
		})
	}
	return data(
		{ identifiers: null, statusSaved: result.ok, conflict: !result.ok },
		{ status: result.ok ? 200 : 409 },
	)
}

export default function Resident({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { resident, canWrite } = loaderData
	const identifiers = actionData?.identifiers ?? loaderData.identifiers
	const [searchParams] = useSearchParams()
	return (
		<div className="stack">
			<p>
				<Link to="/nguoi-dan">{t('people.detail.back')}</Link>
			</p>
			<h1>{resident.fullName}</h1>
			{searchParams.get('daLuu') ? (
				<p className="notice" role="status">
					{t('people.edit.saved')}
				</p>
			) : null}
			{searchParams.get('daChuyen') ? (
				<p className="notice" role="status">
					{t('people.move.done')}
				</p>
			) : null}
			{actionData?.statusSaved ? (
				<p className="notice" role="status">
					{t('people.detail.statusSaved')}
				</p>
			) : null}
			{actionData?.conflict ? (
				<p className="form-error" role="alert">
					{t('people.edit.conflict')}
				</p>
			) : null}
			<section aria-labelledby="personal-title" className="card">
				<h2 id="personal-title">{t('people.detail.personal')}</h2>
				<dl className="facts">
					<dt>{t('people.col.sex')}</dt>
					<dd>{t(`people.sex.${resident.sex}`)}</dd>
					<dt>{t('people.detail.birth')}</dt>
					<dd>{resident.birthDate ? formatIsoDate(resident.birthDate) : resident.birthYear}</dd>
					<dt>{t('people.detail.ethnicity')}</dt>
					<dd>{resident.ethnicity}</dd>
					<dt>{t('people.detail.disability')}</dt>
					<dd>{resident.hasDisability ? t('people.detail.yes') : t('people.detail.no')}</dd>
					<dt>{t('people.detail.occupation')}</dt>
					<dd>{resident.occupation ?? '—'}</dd>
					<dt>{t('people.detail.residence')}</dt>
					<dd>{t(`people.residence.${resident.residence}`)}</dd>
					<dt>{t('people.col.vneid')}</dt>
					<dd>{t(`people.vneid.${resident.vneidLevel as 0 | 1 | 2}`)}</dd>
					<dt>{t('people.col.status')}</dt>
					<dd>{t(`people.status.${resident.status}`)}</dd>
					<dt>{t('people.detail.household')}</dt>
					<dd>
						{resident.householdId ? (
							<Link to={`/ho-gia-dinh/${resident.householdId}`}>
								{resident.householdCode} — {resident.residentialGroupName}
							</Link>
						) : (
							t('people.detail.noHousehold')
						)}
					</dd>
					<dt>{t('people.detail.relation')}</dt>
					<dd>{resident.relationToHead ?? '—'}</dd>
				</dl>
				<p className="muted">
					{t('people.detail.updatedAt', { time: formatDateTime(locale, resident.updatedAt) })}
				</p>
			</section>
			{identifiers ? (
				<section aria-labelledby="identifiers-title" className="card">
					<h2 id="identifiers-title">
						{t('people.detail.personalId')} · {t('people.detail.phone')}
					</h2>
					<p className="hint">{t('people.detail.revealHint')}</p>
					<dl className="facts">
						{(['personalId', 'phone'] as const).map((field) => (
							<div key={field} className="facts__row">
								<dt>{t(`people.detail.${field}`)}</dt>
								<dd>
									<span className="mono">{identifiers[field] ?? t('people.detail.none')}</span>{' '}
									{identifiers.revealed.includes(field) ? (
										<span className="muted">({t('people.detail.revealed')})</span>
									) : identifiers[field] && identifiers.revealable.includes(field) ? (
										<Form method="post" className="inline-form">
											<CsrfInput />
											<input type="hidden" name="intent" value="reveal" />
											<input type="hidden" name="field" value={field} />
											<button type="submit" className="secondary">
												{t('people.detail.reveal')}
												<span className="visually-hidden"> {t(`people.detail.${field}`)}</span>
											</button>
										</Form>
									) : null}
								</dd>
							</div>
						))}
					</dl>
				</section>
			) : null}
			<section aria-labelledby="groups-title" className="card">
				<h2 id="groups-title">{t('people.detail.targetGroups')}</h2>
				{resident.targetGroups.length === 0 ? (
					<p>{t('people.detail.noTargetGroups')}</p>
				) : (
					<ul>
						{resident.targetGroups.map((g) => (
							<li key={g.code}>
								{locale === 'vi' ? g.nameVi : g.nameEn}
								{g.source === 'derived' ? (
									<span className="muted"> ({t('people.detail.derived')})</span>
								) : null}
							</li>
						))}
					</ul>
				)}
				<h2>{t('people.detail.memberships')}</h2>
				{resident.memberships.length === 0 ? (
					<p>{t('people.detail.noMemberships')}</p>
				) : (
					<ul>
						{resident.memberships.map((m) => (
							<li key={`${m.organizationId}-${m.kind}`}>
								{m.organizationName}
								{m.position ? ` — ${m.position}` : ''}
								{m.endedOn ? <span className="muted"> ({t('people.detail.ended')})</span> : null}
							</li>
						))}
					</ul>
				)}
			</section>
			{loaderData.certificates ? <ResidentCertificates certificates={loaderData.certificates} /> : null}
			<p>
				<Link to={`/nguoi-dan/${resident.id}/dong-y`}>{t('privacy.consent.link')}</Link>
			</p>
			{loaderData.canUseDataRights ? (
				<section aria-labelledby="data-rights-title" className="card stack">
					<h2 id="data-rights-title">{t('privacy.section.title')}</h2>
					<p>{t('privacy.section.body')}</p>
					<ul>
						<li>
							<a href={`/nguoi-dan/${resident.id}/du-lieu.json`} download>
								{t('privacy.export.link')}
							</a>
						</li>
						<li>
							<Link to={`/nguoi-dan/${resident.id}/xoa-du-lieu`}>{t('privacy.erase.link')}</Link>
						</li>
					</ul>
				</section>
			) : null}
			{canWrite ? (
				<section aria-labelledby="actions-title" className="card stack">
					<h2 id="actions-title">{t('people.detail.statusTitle')}</h2>
					<p className="actions">
						<Link className="button" to={`/nguoi-dan/${resident.id}/sua`}>
							{t('people.detail.edit')}
						</Link>{' '}
						<Link className="button secondary" to={`/nguoi-dan/${resident.id}/chuyen-ho`}>
							{t('people.detail.move')}
						</Link>
					</p>
					<Form method="post" className="form">
						<CsrfInput />
						<input type="hidden" name="intent" value="status" />
						<input type="hidden" name="version" value={resident.version} />
						<div className="field">
							<label htmlFor="status">{t('people.col.status')}</label>
							<p className="hint" id="status-hint">
								{t('people.detail.statusHint')}
							</p>
							<select id="status" name="status" defaultValue={resident.status} aria-describedby="status-hint">
								{(['active', 'movedAway', 'deceased'] as const).map((s) => (
									<option key={s} value={s}>
										{t(`people.status.${s}`)}
									</option>
								))}
							</select>
						</div>
						<p>
							<button type="submit" className="primary">
								{t('people.detail.statusSubmit')}
							</button>
						</p>
					</Form>
				</section>
			) : null}
		</div>
	)
}
