import { Link } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { recordBulkPersonalDataRead } from '#server/audit/record-personal-data-read.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission, residentScopeCondition } from '#server/identity/policy.server.ts'
import { listAmbassadors } from '#server/programmes/ambassadors.server.ts'
import type { Route } from './+types/programme-ambassadors'

export const meta: Route.MetaFunction = () => [{ title: 'Mạng lưới “Đại sứ số” — Bình dân học vụ số' }]

/**
 * `/chuong-trinh/dai-su-so`: the digital ambassadors in scope and how many households each looks after.
 * Assigning households changes household data, so it needs `people.write` within the households' groups.
 */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'people.write')
	const ambassadors = await listAmbassadors(context.app.db, {
		wardId: user.wardId,
		scope: residentScopeCondition(user, 'people.write'),
	})
	await recordBulkPersonalDataRead(context.app.db, requestAudit(context, user), {
		purpose: 'programmes.ambassadors',
		entityType: 'resident',
		rowCount: ambassadors.length,
	})
	return { ambassadors }
}

export default function ProgrammeAmbassadors({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { ambassadors } = loaderData
	return (
		<div className="stack">
			<p>
				<Link to="/chuong-trinh">← {t('programmes.title')}</Link>
			</p>
			<h1>{t('programmes.ambassadors.title')}</h1>
			<p>{t('programmes.ambassadors.body')}</p>
			{ambassadors.length === 0 ? (
				<p>{t('programmes.ambassadors.empty')}</p>
			) : (
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('programmes.ambassadors.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('programmes.ambassadors.name')}</th>
								<th scope="col">{t('programmes.ambassadors.group')}</th>
								<th scope="col">{t('programmes.ambassadors.households')}</th>
							</tr>
						</thead>
						<tbody>
							{ambassadors.map((a) => (
								<tr key={a.id}>
									<th scope="row">
										<Link to={`/chuong-trinh/dai-su-so/${a.id}`}>{a.fullName}</Link> ({a.birthYear})
									</th>
									<td>{a.groupName ?? '—'}</td>
									<td>{a.households}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</div>
	)
}
