import { Form, useLocation } from 'react-router'
import { z } from 'zod'
import { Pager } from '#app/components/pager.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { formatDateTime } from '#app/utils/format-date.ts'
import { auditActions } from '#server/audit/audit-actions.ts'
import { canonicalJson } from '#server/audit/canonical-json.ts'
import { listAuditActionsInUse, listAuditEntries } from '#server/audit/list-audit-entries.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import type { Route } from './+types/admin-audit'

// Account data, temporary passwords and the audit trail are never kept by a browser or proxy cache.
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

export const meta: Route.MetaFunction = () => [{ title: 'Nhật ký hoạt động — Bình dân học vụ số' }]

const PAGE_SIZE = 50
const day = z.iso.date().optional().catch(undefined)
const AuditQuerySchema = z.object({
	hanhDong: z.string().max(80).optional().catch(undefined),
	nguoi: z.string().trim().max(80).optional().catch(undefined),
	tu: day,
	den: day,
	trang: z.coerce.number().int().min(1).max(1_000_000).catch(1),
})

/** `/quan-tri/nhat-ky`: the ward's audit trail for administrators and auditors (read-only). */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'audit.read')
	const query = AuditQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
	const [{ items, total }, inUse] = await Promise.all([
		listAuditEntries(context.app.db, {
			wardId: user.wardId,
			action: query.hanhDong || undefined,
			actor: query.nguoi || undefined,
			from: query.tu,
			to: query.den,
			page: query.trang,
			pageSize: PAGE_SIZE,
		}),
		listAuditActionsInUse(context.app.db),
	])
	return {
		filters: {
			hanhDong: query.hanhDong ?? '',
			nguoi: query.nguoi ?? '',
			tu: query.tu ?? '',
			den: query.den ?? '',
		},
		actions: [...new Set([...auditActions, ...inUse])],
		page: query.trang,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		total,
		// Details hold ids, counts and reasons only (recordAudit refuses anything that looks personal).
		items: items.map((e) => ({
			...e,
			at: new Date(e.at),
			details: e.details ? canonicalJson(e.details) : null,
		})),
	}
}

export default function AdminAudit({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const location = useLocation()
	const { filters, items } = loaderData
	const actionLabel = (action: string) =>
		t(`audit.action.${action}` as MessageKey).replace(/^audit\.action\./, '')
	return (
		<div className="stack">
			<h1>{t('audit.title')}</h1>
			<p>{t('audit.intro')}</p>
			<Form method="get" className="form filters">
				<div className="field">
					<label htmlFor="audit-action">{t('audit.filter.action')}</label>
					<select id="audit-action" name="hanhDong" defaultValue={filters.hanhDong}>
						<option value="">{t('audit.filter.allActions')}</option>
						{loaderData.actions.map((action) => (
							<option key={action} value={action}>
								{actionLabel(action)}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="audit-actor">{t('audit.filter.actor')}</label>
					<input id="audit-actor" name="nguoi" defaultValue={filters.nguoi} autoCapitalize="none" />
				</div>
				<div className="field">
					<label htmlFor="audit-from">{t('audit.filter.from')}</label>
					<input id="audit-from" type="date" name="tu" defaultValue={filters.tu} />
				</div>
				<div className="field">
					<label htmlFor="audit-to">{t('audit.filter.to')}</label>
					<input id="audit-to" type="date" name="den" defaultValue={filters.den} />
				</div>
				<p>
					<button type="submit" className="secondary">
						{t('audit.filter.submit')}
					</button>
				</p>
			</Form>
			<p role="status">{t('audit.total', { total: formatNumber(locale, loaderData.total) })}</p>
			{items.length === 0 ? (
				<p>{t('audit.empty')}</p>
			) : (
				<div className="table-scroll">
					<table className="audit-table">
						<caption className="visually-hidden">{t('audit.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('audit.col.time')}</th>
								<th scope="col">{t('audit.col.actor')}</th>
								<th scope="col">{t('audit.col.action')}</th>
								<th scope="col">{t('audit.col.entity')}</th>
								<th scope="col">{t('audit.col.ip')}</th>
								<th scope="col">{t('audit.col.details')}</th>
							</tr>
						</thead>
						<tbody>
							{items.map((e) => (
								<tr key={e.seq}>
									<td>{formatDateTime(locale, e.at)}</td>
									<td>{e.actorLabel ?? t('audit.actor.anonymous')}</td>
									<td>{actionLabel(e.action)}</td>
									<td>{e.entityType ? `${e.entityType} ${e.entityId?.slice(0, 8) ?? ''}` : '—'}</td>
									<td>{e.ip ?? '—'}</td>
									<td>
										<code>{e.details ?? ''}</code>
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			)}
			<Pager page={loaderData.page} pages={loaderData.pages} search={location.search} />
		</div>
	)
}
