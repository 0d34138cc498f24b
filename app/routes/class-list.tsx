import { Link } from 'react-router'
import { sessionTime } from '#app/components/classes/session-time.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { listClasses } from '#server/classes/classes.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import type { Route } from './+types/class-list'

export const meta: Route.MetaFunction = () => [{ title: 'Lớp học cộng đồng — Bình dân học vụ số' }]

/** `/lop-hoc`: the ward's classes, open ones first. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'classes.manage')
	const classes = await listClasses(context.app.db, { wardId: user.wardId })
	return { classes }
}

export default function ClassList({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { classes } = loaderData
	return (
		<div className="stack">
			<h1>{t('classes.list.title')}</h1>
			<p>{t('classes.list.intro')}</p>
			<p>
				<Link to="/lop-hoc/tao-moi" className="button primary">
					{t('classes.list.new')}
				</Link>
			</p>
			{classes.length === 0 ? (
				<p>{t('classes.list.empty')}</p>
			) : (
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('classes.list.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('classes.col.title')}</th>
								<th scope="col">{t('classes.col.kind')}</th>
								<th scope="col">{t('classes.col.instructor')}</th>
								<th scope="col">{t('classes.col.enrolled')}</th>
								<th scope="col">{t('classes.col.next')}</th>
								<th scope="col">{t('classes.col.status')}</th>
							</tr>
						</thead>
						<tbody>
							{classes.map((c) => {
								const next = c.nextSessionAt ? sessionTime(c.nextSessionAt, c.nextSessionAt, locale) : null
								return (
									<tr key={c.id}>
										<td>
											<Link to={`/lop-hoc/${c.id}`}>{c.title}</Link>
											<br />
											<small>{c.place}</small>
										</td>
										<td>{t(`classes.kind.${c.kind}`)}</td>
										<td>{c.instructorName}</td>
										<td>
											{c.enrolled}/{c.capacity}
										</td>
										<td>{next ? `${next.date} ${next.start}` : '—'}</td>
										<td>{t(`classes.status.${c.status}`)}</td>
									</tr>
								)
							})}
						</tbody>
					</table>
				</div>
			)}
		</div>
	)
}
