import { data, Form, Link } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { formatDateTime } from '#app/utils/format-date.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import {
	addStatusUpdate,
	getFollowUp,
	StatusUpdateSchema,
} from '#server/procedures/dossier-follow-ups.server.ts'
import { followUpScopeOf } from '#server/procedures/dossier-scope.server.ts'
import { dossierStatuses } from '#server/procedures/schema.ts'
import type { Route } from './+types/assistant-dossier'

export const meta: Route.MetaFunction = () => [{ title: 'Theo dõi hồ sơ — Bình dân học vụ số' }]
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

/** `/ho-so-truc-tuyen/:followUpId`: one followed dossier, its history, and a status update. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'outreach.record')
	const followUp = isUuid(params.followUpId)
		? await getFollowUp(context.app.db, {
				id: params.followUpId,
				wardId: user.wardId,
				scope: followUpScopeOf(user),
			})
		: null
	if (!followUp) throw data(null, { status: 404 })
	return { followUp }
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'outreach.record')
	const form = await readCsrfCheckedForm(request, context)
	const parsed = StatusUpdateSchema.safeParse({
		status: form.get('status'),
		note: form.get('note') || undefined,
	})
	if (!parsed.success) return data({ status: 'invalid' as const }, { status: 400 })
	if (!isUuid(params.followUpId)) throw data(null, { status: 404 })
	const updated = await addStatusUpdate(context.app.db, requestAudit(context, user), {
		id: params.followUpId,
		wardId: user.wardId,
		scope: followUpScopeOf(user),
		status: parsed.data.status,
		note: parsed.data.note,
		userId: user.id,
	})
	if (!updated) throw data(null, { status: 404 })
	return { status: 'saved' as const }
}

export default function AssistantDossier({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const f = loaderData.followUp
	return (
		<div className="stack">
			<p>
				<Link to="/ho-so-truc-tuyen">{t('dossier.back')}</Link>
			</p>
			<h1>{t('dossier.detailTitle', { code: f.dossierCode })}</h1>
			<dl className="facts">
				<div className="facts__row">
					<dt>{t('dossier.procedure')}</dt>
					<dd>
						<a href={`/thu-tuc/${encodeURIComponent(f.procedureCode)}`}>{f.procedureName}</a>
					</dd>
				</div>
				<div className="facts__row">
					<dt>{t('dossier.filedOn')}</dt>
					<dd>{f.filedOn}</dd>
				</div>
				<div className="facts__row">
					<dt>{t('dossier.status')}</dt>
					<dd>{t(`dossier.status.${f.status}` as MessageKey)}</dd>
				</div>
				{f.groupName ? (
					<div className="facts__row">
						<dt>{t('dossier.group')}</dt>
						<dd>{f.groupName}</dd>
					</div>
				) : null}
			</dl>
			<p className="hint">{t('dossier.trackHint')}</p>
			{actionData?.status === 'saved' ? (
				<p className="notice" role="status">
					{t('dossier.statusSaved')}
				</p>
			) : null}
			{actionData?.status === 'invalid' ? (
				<p className="form-error" role="alert">
					{t('dossier.error.statusRequired')}
				</p>
			) : null}
			<Form method="post" className="form">
				<CsrfInput />
				<div className="field">
					<label htmlFor="status">{t('dossier.newStatus')}</label>
					<select id="status" name="status" defaultValue={f.status} required>
						{dossierStatuses.map((s) => (
							<option key={s} value={s}>
								{t(`dossier.status.${s}` as MessageKey)}
							</option>
						))}
					</select>
				</div>
				<div className="field">
					<label htmlFor="note">{t('dossier.note')}</label>
					<p className="hint" id="note-hint">
						{t('dossier.noteHint')}
					</p>
					<textarea id="note" name="note" maxLength={500} rows={2} aria-describedby="note-hint" />
				</div>
				<p>
					<button type="submit" className="primary">
						{t('dossier.saveStatus')}
					</button>
				</p>
			</Form>
			<section aria-labelledby="history-title">
				<h2 id="history-title">{t('dossier.history')}</h2>
				<ol>
					{f.updates.map((u) => (
						<li key={u.id}>
							{formatDateTime(locale, u.at)} — {t(`dossier.status.${u.status}` as MessageKey)} ({u.by})
							{u.note ? <span className="muted"> — {u.note}</span> : null}
						</li>
					))}
				</ol>
			</section>
		</div>
	)
}
