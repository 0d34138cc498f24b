import { Link } from 'react-router'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatDateTime } from '#app/utils/format-date.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { listOutbox } from '#server/notifications/message-channel.server.ts'
import type { Route } from './+types/report-outbox'

export const meta: Route.MetaFunction = () => [{ title: 'Tin nhắn nhắc hạn — Bình dân học vụ số' }]

/** `/bao-cao/hop-thu-di`: what the local e-mail/SMS stand-in recorded (no gateway is connected). */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'reports.manage')
	return { messages: await listOutbox(context.app.db, user.wardId) }
}

export default function ReportOutbox({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { messages } = loaderData
	return (
		<div className="stack">
			<p>
				<Link to="/bao-cao">{t('reports.period.back')}</Link>
			</p>
			<h1>{t('reports.outbox.title')}</h1>
			<p>{t('reports.outbox.intro')}</p>
			{messages.length === 0 ? (
				<p>{t('reports.outbox.empty')}</p>
			) : (
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('reports.outbox.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('reports.outbox.col.to')}</th>
								<th scope="col">{t('reports.outbox.col.message')}</th>
							</tr>
						</thead>
						<tbody>
							{messages.map((m) => (
								<tr key={m.id}>
									<th scope="row">
										{m.recipient}
										<br />
										<small>
											{t(`reports.outbox.channel.${m.channel}`)} · {formatDateTime(locale, m.createdAt)}
										</small>
									</th>
									<td>
										<strong>{m.subject}</strong>
										<br />
										{m.body}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
		</div>
	)
}
