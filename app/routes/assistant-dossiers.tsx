import { data, Form, Link, useLocation } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { Pager } from '#app/components/pager.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { formatDateTime } from '#app/utils/format-date.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission, residentialGroupsInScope } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import {
	countFollowUpsByStatus,
	createFollowUp,
	listFollowUps,
	NewFollowUpSchema,
} from '#server/procedures/dossier-follow-ups.server.ts'
import { followUpScopeOf } from '#server/procedures/dossier-scope.server.ts'
import { resolveProcedure } from '#server/procedures/resolve-procedure.server.ts'
import { dossierStatuses } from '#server/procedures/schema.ts'
import { listResidentialGroups } from '#server/ward/list-residential-groups.server.ts'
import type { Route } from './+types/assistant-dossiers'

export const meta: Route.MetaFunction = () => [{ title: 'Hồ sơ trực tuyến đã hỗ trợ — Bình dân học vụ số' }]
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

const ListQuerySchema = z.object({
	status: z.enum(dossierStatuses).optional().catch(undefined),
	page: z.coerce.number().int().min(1).max(1000).catch(1),
})

const FormSchema = NewFollowUpSchema.extend({ procedure: z.string().trim().max(300).optional() }).omit({
	procedureCode: true,
})

/** `/ho-so-truc-tuyen`: online filings volunteers helped with, and a form to record one. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'outreach.record')
	const params = new URL(request.url).searchParams
	const query = ListQuerySchema.parse({
		status: params.get('trang-thai') || undefined,
		page: params.get('trang') ?? 1,
	})
	const scope = followUpScopeOf(user)
	const groupsInScope = residentialGroupsInScope(user, 'outreach.record')
	const [list, counts, groups] = await Promise.all([
		listFollowUps(context.app.db, { wardId: user.wardId, scope, status: query.status, page: query.page }),
		countFollowUpsByStatus(context.app.db, user.wardId, scope),
		listResidentialGroups(context.app.db, { wardId: user.wardId, only: groupsInScope }),
	])
	return { query, list, counts, groups: groups.map((g) => ({ id: g.id, name: g.name })) }
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'outreach.record')
	const form = await readCsrfCheckedForm(request, context)
	const parsed = FormSchema.safeParse({
		procedure: form.get('procedure') ?? '',
		dossierCode: form.get('dossierCode') ?? '',
		filedOn: form.get('filedOn') ?? '',
		residentialGroupId: form.get('residentialGroupId') || undefined,
		note: form.get('note') || undefined,
	})
	const chosen = String(form.get('procedureCode') ?? '')
	if (!parsed.success) {
		const errors = parsed.error.issues.map((i) => i.message as MessageKey)
		return data({ status: 'invalid' as const, errors, candidates: [], id: null }, { status: 400 })
	}
	const resolved = chosen
		? { ok: true as const, code: chosen }
		: await resolveProcedure(context.app.db, parsed.data.procedure ?? '')
	if (!resolved.ok) {
		return data(
			{
				status: 'choose' as const,
				errors: ['dossier.error.chooseProcedure' as MessageKey],
				candidates: resolved.candidates,
				id: null,
			},
			{ status: 400 },
		)
	}
	const groups = residentialGroupsInScope(user, 'outreach.record')
	const defaultGroup = groups !== 'all' && groups.length === 1 ? groups[0] : undefined
	const created = await createFollowUp(context.app.db, requestAudit(context, user), {
		...parsed.data,
		residentialGroupId: parsed.data.residentialGroupId ?? defaultGroup,
		procedureCode: resolved.code,
		wardId: user.wardId,
		userId: user.id,
		allowedGroups: groups,
	})
	if (!created.ok) {
		return data(
			{
				status: 'invalid' as const,
				errors: [`dossier.error.${created.error}` as MessageKey],
				candidates: [],
				id: null,
			},
			{ status: created.error === 'duplicate' ? 409 : 400 },
		)
	}
	return { status: 'created' as const, errors: [], candidates: [], id: created.id }
}

export default function AssistantDossiers({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const location = useLocation()
	const { list, counts, groups, query } = loaderData
	return (
		<div className="stack">
			<h1>{t('dossier.title')}</h1>
			<p>{t('dossier.intro')}</p>
			<p>
				<a href="/tro-ly">{t('dossier.howToTrack')}</a>
			</p>
			<section aria-labelledby="new-title" className="stack">
				<h2 id="new-title">{t('dossier.new')}</h2>
				{actionData?.status === 'created' && actionData.id ? (
					<p className="notice" role="status">
						{t('dossier.created')} <Link to={`/ho-so-truc-tuyen/${actionData.id}`}>{t('dossier.open')}</Link>
					</p>
				) : null}
				{actionData?.errors.length ? (
					<div className="form-error" role="alert">
						{actionData.errors.map((e) => (
							<p key={e}>{t(e)}</p>
						))}
					</div>
				) : null}
				<Form method="post" className="form">
					<CsrfInput />
					{actionData?.candidates.length ? (
						<fieldset>
							<legend>{t('dossier.chooseProcedure')}</legend>
							{actionData.candidates.map((c) => (
								<label key={c.code} className="field--radio">
									<input type="radio" name="procedureCode" value={c.code} required /> {c.name}{' '}
									<span className="muted">({c.code})</span>
								</label>
							))}
						</fieldset>
					) : (
						<div className="field">
							<label htmlFor="procedure">{t('dossier.procedure')}</label>
							<p className="hint" id="procedure-hint">
								{t('dossier.procedureHint')}
							</p>
							<input
								id="procedure"
								name="procedure"
								required
								maxLength={300}
								aria-describedby="procedure-hint"
							/>
						</div>
					)}
					<div className="field">
						<label htmlFor="dossierCode">{t('dossier.code')}</label>
						<p className="hint" id="dossierCode-hint">
							{t('dossier.codeHint')}
						</p>
						<input
							id="dossierCode"
							name="dossierCode"
							required
							maxLength={60}
							autoCapitalize="characters"
							aria-describedby="dossierCode-hint"
						/>
					</div>
					<div className="field">
						<label htmlFor="filedOn">{t('dossier.filedOn')}</label>
						<input id="filedOn" name="filedOn" type="date" required />
					</div>
					{groups.length > 1 ? (
						<div className="field">
							<label htmlFor="residentialGroupId">{t('dossier.group')}</label>
							<select id="residentialGroupId" name="residentialGroupId">
								<option value="">—</option>
								{groups.map((g) => (
									<option key={g.id} value={g.id}>
										{g.name}
									</option>
								))}
							</select>
						</div>
					) : null}
					<div className="field">
						<label htmlFor="note">{t('dossier.note')}</label>
						<p className="hint" id="note-hint">
							{t('dossier.noteHint')}
						</p>
						<textarea id="note" name="note" maxLength={500} rows={2} aria-describedby="note-hint" />
					</div>
					<p>
						<button type="submit" className="primary">
							{t('dossier.save')}
						</button>
					</p>
				</Form>
			</section>
			<section aria-labelledby="list-title" className="stack">
				<h2 id="list-title">{t('dossier.list')}</h2>
				<p>
					{dossierStatuses
						.filter((s) => counts[s] > 0)
						.map((s) => `${t(`dossier.status.${s}` as MessageKey)}: ${formatNumber(locale, counts[s])}`)
						.join(' · ') || t('dossier.none')}
				</p>
				<Form method="get" className="inline-form">
					<label htmlFor="status-filter">{t('dossier.filterStatus')}</label>
					<select id="status-filter" name="trang-thai" defaultValue={query.status ?? ''}>
						<option value="">{t('assistantAdmin.filter.any')}</option>
						{dossierStatuses.map((s) => (
							<option key={s} value={s}>
								{t(`dossier.status.${s}` as MessageKey)}
							</option>
						))}
					</select>
					<button type="submit">{t('assistantAdmin.filter.submit')}</button>
				</Form>
				{list.items.length ? (
					<div className="table-scroll">
						<table>
							<caption className="visually-hidden">{t('dossier.list')}</caption>
							<thead>
								<tr>
									<th scope="col">{t('dossier.code')}</th>
									<th scope="col">{t('dossier.procedure')}</th>
									<th scope="col">{t('dossier.status')}</th>
									<th scope="col" className="hide-narrow">
										{t('dossier.updated')}
									</th>
								</tr>
							</thead>
							<tbody>
								{list.items.map((f) => (
									<tr key={f.id}>
										<td>
											<Link to={`/ho-so-truc-tuyen/${f.id}`}>{f.dossierCode}</Link>
										</td>
										<td>{f.procedureName}</td>
										<td>{t(`dossier.status.${f.status}` as MessageKey)}</td>
										<td className="hide-narrow">{formatDateTime(locale, f.updatedAt)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				) : null}
				<Pager
					page={query.page}
					pages={list.hasMore ? query.page + 1 : query.page}
					search={location.search}
				/>
			</section>
		</div>
	)
}
