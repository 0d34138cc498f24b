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
import { findIndicatorCohortCondition } from '#server/indicators/drill-down.server.ts'
import { listIndicatorDefinitions } from '#server/indicators/indicator-definitions.server.ts'
import { isResidentSpec } from '#server/indicators/indicator-spec.ts'
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
	/** An indicator's code: only households with someone it has left behind (issue 8 item 3). */
	chiTieu: z
		.string()
		.regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,19}$/)
		.optional()
		.catch(undefined),
})

/** `/tiep-can`: the volunteer's worklist — households still needing a visit, in walking order. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'outreach.record')
	const url = new URL(request.url)
	const query = QuerySchema.parse({
		to: url.searchParams.get('to') ?? undefined,
		trang: url.searchParams.get('trang') ?? 1,
		chiTieu: url.searchParams.get('chiTieu') || undefined,
	})
	const scope = residentialGroupsInScope(user, 'outreach.record')
	const today = dateInVietnam()
	const { db } = context.app
	// Indicators counted on residents can narrow the list to the people they have left behind today.
	const indicators = (await listIndicatorDefinitions(db, user.wardId))
		.filter((d) => isResidentSpec(d.spec))
		.map((d) => ({ code: d.code, name: d.name }))
	const focusCode = indicators.some((i) => i.code === query.chiTieu) ? query.chiTieu : undefined
	const focus = focusCode
		? await findIndicatorCohortCondition(db, {
				wardId: user.wardId,
				code: focusCode,
				cohort: 'leftBehind',
				asOf: today,
			})
		: null
	const [list, groups, conflicts] = await Promise.all([
		listWorklist(db, {
			wardId: user.wardId,
			groups: scope,
			today,
			page: query.trang,
			groupId: query.to,
			focus: focus ?? undefined,
		}),
		listResidentialGroups(context.app.db, { wardId: user.wardId, only: scope }),
		listOpenConflicts(context.app.db, user),
	])
	return {
		userId: user.id,
		query: { ...query, chiTieu: focus ? focusCode : undefined },
		indicators,
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
	const { list, groups, query, conflicts, today, generatedAt, userId, indicators } = loaderData
	const year = Number(today.slice(0, 4))
	const search = new URLSearchParams()
	if (query.to) search.set('to', query.to)
	if (query.chiTieu) search.set('chiTieu', query.chiTieu)
	const focused = indicators.find((i) => i.code === query.chiTieu)
	const groupHref = (groupId?: string) => {
		const params = new URLSearchParams()
		if (groupId) params.set('to', groupId)
		if (query.chiTieu) params.set('chiTieu', query.chiTieu)
		return `/tiep-can${params.size ? `?${params}` : ''}`
	}
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
					<a href={groupHref()} aria-current={query.to ? undefined : 'page'} data-keep-offline="">
						{t('outreach.worklist.allGroups')}
					</a>
					{groups.map((g) => (
						<a
							key={g.id}
							href={groupHref(g.id)}
							aria-current={query.to === g.id ? 'page' : undefined}
							data-keep-offline=""
						>
							{g.name}
						</a>
					))}
				</nav>
			) : null}
			{groups.length > 0 && indicators.length > 0 ? (
				<form method="get" action="/tiep-can" className="filters">
					{query.to ? <input type="hidden" name="to" value={query.to} /> : null}
					<label htmlFor="chiTieu">{t('outreach.worklist.focus')}</label>
					<select id="chiTieu" name="chiTieu" defaultValue={query.chiTieu ?? ''}>
						<option value="">{t('outreach.worklist.focusNone')}</option>
						{indicators.map((i) => (
							<option key={i.code} value={i.code}>
								{t('outreach.worklist.focusOption', { code: i.code, name: i.name })}
							</option>
						))}
					</select>
					<button type="submit">{t('outreach.worklist.focusSubmit')}</button>
				</form>
			) : null}
			{focused ? (
				<p className="notice" role="status">
					{t('outreach.worklist.focused', { code: focused.code, name: focused.name })}{' '}
					<a href={query.to ? `/tiep-can?to=${query.to}` : '/tiep-can'}>
						{t('outreach.worklist.focusClear')}
					</a>
				</p>
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
