import { Link } from 'react-router'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { organizationsInScope, requirePermission } from '#server/identity/policy.server.ts'
import { listOrganizations } from '#server/ward/organization-members.server.ts'
import type { Route } from './+types/organizations'

export const meta: Route.MetaFunction = () => [{ title: 'Tổ chức — Bình dân học vụ số' }]

/** `/to-chuc`: organisations in the person's scope (a focal point sees their own). */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'organizations.manage')
	const items = await listOrganizations(context.app.db, {
		wardId: user.wardId,
		only: organizationsInScope(user, 'organizations.manage'),
	})
	return { items }
}

export default function Organizations({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	return (
		<div className="stack">
			<h1>{t('org.list.title')}</h1>
			<p>{t('org.list.intro')}</p>
			{loaderData.items.length === 0 ? (
				<p>{t('org.list.empty')}</p>
			) : (
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('org.list.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('org.col.name')}</th>
								<th scope="col">{t('org.col.kind')}</th>
								<th scope="col">{t('org.col.members')}</th>
							</tr>
						</thead>
						<tbody>
							{loaderData.items.map((o) => (
								<tr key={o.id}>
									<td>
										<Link to={`/to-chuc/${o.id}`}>{o.name}</Link>
									</td>
									<td>{t(`org.kind.${o.kind}`)}</td>
									<td>{formatNumber(locale, o.members)}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</div>
	)
}
