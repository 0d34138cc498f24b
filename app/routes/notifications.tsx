import { Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatDateTime } from '#app/utils/format-date.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import { listNotifications, markNotificationsRead } from '#server/notifications/notifications.server.ts'
import type { Route } from './+types/notifications'

export const meta: Route.MetaFunction = () => [{ title: 'Thông báo — Bình dân học vụ số' }]

/** `/thong-bao`: the signed-in person's notifications (report reminders, reports returned or accepted). */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'account.self')
	const items = await listNotifications(context.app.db, user.id)
	return { items, unread: items.filter((n) => !n.readAt).length }
}

const MarkSchema = z.object({ notificationId: z.uuid().optional() })

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'account.self')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const parsed = MarkSchema.safeParse({ notificationId: formData.get('notificationId') || undefined })
	if (parsed.success)
		await markNotificationsRead(context.app.db, {
			userId: user.id,
			notificationId: parsed.data.notificationId,
		})
	return redirect('/thong-bao')
}

export default function Notifications({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { items, unread } = loaderData
	return (
		<div className="stack">
			<h1>{t('notifications.title')}</h1>
			{items.length === 0 ? (
				<p>{t('notifications.empty')}</p>
			) : (
				<p>{t('notifications.unread', { count: unread })}</p>
			)}
			{unread > 0 ? (
				<Form method="post">
					<CsrfInput />
					<button type="submit" className="secondary">
						{t('notifications.markAllRead')}
					</button>
				</Form>
			) : null}
			<ul className="stack notification-list">
				{items.map((n) => (
					<li key={n.id} className="card stack">
						<h2>
							{n.readAt ? null : <span className="badge">{t('notifications.new')}</span>} {n.title}
						</h2>
						<p>{n.body}</p>
						<p>
							<small>{formatDateTime(locale, n.createdAt)}</small> ·{' '}
							<Link to={n.link}>{t('notifications.open')}</Link>
						</p>
						{n.readAt ? null : (
							<Form method="post" className="inline-form">
								<CsrfInput />
								<input type="hidden" name="notificationId" value={n.id} />
								<button
									type="submit"
									className="secondary"
									aria-label={t('notifications.markReadLabel', { title: n.title })}
								>
									{t('notifications.markRead')}
								</button>
							</Form>
						)}
					</li>
				))}
			</ul>
		</div>
	)
}
