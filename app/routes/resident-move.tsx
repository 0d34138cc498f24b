import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { can, requirePermission, residentialGroupsInScope } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { loadResidentPolicyTarget } from '#server/identity/resident-policy-target.server.ts'
import { getResident } from '#server/people/get-resident.server.ts'
import { findHouseholdGroup, findHouseholds } from '#server/people/households.server.ts'
import { moveResidentToHousehold } from '#server/people/move-resident.server.ts'
import type { Route } from './+types/resident-move'

export const meta: Route.MetaFunction = () => [{ title: 'Chuyển hộ — Bình dân học vụ số' }]

async function loadMovable(request: Request, context: Route.LoaderArgs['context'], residentId: string) {
	const target = await loadResidentPolicyTarget(context.app.db, residentId)
	if (!target) throw data(null, { status: 404 })
	const user = await requirePermission(request, context, 'people.write', target)
	const resident = await getResident(context.app.db, { wardId: user.wardId, residentId })
	if (!resident) throw data(null, { status: 404 })
	return { user, resident }
}

/** `/nguoi-dan/:residentId/chuyen-ho`: find a household (within the person's groups) and move the resident there. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const { user, resident } = await loadMovable(request, context, params.residentId)
	const text = z
		.string()
		.trim()
		.max(100)
		.catch('')
		.parse(new URL(request.url).searchParams.get('tim') ?? '')
	const groups = residentialGroupsInScope(user, 'people.write')
	const found = text
		? (await findHouseholds(context.app.db, { wardId: user.wardId, text, limit: 50 })).filter(
				(h) => groups === 'all' || groups.includes(h.residentialGroupId),
			)
		: []
	return {
		resident: {
			id: resident.id,
			fullName: resident.fullName,
			version: resident.version,
			householdId: resident.householdId,
		},
		text,
		found,
	}
}

const MoveSchema = z.object({
	householdId: z.uuid(),
	relationToHead: z.string().trim().min(1).max(50),
	version: z.coerce.number().int().min(1),
})

export async function action({ request, context, params }: Route.ActionArgs) {
	const { user } = await loadMovable(request, context, params.residentId)
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const parsed = MoveSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) throw data(null, { status: 400 })
	const destinationGroup = await findHouseholdGroup(context.app.db, {
		wardId: user.wardId,
		householdId: parsed.data.householdId,
	})
	if (
		!destinationGroup ||
		!can(user, 'people.write', { wardId: user.wardId, residentialGroupId: destinationGroup })
	)
		throw data(null, { status: 403 })
	const result = await moveResidentToHousehold(context.app.db, {
		wardId: user.wardId,
		residentId: params.residentId,
		expectedVersion: parsed.data.version,
		householdId: parsed.data.householdId,
		relationToHead: parsed.data.relationToHead,
	})
	if (!result.ok) {
		if (result.reason === 'notFound' || result.reason === 'householdNotFound')
			throw data(null, { status: 404 })
		return data({ error: result.reason }, { status: 409 })
	}
	await recordAudit(context.app.db, {
		...requestAudit(context, user),
		action: 'resident.movedHousehold',
		entityType: 'resident',
		entityId: params.residentId,
		details: { fromHouseholdId: result.fromHouseholdId, toHouseholdId: parsed.data.householdId },
	})
	return redirect(`/nguoi-dan/${params.residentId}?daChuyen=1`)
}

export default function ResidentMove({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { resident, text, found } = loaderData
	return (
		<div className="stack">
			<p>
				<Link to={`/nguoi-dan/${resident.id}`}>← {resident.fullName}</Link>
			</p>
			<h1>{t('people.move.title', { name: resident.fullName })}</h1>
			{actionData?.error ? (
				<p className="form-error" role="alert">
					{actionData.error === 'sameHousehold' ? t('people.move.sameHousehold') : t('people.edit.conflict')}
				</p>
			) : null}
			<Form method="get" className="form" role="search">
				<div className="field">
					<label htmlFor="tim">{t('people.move.search')}</label>
					<input id="tim" name="tim" type="search" defaultValue={text} />
				</div>
				<p>
					<button type="submit" className="secondary">
						{t('people.move.searchSubmit')}
					</button>
				</p>
			</Form>
			{text ? (
				found.length === 0 ? (
					<p role="status">{t('people.move.noResults')}</p>
				) : (
					<Form method="post" className="form">
						<CsrfInput />
						<input type="hidden" name="version" value={resident.version} />
						<fieldset>
							<legend>{t('people.move.results')}</legend>
							{found.map((h) => (
								<div className="field field--radio" key={h.id}>
									<input
										type="radio"
										id={`h-${h.id}`}
										name="householdId"
										value={h.id}
										required
										disabled={h.id === resident.householdId}
									/>
									<label htmlFor={`h-${h.id}`}>
										{h.code} — {h.address ?? ''} ({h.residentialGroupName})
									</label>
								</div>
							))}
						</fieldset>
						<div className="field">
							<label htmlFor="relationToHead">{t('people.move.relation')}</label>
							<input id="relationToHead" name="relationToHead" required maxLength={50} />
						</div>
						<p>
							<button type="submit" className="primary">
								{t('people.move.submit')}
							</button>
						</p>
					</Form>
				)
			) : null}
		</div>
	)
}
