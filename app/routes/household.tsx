import { data, Link } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { recordBulkPersonalDataRead } from '#server/audit/record-personal-data-read.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission, residentScopeCondition } from '#server/identity/policy.server.ts'
import { getHousehold } from '#server/people/households.server.ts'
import type { Route } from './+types/household'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `Hộ ${data?.household.code ?? ''} — Bình dân học vụ số` },
]

/** `/ho-gia-dinh/:householdId`: a household and the members the person may see. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'people.read')
	const household = await getHousehold(context.app.db, {
		wardId: user.wardId,
		householdId: params.householdId,
		scope: residentScopeCondition(user, 'people.read'),
	})
	// A household with no member in scope is not shown at all: its existence is not the person's business.
	if (!household || household.members.length === 0) throw data(null, { status: 404 })
	await recordBulkPersonalDataRead(context.app.db, requestAudit(context, user), {
		purpose: 'household.members',
		entityType: 'household',
		rowCount: household.members.length,
		filters: { householdId: household.id },
	})
	return { household }
}

export default function Household({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { household } = loaderData
	return (
		<div className="stack">
			<p>
				<Link to="/nguoi-dan">{t('people.detail.back')}</Link>
			</p>
			<h1>{t('household.title', { code: household.code })}</h1>
			<dl className="facts card">
				<dt>{t('household.address')}</dt>
				<dd>{household.address ?? '—'}</dd>
				<dt>{t('household.group')}</dt>
				<dd>
					<Link to={`/nguoi-dan?group=${household.residentialGroupId}`}>
						{household.residentialGroupName}
					</Link>
				</dd>
				<dt>{t('household.poverty')}</dt>
				<dd>{t(`household.poverty.${household.povertyStatus}`)}</dd>
			</dl>
			<section aria-labelledby="members-title">
				<h2 id="members-title">{t('household.members')}</h2>
				<div className="table-scroll">
					<table>
						<thead>
							<tr>
								<th scope="col">{t('people.col.name')}</th>
								<th scope="col">{t('people.detail.relation')}</th>
								<th scope="col">{t('people.col.birthYear')}</th>
								<th scope="col">{t('people.col.sex')}</th>
								<th scope="col">{t('people.col.vneid')}</th>
								<th scope="col">{t('people.col.status')}</th>
							</tr>
						</thead>
						<tbody>
							{household.members.map((m) => (
								<tr key={m.id}>
									<td>
										<Link to={`/nguoi-dan/${m.id}`}>{m.fullName}</Link>
									</td>
									<td>{m.relationToHead ?? '—'}</td>
									<td>{m.birthYear}</td>
									<td>{t(`people.sex.${m.sex}`)}</td>
									<td>{t(`people.vneid.${m.vneidLevel as 0 | 1 | 2}`)}</td>
									<td>{t(`people.status.${m.status}`)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</section>
		</div>
	)
}
