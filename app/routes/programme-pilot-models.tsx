import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { PilotModelFields } from '#app/components/programmes/pilot-model-fields.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { listOrganizerOptions } from '#server/classes/classes.server.ts'
import { can, requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import {
	aiPilotFigures,
	createPilotModel,
	listPilotModels,
	PilotModelFormSchema,
} from '#server/programmes/pilot-models.server.ts'
import type { Route } from './+types/programme-pilot-models'

export const meta: Route.MetaFunction = () => [{ title: 'Mô hình điểm — Bình dân học vụ số' }]

/** `/chuong-trinh/mo-hinh-diem`: the ward's pilot models (target 9) and registering a new one. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'indicators.read')
	const [models, figures, organizations] = await Promise.all([
		listPilotModels(context.app.db, user.wardId),
		aiPilotFigures(context.app.db, user.wardId),
		listOrganizerOptions(context.app.db, user.wardId),
	])
	return { models, figures, organizations, manages: can(user, 'programmes.manage') }
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'programmes.manage')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const values = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]))
	const parsed = PilotModelFormSchema.safeParse(values)
	if (!parsed.success)
		return data({ errors: z.flattenError(parsed.error).fieldErrors, values }, { status: 400 })
	const id = await createPilotModel(context.app.db, { wardId: user.wardId, form: parsed.data, by: user.id })
	if (!id)
		return data({ errors: { organizationId: ['programmes.error.organization'] }, values }, { status: 400 })
	await recordAudit(context.app.db, {
		...requestAudit(context, user),
		action: 'programme.pilotModelCreated',
		entityType: 'pilotModel',
		entityId: id,
		details: { kind: parsed.data.kind, status: parsed.data.status },
	})
	return redirect(`/chuong-trinh/mo-hinh-diem/${id}`)
}

export default function ProgrammePilotModels({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { models, figures, organizations, manages } = loaderData
	return (
		<div className="stack">
			<p>
				<Link to="/chuong-trinh">← {t('programmes.title')}</Link>
			</p>
			<h1>{t('programmes.pilot.listTitle')}</h1>
			<p>{t('programmes.pilot.body')}</p>
			<p className="lead">{t('programmes.pilot.summary', figures)}</p>
			{models.length === 0 ? (
				<p>{t('programmes.pilot.empty')}</p>
			) : (
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('programmes.pilot.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('programmes.pilot.col.name')}</th>
								<th scope="col">{t('programmes.pilot.col.kind')}</th>
								<th scope="col">{t('programmes.pilot.col.status')}</th>
								<th scope="col">{t('programmes.pilot.col.members')}</th>
								<th scope="col">{t('programmes.pilot.col.evidence')}</th>
							</tr>
						</thead>
						<tbody>
							{models.map((m) => (
								<tr key={m.id}>
									<th scope="row">
										<Link to={`/chuong-trinh/mo-hinh-diem/${m.id}`}>{m.name}</Link>
										{m.organizationName ? (
											<>
												<br />
												<small>{m.organizationName}</small>
											</>
										) : null}
									</th>
									<td>{t(`programmes.pilot.kind.${m.kind}`)}</td>
									<td>{t(`programmes.pilot.status.${m.status}`)}</td>
									<td>{m.members}</td>
									<td>{m.evidence}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			{manages ? (
				<section aria-labelledby="pm-new" className="stack">
					<h2 id="pm-new">{t('programmes.pilot.new')}</h2>
					<Form method="post" className="form">
						<CsrfInput />
						<PilotModelFields
							values={actionData?.values ?? {}}
							errors={actionData?.errors ?? null}
							organizations={organizations}
						/>
						<p className="actions">
							<button type="submit" className="primary">
								{t('programmes.pilot.create')}
							</button>
						</p>
					</Form>
				</section>
			) : null}
		</div>
	)
}
