import { Form, Link } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requirePermission, residentScopeCondition } from '#server/identity/policy.server.ts'
import { listResidents } from '#server/people/list-residents.server.ts'
import { parseResidentListQuery } from '#server/people/resident-filters.ts'
import type { Route } from './+types/assessment-oral'

export const meta: Route.MetaFunction = () => [{ title: 'Đánh giá trực tiếp — Bình dân học vụ số' }]

/** `/danh-gia-truc-tiep`: an instructor or volunteer finds a resident in their scope to record an assessment. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'assessment.confirm')
	const query = parseResidentListQuery(new URL(request.url).searchParams)
	const page = await listResidents(context.app.db, {
		wardId: user.wardId,
		scope: residentScopeCondition(user, 'assessment.confirm'),
		query: { ...query, pageSize: 25 },
	})
	return {
		q: query.q ?? '',
		items: page.items.map((r) => ({
			id: r.id,
			fullName: r.fullName,
			birthYear: r.birthYear,
			group: r.residentialGroupName,
		})),
	}
}

export default function AssessmentOral({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	return (
		<div className="stack">
			<h1>{t('oral.title')}</h1>
			<p>{t('oral.intro')}</p>
			<Form method="get" role="search" className="inline-form">
				<label>
					{t('oral.search')}
					<input type="search" name="q" defaultValue={loaderData.q} />
				</label>
				<button type="submit">{t('oral.searchButton')}</button>
			</Form>
			{loaderData.items.length === 0 ? (
				<p>{t('oral.none')}</p>
			) : (
				<ul className="stack">
					{loaderData.items.map((r) => (
						<li key={r.id}>
							<Link to={`/danh-gia-truc-tiep/${r.id}`}>{r.fullName}</Link> · {r.birthYear}
							{r.group ? ` · ${r.group}` : ''}
						</li>
					))}
				</ul>
			)}
		</div>
	)
}
