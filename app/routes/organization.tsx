import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission, residentScopeCondition } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import {
	addMembership,
	endMembership,
	findResidentInScope,
	findResidentsToAdd,
	listCurrentMembers,
} from '#server/ward/organization-members.server.ts'
import { requireOrganization } from '#server/ward/require-organization.server.ts'
import { membershipKinds } from '#server/ward/schema.ts'
import type { Route } from './+types/organization'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `${data?.organization.name ?? 'Tổ chức'} — Bình dân học vụ số` },
]

/** `/to-chuc/:organizationId`: current members; add residents in scope, end memberships (history kept). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const { user, organization } = await requireOrganization(request, context, params.organizationId)
	const url = new URL(request.url)
	const text = (url.searchParams.get('tim') ?? '').trim().slice(0, 100)
	const [members, candidates] = await Promise.all([
		listCurrentMembers(context.app.db, organization.id),
		text
			? findResidentsToAdd(context.app.db, {
					wardId: user.wardId,
					scope: residentScopeCondition(user, 'people.read'),
					text,
				})
			: Promise.resolve(null),
	])
	return { organization, members, text, candidates, notice: url.searchParams.get('tb') }
}

const today = () => new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())

const MembershipFormSchema = z.discriminatedUnion('intent', [
	z.object({ intent: z.literal('add'), residentId: z.uuid(), kind: z.enum(membershipKinds) }),
	z.object({ intent: z.literal('end'), membershipId: z.uuid() }),
])

export async function action({ request, context, params }: Route.ActionArgs) {
	await requirePermission(request, context, 'organizations.manage')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const { user, organization } = await requireOrganization(request, context, params.organizationId)
	const parsed = MembershipFormSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) throw data(null, { status: 400 })
	const db = context.app.db
	const audit = requestAudit(context, user)
	if (parsed.data.intent === 'add') {
		// Only residents the person may see can be added.
		const visible = await findResidentInScope(db, {
			wardId: user.wardId,
			residentId: parsed.data.residentId,
			scope: residentScopeCondition(user, 'people.read'),
		})
		if (!visible) throw data(null, { status: 404 })
		const outcome = await addMembership(db, {
			organizationId: organization.id,
			residentId: parsed.data.residentId,
			kind: parsed.data.kind,
			startedOn: today(),
		})
		if (outcome === 'added')
			await recordAudit(db, {
				...audit,
				action: 'organization.memberAdded',
				entityType: 'organization',
				entityId: organization.id,
				details: { residentId: parsed.data.residentId, kind: parsed.data.kind },
			})
		return redirect(`/to-chuc/${organization.id}?tb=${outcome}`)
	}
	const ended = await endMembership(db, {
		organizationId: organization.id,
		membershipId: parsed.data.membershipId,
		endedOn: today(),
	})
	if (!ended) throw data(null, { status: 404 })
	await recordAudit(db, {
		...audit,
		action: 'organization.memberEnded',
		entityType: 'organization',
		entityId: organization.id,
		details: { membershipId: parsed.data.membershipId },
	})
	return redirect(`/to-chuc/${organization.id}?tb=ended`)
}

export default function Organization({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { organization, members, text, candidates, notice } = loaderData
	return (
		<div className="stack">
			<p>
				<Link to="/to-chuc">← {t('org.list.title')}</Link>
			</p>
			<h1>{organization.name}</h1>
			<p>{t(`org.kind.${organization.kind}`)}</p>
			{notice === 'added' || notice === 'exists' || notice === 'ended' ? (
				<p role="status">
					{t(
						notice === 'added'
							? 'org.add.added'
							: notice === 'exists'
								? 'org.add.exists'
								: 'org.members.ended',
					)}
				</p>
			) : null}
			<p>
				<Link to={`/to-chuc/${organization.id}/nhap`}>{t('org.import.link')}</Link>
			</p>
			<section aria-labelledby="org-add" className="stack">
				<h2 id="org-add">{t('org.add.title')}</h2>
				<Form method="get" className="form">
					<div className="field">
						<label htmlFor="org-search">{t('org.add.search')}</label>
						<input id="org-search" type="search" name="tim" defaultValue={text} autoComplete="off" />
					</div>
					<button type="submit" className="secondary">
						{t('org.add.searchButton')}
					</button>
				</Form>
				{candidates && candidates.length === 0 ? <p>{t('org.add.none')}</p> : null}
				{candidates && candidates.length > 0 ? (
					<ul className="stack">
						{candidates.map((c) => (
							<li key={c.id}>
								<Form method="post" className="inline-form">
									<CsrfInput />
									<input type="hidden" name="intent" value="add" />
									<input type="hidden" name="residentId" value={c.id} />
									<span>
										{c.fullName} ({c.birthYear})
									</span>{' '}
									<label htmlFor={`kind-${c.id}`}>{t('org.add.kind')}</label>{' '}
									<select id={`kind-${c.id}`} name="kind" defaultValue="member">
										{membershipKinds.map((k) => (
											<option key={k} value={k}>
												{t(`org.membership.${k}`)}
											</option>
										))}
									</select>{' '}
									<button type="submit">{t('org.add.button', { name: c.fullName })}</button>
								</Form>
							</li>
						))}
					</ul>
				) : null}
			</section>
			<section aria-labelledby="org-members" className="stack">
				<h2 id="org-members">{t('org.members.title', { count: members.length })}</h2>
				{members.length === 0 ? (
					<p>{t('org.members.empty')}</p>
				) : (
					<div className="table-scroll">
						<table>
							<caption className="visually-hidden">
								{t('org.members.caption', { name: organization.name })}
							</caption>
							<thead>
								<tr>
									<th scope="col">{t('org.col.name')}</th>
									<th scope="col">{t('org.add.kind')}</th>
									<th scope="col">{t('org.members.position')}</th>
									<th scope="col">{t('org.members.since')}</th>
									<th scope="col">{t('org.members.end')}</th>
								</tr>
							</thead>
							<tbody>
								{members.map((m) => (
									<tr key={m.membershipId}>
										<td>
											<Link to={`/nguoi-dan/${m.residentId}`}>{m.fullName}</Link> ({m.birthYear})
										</td>
										<td>{t(`org.membership.${m.kind}`)}</td>
										<td>{m.position ?? '—'}</td>
										<td>{m.startedOn ?? '—'}</td>
										<td>
											<Form method="post">
												<CsrfInput />
												<input type="hidden" name="intent" value="end" />
												<input type="hidden" name="membershipId" value={m.membershipId} />
												<button
													type="submit"
													className="secondary"
													aria-label={t('org.members.endLabel', { name: m.fullName })}
												>
													{t('org.members.end')}
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
		</div>
	)
}
