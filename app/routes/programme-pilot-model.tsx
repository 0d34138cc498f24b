import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { PilotEvidenceSection } from '#app/components/programmes/pilot-evidence-section.tsx'
import { PilotModelFields } from '#app/components/programmes/pilot-model-fields.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { listOrganizerOptions } from '#server/classes/classes.server.ts'
import { findResidentForClass, findResidentsForClass } from '#server/classes/enrolments.server.ts'
import { can, requirePermission, residentScopeCondition } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import {
	addEvidence,
	addPilotMember,
	EvidenceLinkSchema,
	getPilotModel,
	listEvidence,
	listPilotMembers,
	PilotModelFormSchema,
	removePilotMember,
	updatePilotModel,
} from '#server/programmes/pilot-models.server.ts'
import type { Route } from './+types/programme-pilot-model'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `${data?.model.name ?? 'Mô hình điểm'} — Bình dân học vụ số` },
]

/** `/chuong-trinh/mo-hinh-diem/:modelId`: a pilot model's goal, status, members and evidence. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'indicators.read')
	const db = context.app.db
	const model = await getPilotModel(db, { wardId: user.wardId, id: params.modelId })
	if (!model) throw data(null, { status: 404 })
	const manages = can(user, 'programmes.manage')
	const url = new URL(request.url)
	const text = manages ? (url.searchParams.get('tim') ?? '').trim().slice(0, 100) : ''
	const [members, evidence, organizations, candidates] = await Promise.all([
		listPilotMembers(db, model.id),
		listEvidence(db, model.id),
		listOrganizerOptions(db, user.wardId),
		text
			? findResidentsForClass(db, {
					wardId: user.wardId,
					scope: residentScopeCondition(user, 'programmes.manage'),
					text,
				})
			: Promise.resolve(null),
	])
	return {
		model,
		members,
		evidence,
		organizations,
		candidates,
		text,
		manages,
		notice: url.searchParams.get('tb'),
	}
}

const MAX_FILE_BYTES = 2 * 1024 * 1024
const FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf']

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'programmes.manage')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const db = context.app.db
	const model = await getPilotModel(db, { wardId: user.wardId, id: params.modelId })
	if (!model) throw data(null, { status: 404 })
	const audit = { ...requestAudit(context, user), entityType: 'pilotModel', entityId: model.id }
	const intent = formData.get('intent')
	const back = (notice: string) => redirect(`/chuong-trinh/mo-hinh-diem/${model.id}?tb=${notice}`)
	if (intent === 'edit') {
		const values = Object.fromEntries([...formData].map(([k, v]) => [k, String(v)]))
		const parsed = PilotModelFormSchema.safeParse(values)
		if (!parsed.success)
			return data(
				{ errors: z.flattenError(parsed.error).fieldErrors, values, evidenceErrors: null },
				{ status: 400 },
			)
		const version = Number(formData.get('version'))
		const saved = await updatePilotModel(db, {
			wardId: user.wardId,
			id: model.id,
			version,
			form: parsed.data,
		})
		if (saved === 'invalid')
			return data(
				{ errors: { organizationId: ['programmes.error.organization'] }, values, evidenceErrors: null },
				{ status: 400 },
			)
		if (saved === 'conflict') return back('conflict')
		await recordAudit(db, {
			...audit,
			action: 'programme.pilotModelUpdated',
			details: { status: parsed.data.status },
		})
		return back('saved')
	}
	if (intent === 'addMember' || intent === 'removeMember') {
		const residentId = z.uuid().safeParse(formData.get('residentId'))
		if (!residentId.success) throw data(null, { status: 400 })
		if (intent === 'addMember') {
			const visible = await findResidentForClass(db, {
				wardId: user.wardId,
				residentId: residentId.data,
				scope: residentScopeCondition(user, 'programmes.manage'),
			})
			if (!visible) throw data(null, { status: 404 })
			await addPilotMember(db, { pilotModelId: model.id, residentId: residentId.data })
		} else await removePilotMember(db, { pilotModelId: model.id, residentId: residentId.data })
		await recordAudit(db, {
			...audit,
			action: `programme.pilotMember${intent === 'addMember' ? 'Added' : 'Removed'}`,
			details: { residentId: residentId.data },
		})
		return back('saved')
	}
	if (intent !== 'addEvidence') throw data(null, { status: 400 })
	const link = EvidenceLinkSchema.safeParse({
		title: formData.get('title') ?? '',
		url: formData.get('url') ?? '',
	})
	if (!link.success)
		return data(
			{ errors: null, values: null, evidenceErrors: z.flattenError(link.error).fieldErrors },
			{ status: 400 },
		)
	const upload = formData.get('file')
	const file = upload instanceof File && upload.size > 0 ? upload : null
	if (file && (file.size > MAX_FILE_BYTES || !FILE_TYPES.includes(file.type)))
		return data(
			{ errors: null, values: null, evidenceErrors: { file: ['programmes.error.file'] } },
			{ status: 400 },
		)
	if (!file && !link.data.url)
		return data(
			{ errors: null, values: null, evidenceErrors: { url: ['programmes.error.evidenceNeither'] } },
			{ status: 400 },
		)
	const id = await addEvidence(db, {
		pilotModelId: model.id,
		title: link.data.title,
		url: link.data.url,
		file: file
			? { name: file.name.slice(0, 200), type: file.type, bytes: new Uint8Array(await file.arrayBuffer()) }
			: undefined,
		by: user.id,
	})
	await recordAudit(db, {
		...audit,
		action: 'programme.pilotEvidenceAdded',
		details: { evidenceId: id, file: !!file },
	})
	return back('evidence')
}

export default function ProgrammePilotModel({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { model, members, evidence, organizations, candidates, text, manages, notice } = loaderData
	return (
		<div className="stack">
			<p>
				<Link to="/chuong-trinh/mo-hinh-diem">← {t('programmes.pilot.back')}</Link>
			</p>
			<h1>{model.name}</h1>
			<p>
				{t(`programmes.pilot.kind.${model.kind}`)} · {t(`programmes.pilot.status.${model.status}`)}
				{model.organizationName ? ` · ${model.organizationName}` : ''}
			</p>
			{notice === 'saved' || notice === 'evidence' ? (
				<p role="status">
					{t(notice === 'saved' ? 'programmes.pilot.saved' : 'programmes.pilot.evidenceAdded')}
				</p>
			) : null}
			{notice === 'conflict' ? <p role="alert">{t('programmes.pilot.conflict')}</p> : null}
			<p>{model.goal}</p>
			<section aria-labelledby="pm-members" className="stack">
				<h2 id="pm-members">{t('programmes.pilot.membersTitle', { count: members.length })}</h2>
				{members.length === 0 ? <p>{t('programmes.pilot.membersEmpty')}</p> : null}
				<ul className="stack">
					{members.map((m) => (
						<li key={m.residentId}>
							{manages ? (
								<Form method="post" className="inline-form">
									<CsrfInput />
									<input type="hidden" name="intent" value="removeMember" />
									<input type="hidden" name="residentId" value={m.residentId} />
									<span>
										{m.fullName} ({m.birthYear}){m.groupName ? ` — ${m.groupName}` : ''}
									</span>{' '}
									<button
										type="submit"
										className="secondary"
										aria-label={t('programmes.pilot.memberRemoveLabel', { name: m.fullName })}
									>
										{t('programmes.pilot.memberRemove')}
									</button>
								</Form>
							) : (
								`${m.fullName} (${m.birthYear})`
							)}
						</li>
					))}
				</ul>
				{manages ? (
					<>
						<Form method="get" className="form">
							<div className="field">
								<label htmlFor="pm-search">{t('programmes.pilot.memberSearch')}</label>
								<input id="pm-search" type="search" name="tim" defaultValue={text} autoComplete="off" />
							</div>
							<button type="submit" className="secondary">
								{t('programmes.pilot.memberSearchButton')}
							</button>
						</Form>
						{candidates && candidates.length === 0 ? <p>{t('programmes.pilot.memberNone')}</p> : null}
						<ul className="stack">
							{(candidates ?? []).map((c) => (
								<li key={c.id}>
									<Form method="post" className="inline-form">
										<CsrfInput />
										<input type="hidden" name="intent" value="addMember" />
										<input type="hidden" name="residentId" value={c.id} />
										<span>
											{c.fullName} ({c.birthYear}){c.groupName ? ` — ${c.groupName}` : ''}
										</span>{' '}
										<button
											type="submit"
											aria-label={t('programmes.pilot.memberAddLabel', { name: c.fullName })}
										>
											{t('programmes.pilot.memberAdd')}
										</button>
									</Form>
								</li>
							))}
						</ul>
					</>
				) : null}
			</section>
			<PilotEvidenceSection
				modelId={model.id}
				evidence={evidence}
				manages={manages}
				errors={actionData?.evidenceErrors ?? null}
			/>
			{manages ? (
				<section aria-labelledby="pm-edit" className="stack">
					<h2 id="pm-edit">{t('programmes.pilot.save')}</h2>
					<Form method="post" className="form">
						<CsrfInput />
						<input type="hidden" name="intent" value="edit" />
						<input type="hidden" name="version" value={model.version} />
						<PilotModelFields
							values={actionData?.values ?? model}
							errors={actionData?.errors ?? null}
							organizations={organizations}
						/>
						<p className="actions">
							<button type="submit" className="primary">
								{t('programmes.pilot.save')}
							</button>
						</p>
					</Form>
				</section>
			) : null}
		</div>
	)
}
