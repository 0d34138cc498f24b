import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import {
	requirePermission,
	residentialGroupsInScope,
	residentScopeCondition,
} from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import {
	assignHousehold,
	findUnassignedHouseholds,
	getAmbassador,
	listAssignedHouseholds,
	unassignHousehold,
} from '#server/programmes/ambassadors.server.ts'
import type { Route } from './+types/programme-ambassador'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `${data?.ambassador.fullName ?? 'Đại sứ số'} — Bình dân học vụ số` },
]

async function loadAmbassador(request: Request, context: Route.LoaderArgs['context'], residentId: string) {
	const user = await requirePermission(request, context, 'people.write')
	const ambassador = await getAmbassador(context.app.db, {
		wardId: user.wardId,
		scope: residentScopeCondition(user, 'people.write'),
		residentId,
	})
	if (!ambassador) throw data(null, { status: 404 })
	return { user, ambassador }
}

/** `/chuong-trinh/dai-su-so/:residentId`: the households an ambassador looks after; assign and unassign. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const { user, ambassador } = await loadAmbassador(request, context, params.residentId)
	const url = new URL(request.url)
	const code = (url.searchParams.get('ho') ?? '').trim().slice(0, 40)
	const [assigned, candidates] = await Promise.all([
		listAssignedHouseholds(context.app.db, ambassador.id),
		code
			? findUnassignedHouseholds(context.app.db, {
					wardId: user.wardId,
					groupIds: residentialGroupsInScope(user, 'people.write'),
					code,
				})
			: Promise.resolve(null),
	])
	return { ambassador, assigned, code, candidates, notice: url.searchParams.get('tb') }
}

const ActionSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('assign'), householdId: z.uuid() }),
	z.object({ intent: z.literal('unassign'), assignmentId: z.uuid() }),
])

export async function action({ request, context, params }: Route.ActionArgs) {
	await requirePermission(request, context, 'people.write')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const { user, ambassador } = await loadAmbassador(request, context, params.residentId)
	const parsed = ActionSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) throw data(null, { status: 400 })
	const groupIds = residentialGroupsInScope(user, 'people.write')
	const audit = { ...requestAudit(context, user), entityType: 'resident', entityId: ambassador.id }
	if (parsed.data.intent === 'assign') {
		const outcome = await assignHousehold(context.app.db, {
			wardId: user.wardId,
			groupIds,
			ambassadorResidentId: ambassador.id,
			householdId: parsed.data.householdId,
			by: user.id,
		})
		if (outcome === 'notFound') throw data(null, { status: 404 })
		if (outcome === 'assigned')
			await recordAudit(context.app.db, {
				...audit,
				action: 'programme.ambassadorAssigned',
				details: { householdId: parsed.data.householdId },
			})
		return redirect(`/chuong-trinh/dai-su-so/${ambassador.id}?tb=${outcome}`)
	}
	const ended = await unassignHousehold(context.app.db, {
		ambassadorResidentId: ambassador.id,
		assignmentId: parsed.data.assignmentId,
		groupIds,
		by: user.id,
	})
	if (!ended) throw data(null, { status: 404 })
	await recordAudit(context.app.db, {
		...audit,
		action: 'programme.ambassadorUnassigned',
		details: { assignmentId: parsed.data.assignmentId },
	})
	return redirect(`/chuong-trinh/dai-su-so/${ambassador.id}?tb=unassigned`)
}

const notices: Record<string, MessageKey> = {
	assigned: 'programmes.ambassador.outcome.assigned',
	taken: 'programmes.ambassador.outcome.taken',
	unassigned: 'programmes.ambassador.outcome.unassigned',
}

export default function ProgrammeAmbassador({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { ambassador, assigned, code, candidates, notice } = loaderData
	const noticeKey = notice ? notices[notice] : undefined
	return (
		<div className="stack">
			<p>
				<Link to="/chuong-trinh/dai-su-so">← {t('programmes.ambassador.back')}</Link>
			</p>
			<h1>{t('programmes.ambassador.title', { name: ambassador.fullName })}</h1>
			{ambassador.groupName ? <p>{ambassador.groupName}</p> : null}
			{noticeKey ? <p role="status">{t(noticeKey)}</p> : null}
			<section aria-labelledby="amb-households" className="stack">
				<h2 id="amb-households">{t('programmes.ambassador.householdsTitle', { count: assigned.length })}</h2>
				{assigned.length === 0 ? (
					<p>{t('programmes.ambassador.none')}</p>
				) : (
					<div className="table-scroll">
						<table>
							<caption className="visually-hidden">{t('programmes.ambassador.caption')}</caption>
							<thead>
								<tr>
									<th scope="col">{t('programmes.ambassador.code')}</th>
									<th scope="col">{t('programmes.ambassador.address')}</th>
									<th scope="col">{t('programmes.ambassador.members')}</th>
									<th scope="col">{t('programmes.ambassador.unassign')}</th>
								</tr>
							</thead>
							<tbody>
								{assigned.map((h) => (
									<tr key={h.assignmentId}>
										<th scope="row">
											<Link to={`/ho-gia-dinh/${h.householdId}`}>{h.code}</Link>
										</th>
										<td>
											{h.address ?? '—'}
											<br />
											<small>{h.groupName}</small>
										</td>
										<td>{h.members}</td>
										<td>
											<Form method="post">
												<CsrfInput />
												<input type="hidden" name="intent" value="unassign" />
												<input type="hidden" name="assignmentId" value={h.assignmentId} />
												<button
													type="submit"
													className="secondary"
													aria-label={t('programmes.ambassador.unassignLabel', { code: h.code })}
												>
													{t('programmes.ambassador.unassign')}
												</button>
											</Form>
										</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
			</section>
			<section aria-labelledby="amb-assign" className="stack">
				<h2 id="amb-assign">{t('programmes.ambassador.assign')}</h2>
				<Form method="get" className="form">
					<div className="field">
						<label htmlFor="amb-search">{t('programmes.ambassador.search')}</label>
						<input id="amb-search" type="search" name="ho" defaultValue={code} autoComplete="off" />
					</div>
					<button type="submit" className="secondary">
						{t('programmes.ambassador.searchButton')}
					</button>
				</Form>
				{candidates && candidates.length === 0 ? <p>{t('programmes.ambassador.noneFound')}</p> : null}
				{candidates && candidates.length > 0 ? (
					<ul className="stack">
						{candidates.map((h) => (
							<li key={h.id}>
								<Form method="post" className="inline-form">
									<CsrfInput />
									<input type="hidden" name="intent" value="assign" />
									<input type="hidden" name="householdId" value={h.id} />
									<span>
										{h.code} — {h.address ?? ''} ({h.groupName})
									</span>{' '}
									<button type="submit" aria-label={t('programmes.ambassador.assignLabel', { code: h.code })}>
										{t('programmes.ambassador.assign')}
									</button>
								</Form>
							</li>
						))}
					</ul>
				) : null}
			</section>
		</div>
	)
}
