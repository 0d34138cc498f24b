import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { can, forbidden, requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { loadResidentPolicyTarget } from '#server/identity/resident-policy-target.server.ts'
import { eraseResidentData } from '#server/privacy/erase-resident-data.server.ts'
import type { Route } from './+types/resident-erase'

export const meta: Route.MetaFunction = () => [
	{ title: 'Xóa dữ liệu cá nhân theo yêu cầu — Bình dân học vụ số' },
]

async function loadTarget(request: Request, context: Route.LoaderArgs['context'], residentId: string) {
	const user = await requirePermission(request, context, 'people.dataRights')
	const target = await loadResidentPolicyTarget(context.app.db, residentId)
	if (!target || target.wardId !== user.wardId) throw data(null, { status: 404 })
	if (!can(user, 'people.dataRights', target)) throw forbidden()
	const resident = await context.app.db.query.residents.findFirst({
		where: (r, { eq }) => eq(r.id, residentId),
		columns: { id: true, fullName: true, birthYear: true, version: true, anonymisedAt: true },
	})
	if (!resident) throw data(null, { status: 404 })
	return { user, resident }
}

/** `/nguoi-dan/:residentId/xoa-du-lieu`: erase a resident's personal data on their request, after confirmation. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const { resident } = await loadTarget(request, context, params.residentId)
	return { resident: { ...resident, anonymisedAt: resident.anonymisedAt?.toISOString() ?? null } }
}

const EraseSchema = z.object({
	version: z.coerce.number().int().min(1),
	reason: z.string().trim().min(5).max(200),
	confirm: z.literal('yes'),
})

export async function action({ request, context, params }: Route.ActionArgs) {
	await requirePermission(request, context, 'people.dataRights')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const { user, resident } = await loadTarget(request, context, params.residentId)
	const parsed = EraseSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) return data({ error: 'form' as const }, { status: 400 })
	const outcome = await eraseResidentData(context.app, {
		wardId: user.wardId,
		residentId: resident.id,
		expectedVersion: parsed.data.version,
		actor: requestAudit(context, user).actor,
		reason: parsed.data.reason,
	})
	if (outcome === 'conflict') return data({ error: 'conflict' as const }, { status: 409 })
	if (outcome === 'notFound') throw data(null, { status: 404 })
	return redirect(`/nguoi-dan/${resident.id}`)
}

export default function ResidentErase({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { resident } = loaderData
	const error = actionData?.error
	return (
		<div className="stack">
			<p>
				<Link to={`/nguoi-dan/${resident.id}`}>← {resident.fullName}</Link>
			</p>
			<h1>{t('privacy.erase.title')}</h1>
			{resident.anonymisedAt ? (
				<p role="status">{t('privacy.erase.already')}</p>
			) : (
				<>
					<p>{t('privacy.erase.intro', { name: resident.fullName, year: resident.birthYear })}</p>
					<ul>
						<li>{t('privacy.erase.removed')}</li>
						<li>{t('privacy.erase.kept')}</li>
						<li>{t('privacy.erase.account')}</li>
					</ul>
					<p>{t('privacy.erase.exportFirst')}</p>
					<p>
						<a href={`/nguoi-dan/${resident.id}/du-lieu.json`} download>
							{t('privacy.export.link')}
						</a>
					</p>
					<Form method="post" className="form">
						<CsrfInput />
						<input type="hidden" name="version" value={resident.version} />
						<div className="field">
							<label htmlFor="erase-reason">{t('privacy.erase.reason')}</label>
							<p className="hint" id="erase-reason-hint">
								{t('privacy.erase.reasonHint')}
							</p>
							<textarea
								id="erase-reason"
								name="reason"
								rows={2}
								minLength={5}
								maxLength={200}
								required
								aria-describedby="erase-reason-hint"
							/>
						</div>
						<div className="field">
							<label>
								<input type="checkbox" name="confirm" value="yes" required />{' '}
								{t('privacy.erase.confirm', { name: resident.fullName })}
							</label>
						</div>
						{error ? (
							<p className="field-error" role="alert">
								{t(error === 'conflict' ? 'privacy.erase.conflict' : 'privacy.erase.formError')}
							</p>
						) : null}
						<button type="submit">{t('privacy.erase.submit')}</button>
					</Form>
				</>
			)}
		</div>
	)
}
