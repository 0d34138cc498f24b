import crypto from 'node:crypto'
import { data, redirect } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { OutreachPage } from '#app/components/outreach/outreach-page.tsx'
import { outreachHandle, outreachLinks } from '#app/components/outreach/outreach-route.ts'
import { VisitForm } from '#app/components/outreach/visit-form.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { formatDateTime } from '#app/utils/format-date.ts'
import { safeRedirectPath } from '#app/utils/safe-redirect.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission, residentialGroupsInScope } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { getHouseholdCard } from '#server/outreach/household-card.server.ts'
import { dateInVietnam, recordVisit } from '#server/outreach/record-visit.server.ts'
import { formDataFields, parseVisitFields } from '#server/outreach/visit-input.server.ts'
import type { Route } from './+types/outreach-household'

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `${data?.household.address ?? 'Hộ gia đình'} — Đi từng nhà — Bình dân học vụ số` },
]
export const handle = outreachHandle
export const links = outreachLinks
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

/** `/tiep-can/ho/:householdId`: the household card at the door, and the full visit form. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'outreach.record')
	const today = dateInVietnam()
	const household = await getHouseholdCard(context.app.db, {
		householdId: params.householdId,
		wardId: user.wardId,
		groups: residentialGroupsInScope(user, 'outreach.record'),
		today,
	})
	if (!household) throw data(null, { status: 404 })
	const url = new URL(request.url)
	return {
		userId: user.id,
		today,
		household,
		visitId: crypto.randomUUID(),
		saved: url.searchParams.has('daGhi'),
		conflicts: Number(url.searchParams.get('xungDot') ?? 0) || 0,
		dossierUnknown: url.searchParams.has('hoSoChuaRo'),
	}
}

/** Records a visit (from this page's form or a worklist quick button), exactly once by its id. */
export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'outreach.record')
	const form = await readCsrfCheckedForm(request, context)
	const today = dateInVietnam()
	const parsed = parseVisitFields(formDataFields(form), today)
	if (!parsed.ok) return data({ errors: parsed.errors }, { status: 400 })
	if (parsed.visit.householdId !== params.householdId) throw data(null, { status: 400 })
	const volunteer = { ...user, groups: residentialGroupsInScope(user, 'outreach.record') }
	const report = await recordVisit(context.app, volunteer, parsed.visit, {
		origin: 'online',
		audit: requestAudit(context, user),
	})
	if (report.outcome === 'rejected') {
		if (report.reason === 'outOfScope') throw data(null, { status: 404 })
		return data({ errors: [`outreach.error.${report.reason}`] }, { status: 409 })
	}
	const conflicts = report.outcome === 'applied' ? report.conflicts : 0
	const dossierUnknown = report.outcome === 'applied' && report.dossier === 'unknownProcedure'
	const returnTo = safeRedirectPath(form.get('returnTo'), '')
	if (returnTo.startsWith('/tiep-can') && conflicts === 0 && !dossierUnknown) {
		const [path, query = ''] = returnTo.split('?')
		const search = new URLSearchParams(query)
		search.set('daGhi', '1')
		return redirect(`${path}?${search}#ho-${params.householdId}`)
	}
	const search = new URLSearchParams({ daGhi: '1' })
	if (conflicts) search.set('xungDot', String(conflicts))
	if (dossierUnknown) search.set('hoSoChuaRo', '1')
	return redirect(`/tiep-can/ho/${params.householdId}?${search}`)
}

export default function OutreachHousehold({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { household, today, visitId, userId } = loaderData
	return (
		<OutreachPage userId={userId}>
			<p>
				<a href="/tiep-can">{t('outreach.worklist.title')}</a>
			</p>
			<h1>{household.address ?? t('outreach.household.code', { code: household.code })}</h1>
			<p className="muted">
				{household.groupName} · {t('outreach.household.code', { code: household.code })}
			</p>
			{loaderData.saved ? (
				<div className="notice" role="status">
					<p>
						{loaderData.conflicts
							? t('outreach.visit.savedConflicts', { count: loaderData.conflicts })
							: t('outreach.visit.saved')}
					</p>
					{loaderData.dossierUnknown ? <p>{t('outreach.visit.dossierUnknown')}</p> : null}
				</div>
			) : null}
			{actionData?.errors.length ? (
				<div className="form-error" role="alert">
					{actionData.errors.map((e) => (
						<p key={e}>{t(e as MessageKey)}</p>
					))}
				</div>
			) : null}
			<VisitForm household={household} visitId={visitId} today={today}>
				<CsrfInput />
			</VisitForm>
			<section aria-labelledby="history-title" className="stack">
				<h2 id="history-title">{t('outreach.visit.history')}</h2>
				{household.visits.length === 0 ? <p>{t('outreach.visit.historyNone')}</p> : null}
				<ul>
					{household.visits.map((visit) => (
						<li key={visit.id}>
							{t('outreach.visit.by', {
								date: formatDateTime(locale, visit.visitedAt),
								volunteer: visit.volunteer,
								outcome: t(`outreach.outcome.${visit.outcome}` as MessageKey),
							})}
							{visit.helped.length ? (
								<ul>
									{visit.helped.map((person) => (
										<li key={person.fullName}>
											{person.fullName}
											{person.actions.length
												? `: ${person.actions.map((a) => t(`outreach.action.${a}` as MessageKey)).join(', ')}`
												: ''}
										</li>
									))}
								</ul>
							) : null}
						</li>
					))}
				</ul>
			</section>
		</OutreachPage>
	)
}
