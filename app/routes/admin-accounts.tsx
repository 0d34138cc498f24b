import { Form, Link, useLocation } from 'react-router'
import { z } from 'zod'
import { Pager } from '#app/components/pager.tsx'
import { RoleList } from '#app/components/role-list.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatDateTime } from '#app/utils/format-date.ts'
import { recordBulkPersonalDataRead } from '#server/audit/record-personal-data-read.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { listUserAccounts } from '#server/identity/list-user-accounts.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import type { Route } from './+types/admin-accounts'

// Account data, temporary passwords and the audit trail are never kept by a browser or proxy cache.
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

export const meta: Route.MetaFunction = () => [{ title: 'Quản lý tài khoản — Bình dân học vụ số' }]

const PAGE_SIZE = 50
const AccountListQuerySchema = z.object({
	q: z.string().trim().max(100).optional().catch(undefined),
	trang: z.coerce.number().int().min(1).max(100_000).catch(1),
})

/** `/quan-tri/tai-khoan`: the ward's accounts (no personal identifiers are shown or read). */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'accounts.manage')
	const query = AccountListQuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams))
	const { items, total } = await listUserAccounts(context.app.db, {
		wardId: user.wardId,
		q: query.q || undefined,
		page: query.trang,
		pageSize: PAGE_SIZE,
	})
	// Staff names are personal data too: the list view is recorded like any other bulk read.
	await recordBulkPersonalDataRead(context.app.db, requestAudit(context, user), {
		purpose: 'accounts.list',
		entityType: 'user',
		rowCount: items.length,
		filters: { searched: Boolean(query.q), page: query.trang },
	})
	return {
		q: query.q ?? '',
		page: query.trang,
		pages: Math.max(1, Math.ceil(total / PAGE_SIZE)),
		total,
		now: new Date(),
		items: items.map((a) => ({
			id: a.id,
			username: a.username,
			displayName: a.displayName,
			status: a.status,
			lastLoginAt: a.lastLoginAt,
			lockedUntil: a.lockedUntil,
			roles: a.roles.map(({ role, scopeKind, scopeName }) => ({ role, scopeKind, scopeName })),
		})),
	}
}

export default function AdminAccounts({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const location = useLocation()
	const { items, now } = loaderData
	return (
		<div className="stack">
			<h1>{t('admin.accounts.title')}</h1>
			<p>
				<Link to="/quan-tri/tai-khoan/tao-moi" className="button">
					{t('admin.accounts.new')}
				</Link>
			</p>
			<Form method="get" className="form" role="search">
				<div className="field">
					<label htmlFor="account-search">{t('admin.accounts.search')}</label>
					<input id="account-search" type="search" name="q" defaultValue={loaderData.q} />
				</div>
				<p>
					<button type="submit" className="secondary">
						{t('admin.accounts.searchSubmit')}
					</button>
				</p>
			</Form>
			<p role="status">{t('admin.accounts.total', { total: formatNumber(locale, loaderData.total) })}</p>
			{items.length === 0 ? (
				<p>{t('admin.accounts.empty')}</p>
			) : (
				<div className="table-scroll">
					<table>
						<caption className="visually-hidden">{t('admin.accounts.caption')}</caption>
						<thead>
							<tr>
								<th scope="col">{t('account.name')}</th>
								<th scope="col">{t('account.username')}</th>
								<th scope="col">{t('account.roles')}</th>
								<th scope="col">{t('admin.accounts.status')}</th>
								<th scope="col">{t('admin.accounts.lastLogin')}</th>
							</tr>
						</thead>
						<tbody>
							{items.map((a) => (
								<tr key={a.id}>
									<th scope="row">
										<Link to={`/quan-tri/tai-khoan/${a.id}`}>{a.displayName}</Link>
									</th>
									<td>{a.username ?? '—'}</td>
									<td>
										<RoleList roles={a.roles} />
									</td>
									<td>
										{a.status === 'disabled'
											? t('admin.accounts.statusDisabled')
											: a.lockedUntil && new Date(a.lockedUntil) > new Date(now)
												? t('admin.accounts.lockedUntil', { time: formatDateTime(locale, a.lockedUntil) })
												: t('admin.accounts.statusActive')}
									</td>
									<td>{a.lastLoginAt ? formatDateTime(locale, a.lastLoginAt) : t('admin.accounts.never')}</td>
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
