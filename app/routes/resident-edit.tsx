import { getFormProps, getInputProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import type { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { SelectField, TextField } from '#app/components/text-field.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { readPreferences } from '#app/utils/preferences.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { loadResidentPolicyTarget } from '#server/identity/resident-policy-target.server.ts'
import { checkResidentIdentifiers } from '#server/people/check-resident-identifiers.ts'
import { getResident, type ResidentDetail } from '#server/people/get-resident.server.ts'
import { ResidentEditFormSchema } from '#server/people/resident-form-schema.ts'
import { updateResident } from '#server/people/update-resident.server.ts'
import { readResidentIdentifiers } from '#server/security/reveal-personal-data.server.ts'
import type { Route } from './+types/resident-edit'

export const meta: Route.MetaFunction = () => [{ title: 'Sửa thông tin người dân — Bình dân học vụ số' }]

async function loadEditable(request: Request, context: Route.LoaderArgs['context'], residentId: string) {
	const target = await loadResidentPolicyTarget(context.app.db, residentId)
	if (!target) throw data(null, { status: 404 })
	const user = await requirePermission(request, context, 'people.write', target)
	const resident = await getResident(context.app.db, { wardId: user.wardId, residentId })
	if (!resident) throw data(null, { status: 404 })
	return { user, resident }
}

/** `/nguoi-dan/:residentId/sua`: edit a resident; a stale version is refused with the other change shown. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const { user, resident } = await loadEditable(request, context, params.residentId)
	const identifiers = await readResidentIdentifiers(
		context.app,
		requestAudit(context, user),
		user,
		resident.id,
	)
	return {
		resident,
		masked: { personalId: identifiers?.personalId ?? null, phone: identifiers?.phone ?? null },
	}
}

const compared = [
	'fullName',
	'sex',
	'birthDate',
	'birthYear',
	'ethnicity',
	'occupation',
	'relationToHead',
	'residence',
	'vneidLevel',
	'hasDisability',
] as const

export async function action({ request, context, params }: Route.ActionArgs) {
	const { user } = await loadEditable(request, context, params.residentId)
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const { locale } = await readPreferences(request)
	const submission = parseWithZod(formData, { schema: ResidentEditFormSchema })
	if (submission.status !== 'success')
		return data({ result: submission.reply(), conflict: null }, { status: 400 })
	const value = submission.value
	const identifiers = checkResidentIdentifiers(value, locale)
	if (Object.keys(identifiers.fieldErrors).length > 0) {
		return data(
			{ result: submission.reply({ fieldErrors: identifiers.fieldErrors }), conflict: null },
			{ status: 400 },
		)
	}
	const result = await updateResident(context.app, {
		wardId: user.wardId,
		residentId: params.residentId,
		expectedVersion: value.version,
		changes: {
			fullName: value.fullName,
			sex: value.sex,
			birthDate: value.birthDate ?? null,
			birthYear: value.birthYear,
			ethnicity: value.ethnicity,
			occupation: value.occupation ?? null,
			relationToHead: value.relationToHead ?? null,
			residence: value.residence,
			vneidLevel: value.vneidLevel,
			hasDisability: value.hasDisability,
			...(identifiers.personalId ? { personalId: identifiers.personalId } : {}),
			...(identifiers.phone ? { phone: identifiers.phone } : {}),
		},
	})
	if (result.ok) {
		await recordAudit(context.app.db, {
			...requestAudit(context, user),
			action: 'resident.updated',
			entityType: 'resident',
			entityId: params.residentId,
			details: { fields: result.changedFields, version: result.version },
		})
		return redirect(`/nguoi-dan/${params.residentId}?daLuu=1`)
	}
	if (result.reason === 'notFound') throw data(null, { status: 404 })
	if (result.reason === 'duplicatePersonalId') {
		return data(
			{
				result: submission.reply({ fieldErrors: { personalId: ['people.edit.duplicatePersonalId'] } }),
				conflict: null,
			},
			{ status: 409 },
		)
	}
	const current = await getResident(context.app.db, { wardId: user.wardId, residentId: params.residentId })
	if (!current) throw data(null, { status: 404 })
	const differences = compared
		.filter((field) => String(value[field] ?? '') !== String(current[field] ?? ''))
		.map((field) => ({ field, mine: String(value[field] ?? ''), saved: String(current[field] ?? '') }))
	return data(
		{ result: submission.reply(), conflict: { version: current.version, differences } },
		{ status: 409 },
	)
}

export default function ResidentEdit({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { resident, masked } = loaderData
	const conflict = actionData?.conflict
	const [form, fields] = useForm<{ [K in keyof z.input<typeof ResidentEditFormSchema>]?: string }>({
		lastResult: actionData?.result,
		defaultValue: defaults(resident),
		shouldValidate: 'onBlur',
	})
	return (
		<div className="stack">
			<p>
				<Link to={`/nguoi-dan/${resident.id}`}>← {resident.fullName}</Link>
			</p>
			<h1>{t('people.edit.title', { name: resident.fullName })}</h1>
			{conflict ? <ConflictNotice differences={conflict.differences} /> : null}
			<Form method="post" className="form" {...getFormProps(form)}>
				<CsrfInput />
				<input type="hidden" name="version" value={conflict?.version ?? resident.version} />
				<TextField meta={fields.fullName} label={t('people.edit.fullName')} autoComplete="off" required />
				<SelectField meta={fields.sex} label={t('people.edit.sex')}>
					<option value="male">{t('people.sex.male')}</option>
					<option value="female">{t('people.sex.female')}</option>
				</SelectField>
				<TextField
					meta={fields.birthDate}
					label={t('people.edit.birthDate')}
					hint={t('people.edit.birthDateHint')}
					type="date"
				/>
				<TextField meta={fields.birthYear} label={t('people.edit.birthYear')} inputMode="numeric" required />
				<TextField meta={fields.ethnicity} label={t('people.edit.ethnicity')} />
				<TextField meta={fields.occupation} label={t('people.edit.occupation')} />
				<TextField meta={fields.relationToHead} label={t('people.edit.relation')} />
				<SelectField meta={fields.residence} label={t('people.edit.residence')}>
					{(['permanent', 'temporary', 'nonResident'] as const).map((r) => (
						<option key={r} value={r}>
							{t(`people.residence.${r}`)}
						</option>
					))}
				</SelectField>
				<SelectField meta={fields.vneidLevel} label={t('people.edit.vneid')}>
					{(['0', '1', '2'] as const).map((l) => (
						<option key={l} value={l}>
							{t(`people.vneid.${l}`)}
						</option>
					))}
				</SelectField>
				<div className="field field--checkbox">
					<input {...getInputProps(fields.hasDisability, { type: 'checkbox' })} key={undefined} />
					<label htmlFor={fields.hasDisability.id}>{t('people.edit.disability')}</label>
				</div>
				<TextField
					meta={fields.personalId}
					label={t('people.edit.personalId')}
					hint={t('people.edit.personalIdHint', { current: masked.personalId ?? t('people.detail.none') })}
					inputMode="numeric"
					autoComplete="off"
				/>
				<TextField
					meta={fields.phone}
					label={t('people.edit.phone')}
					hint={t('people.edit.phoneHint', { current: masked.phone ?? t('people.detail.none') })}
					type="tel"
					autoComplete="off"
				/>
				<p className="actions">
					<button type="submit" className="primary">
						{t('people.edit.submit')}
					</button>{' '}
					<Link to={`/nguoi-dan/${resident.id}`}>{t('people.edit.cancel')}</Link>
				</p>
			</Form>
		</div>
	)
}

function ConflictNotice({ differences }: { differences: { field: string; mine: string; saved: string }[] }) {
	const { t } = useTranslate()
	return (
		<section className="form-error" role="alert" aria-labelledby="conflict-title">
			<h2 id="conflict-title">{t('error.conflict.title')}</h2>
			<p>{t('people.edit.conflict')}</p>
			{differences.length > 0 ? (
				<table>
					<caption>{t('people.edit.conflictTable')}</caption>
					<thead>
						<tr>
							<th scope="col">{t('people.edit.conflictField')}</th>
							<th scope="col">{t('people.edit.conflictMine')}</th>
							<th scope="col">{t('people.edit.conflictSaved')}</th>
						</tr>
					</thead>
					<tbody>
						{differences.map((d) => (
							<tr key={d.field}>
								<th scope="row">{t(fieldLabels[d.field] ?? 'people.edit.conflictField')}</th>
								<td>{displayValue(t, d.field, d.mine)}</td>
								<td>{displayValue(t, d.field, d.saved)}</td>
							</tr>
						))}
					</tbody>
				</table>
			) : null}
		</section>
	)
}

const fieldLabels: Record<string, MessageKey> = {
	fullName: 'people.edit.fullName',
	sex: 'people.edit.sex',
	birthDate: 'people.edit.birthDate',
	birthYear: 'people.edit.birthYear',
	ethnicity: 'people.edit.ethnicity',
	occupation: 'people.edit.occupation',
	relationToHead: 'people.edit.relation',
	residence: 'people.edit.residence',
	vneidLevel: 'people.edit.vneid',
	hasDisability: 'people.edit.disability',
}

/** Shows coded values (sex, residence, VNeID level, yes/no) in words. */
function displayValue(t: ReturnType<typeof useTranslate>['t'], field: string, raw: string): string {
	if (raw === '') return '—'
	if (field === 'sex' && (raw === 'male' || raw === 'female')) return t(`people.sex.${raw}`)
	if (field === 'residence' && (raw === 'permanent' || raw === 'temporary' || raw === 'nonResident'))
		return t(`people.residence.${raw}`)
	if (field === 'vneidLevel' && (raw === '0' || raw === '1' || raw === '2')) return t(`people.vneid.${raw}`)
	if (field === 'hasDisability') return raw === 'true' ? t('people.detail.yes') : t('people.detail.no')
	return raw
}

function defaults(r: ResidentDetail) {
	return {
		fullName: r.fullName,
		sex: r.sex,
		birthDate: r.birthDate ?? '',
		birthYear: String(r.birthYear),
		ethnicity: r.ethnicity,
		occupation: r.occupation ?? '',
		relationToHead: r.relationToHead ?? '',
		residence: r.residence,
		vneidLevel: String(r.vneidLevel),
		hasDisability: r.hasDisability ? 'on' : undefined,
	}
}
