import crypto from 'node:crypto'
import { data, redirect } from 'react-router'
import { z } from 'zod'
import { ConflictList } from '#app/components/outreach/conflict-list.tsx'
import { OutreachPage } from '#app/components/outreach/outreach-page.tsx'
import { outreachHandle, outreachLinks } from '#app/components/outreach/outreach-route.ts'
import { QuickVisitForm } from '#app/components/outreach/quick-visit-form.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { formatDateTime, formatIsoDate } from '#app/utils/format-date.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission, residentialGroupsInScope } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { dateInVietnam } from '#server/outreach/record-visit.server.ts'
import { listOpenConflicts, resolveConflict } from '#server/outreach/visit-conflicts.server.ts'
import { listWorklist } from '#server/outreach/worklist.server.ts'
import { listResidentialGroups } from '#server/ward/list-residential-groups.server.ts'
import type { Route } from './+types/outreach-worklist'

export const meta: Route.MetaFunction = () => [{ title: 'Danh sách đi từng nhà — Bình dân học vụ số' }]
export const handle = outreachHandle
export const links = outreachLinks
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

const QuerySchema = z.object({
	to: z.uuid().optional().catch(undefined),
	trang: z.coerce.number().int().min(1).max(1000).catch(1),
})

/** `/tiep-can`: the volunteer's worklist — households still needing a visit, in walking order. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'outreach.record')
	const url = new URL(request.url)
	const query = QuerySchema.parse({
		to: url.searchParams.get('to') ?? undefined,
		trang: url.searchParams.get('trang') ?? 1,
	})
	const scope = residentialGroupsInScope(user, 'outreach.record')
	const today = dateInVietnam()
	const [list, groups, conflicts] = await Promise.all([
		listWorklist(context.app.db, {
			wardId: user.wardId,
			groups: scope,
			today,
			page: query.trang,
			groupId: query.to,
		}),
		listResidentialGroups(context.app.db, { wardId: user.wardId, only: scope }),
		listOpenConflicts(context.app.db, user),
	])
	return {
		userId: user.id,
		query,
		today,
		generatedAt: new Date().toISOString(),
		groups: groups.map((g) => ({ id: g.id, name: g.name })),
		list: {
			...list,
			// A fresh id per form and page render: a form posted twice (no JavaScript) is stored once.
			households: list.households.map((h) => ({ ...h, visitId: crypto.randomUUID() })),
		},
		conflicts,
		notice: url.searchParams.has('daGhi') ? ('recorded' as const) : null,
	}
}

const ResolveSchema = z.object({
	visitId: z.uuid(),
	residentId: z.uuid(),
	choice: z.enum(['apply', 'keep']),
})

/** Settles a conflict between a reported VNeID level and a change made on the server meanwhile. */
export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'outreach.record')
	const form = await readCsrfCheckedForm(request, context)
	const parsed = ResolveSchema.safeParse(Object.fromEntries(form))
	if (!parsed.success) throw data(null, { status: 400 })
	const volunteer = { ...user, groups: residentialGroupsInScope(user, 'outreach.record') }
	const result = await resolveConflict(context.app, volunteer, parsed.data, {
		audit: requestAudit(context, user),
	})
	if (result === 'notFound') throw data(null, { status: 404 })
	return redirect(`/tiep-can?${result === 'resolved' ? 'daXacNhan=1' : 'suaLai=1'}#xac-nhan`)
}

export default function OutreachWorklist({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { list, groups, query, conflicts, today, generatedAt, userId } = loaderData
	const year = Number(today.slice(0, 4))
	const search = new URLSearchParams()
	if (query.to) search.set('to', query.to)
	if (query.trang > 1) search.set('trang', String(query.trang))
	const here = `/tiep-can${search.size ? `?${search}` : ''}`
	const pageHref = (page: number) => {
		const params = new URLSearchParams(search)
		params.set('trang', String(page))
		return `/tiep-can?${params}`
	}
	return (
		<OutreachPage userId={userId}>
			<h1>{t('outreach.worklist.title')}</h1>
			<p>{t('outreach.worklist.intro')}</p>
			<p className="muted">
				{t('outreach.worklist.savedAt', { time: formatDateTime(locale, generatedAt) })}{' '}
				<a href="/tiep-can/thanh-tich">{t('outreach.worklist.figuresLink')}</a>
			</p>
			{loaderData.notice ? (
				<p className="notice" role="status">
					{t('outreach.worklist.recorded')}
				</p>
			) : null}
			<ConflictList conflicts={conflicts} />
			{groups.length === 0 ? <p>{t('outreach.worklist.noGroups')}</p> : null}
			{groups.length > 1 ? (
				<nav aria-label={t('outreach.worklist.groups')} className="filters">
					<a href="/tiep-can" aria-current={query.to ? undefined : 'page'} data-keep-offline="">
						{t('outreach.worklist.allGroups')}
					</a>
					{groups.map((g) => (
						<a
							key={g.id}
							href={`/tiep-can?to=${g.id}`}
							aria-current={query.to === g.id ? 'page' : undefined}
							data-keep-offline=""
						>
							{g.name}
						</a>
					))}
				</nav>
			) : null}
			{groups.length > 0 ? (
				<p>
					<strong>{t('outreach.worklist.count', { count: formatNumber(locale, list.total) })}</strong>
				</p>
			) : null}
			{groups.length > 0 && list.total === 0 ? <p>{t('outreach.worklist.none')}</p> : null}
			<ol className="outreach-list">
				{list.households.map((household) => (
					<li key={household.id} id={`ho-${household.id}`} className="outreach-household">
						<h2>
							<a href={`/tiep-can/ho/${household.id}`} data-keep-offline="">
								{household.address ?? t('outreach.household.code', { code: household.code })}
							</a>
						</h2>
						<p className="muted">
							{household.groupName} · {t('outreach.household.code', { code: household.code })} ·{' '}
							{household.lastVisitAt
								? t('outreach.household.lastVisit', { date: formatDateTime(locale, household.lastVisitAt) })
								: t('outreach.household.notVisited')}
						</p>
						{household.nextVisitOn ? (
							<p className={household.followUpDue ? 'outreach-due' : undefined}>
								{t('outreach.household.followUpDue', { date: formatIsoDate(household.nextVisitOn) })}
							</p>
						) : null}
						<QuickVisitForm household={household} visitId={household.visitId} year={year} returnTo={here} />
						<p>
							<a href={`/tiep-can/ho/${household.id}`}>{t('outreach.household.open')}</a>
						</p>
					</li>
				))}
			</ol>
			{list.pageCount > 1 ? (
				<nav aria-label={t('pager.label')} className="pager">
					{query.trang > 1 ? <a href={pageHref(query.trang - 1)}>{t('pager.previous')}</a> : null}
					<span>{t('pager.status', { page: query.trang, pages: list.pageCount })}</span>
					{query.trang < list.pageCount ? <a href={pageHref(query.trang + 1)}>{t('pager.next')}</a> : null}
					{Array.from({ length: list.pageCount }, (_, i) => (
						<a key={pageHref(i + 1)} href={pageHref(i + 1)} data-keep-offline="" hidden>
							{i + 1}
						</a>
					))}
				</nav>
			) : null}
		</OutreachPage>
	)
}
