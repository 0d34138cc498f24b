import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { formatDateTime } from '#app/utils/format-date.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { correctProcedure, listProcedureRevisions } from '#server/procedures/correct-procedure.server.ts'
import { changedFieldsFromForm, fieldToText } from '#server/procedures/correction-form.ts'
import { getProcedure } from '#server/procedures/get-procedure.server.ts'
import { knowledgeIndex } from '#server/procedures/knowledge-search.server.ts'
import { type CorrectableField, correctableFields } from '#server/procedures/procedure-fields.ts'
import type { Route } from './+types/assistant-admin-procedure'

export const meta: Route.MetaFunction = () => [{ title: 'Sửa thủ tục — quản lý trợ lý ảo' }]
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

const MetaFormSchema = z.object({
	version: z.coerce.number().int().min(1),
	localNote: z.string().max(4000).default(''),
	keywords: z.string().max(1000).default(''),
	reason: z.string().trim().max(500).optional(),
	handledAtWard: z.boolean(),
})

const multiLine: CorrectableField[] = [
	'steps',
	'documents',
	'channels',
	'conditions',
	'results',
	'applicants',
	'executingAgency',
	'receivingAddress',
]

/** `/quan-tri/tro-ly/thu-tuc/:code`: correct and annotate one procedure; its history. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	await requirePermission(request, context, 'content.manage')
	const record = await getProcedure(context.app.db, params.code)
	if (!record) throw data(null, { status: 404 })
	const revisions = await listProcedureRevisions(context.app.db, record.code)
	const texts = Object.fromEntries(
		correctableFields.map((f) => [f, fieldToText(f, record.fields)]),
	) as Record<CorrectableField, string>
	return {
		code: record.code,
		name: record.fields.name,
		sourceUrl: record.sourceUrl,
		version: record.version,
		handledAtWard: record.handledAtWard,
		localNote: record.localNote,
		keywords: record.keywords,
		corrected: Object.keys(record.overrides) as CorrectableField[],
		stale: record.staleCorrections,
		texts,
		revisions: revisions.map((r) => ({ ...r, changed: Object.keys(r.changes) })),
	}
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'content.manage')
	const form = await readCsrfCheckedForm(request, context)
	const meta = MetaFormSchema.safeParse({
		version: form.get('version'),
		localNote: form.get('localNote') ?? '',
		keywords: form.get('keywords') ?? '',
		reason: form.get('reason') ?? undefined,
		handledAtWard: form.get('handledAtWard') === 'on',
	})
	if (!meta.success) return data({ status: 'invalid' as const }, { status: 400 })
	const record = await getProcedure(context.app.db, params.code)
	if (!record) throw data(null, { status: 404 })
	const fields = changedFieldsFromForm(form, record.fields, record.national)
	if (typeof fields.name === 'string' && !fields.name.trim())
		return data({ status: 'invalid' as const }, { status: 400 })
	const result = await correctProcedure(context.app.db, requestAudit(context, user), {
		code: record.code,
		version: meta.data.version,
		fields,
		handledAtWard: meta.data.handledAtWard,
		localNote: meta.data.localNote,
		keywords: meta.data.keywords,
		reason: meta.data.reason,
	})
	if (!result.ok) return data({ status: result.error }, { status: result.error === 'conflict' ? 409 : 404 })
	// Rebuild this server's search index now, so the next question (on this server) already sees the change.
	if (result.changed) await knowledgeIndex(context.app.db)
	return { status: result.changed ? ('saved' as const) : ('unchanged' as const) }
}

export default function AssistantAdminProcedure({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const d = loaderData
	return (
		<div className="stack">
			<p>
				<Link to="/quan-tri/tro-ly/thu-tuc">{t('assistantAdmin.backToProcedures')}</Link>
			</p>
			<h1>{d.name}</h1>
			<p className="muted">
				{t('assistant.card.code')} {d.code} ·{' '}
				<a href={d.sourceUrl} rel="noopener noreferrer" target="_blank">
					{t('assistantAdmin.nationalPage')}
				</a>{' '}
				· <a href={`/thu-tuc/${encodeURIComponent(d.code)}`}>{t('assistantAdmin.publicPage')}</a>
			</p>
			{actionData ? (
				<p
					className={
						actionData.status === 'saved' || actionData.status === 'unchanged' ? 'notice' : 'form-error'
					}
					role="status"
				>
					{t(`assistantAdmin.result.${actionData.status}` as MessageKey)}
				</p>
			) : null}
			{d.stale.length ? (
				<p className="form-error">
					{t('assistantAdmin.stale', {
						fields: d.stale.map((f) => t(`assistantAdmin.field.${f}` as MessageKey)).join(', '),
					})}
				</p>
			) : null}
			<p className="hint">{t('assistantAdmin.editHint')}</p>
			<Form method="post" className="form">
				<CsrfInput />
				<input type="hidden" name="version" value={d.version} />
				<label className="field--checkbox">
					<input type="checkbox" name="handledAtWard" defaultChecked={d.handledAtWard} />{' '}
					{t('assistantAdmin.handledAtWard')}
				</label>
				<div className="field">
					<label htmlFor="localNote">{t('assistant.card.localNote')}</label>
					<p className="hint" id="localNote-hint">
						{t('assistantAdmin.localNoteHint')}
					</p>
					<textarea
						id="localNote"
						name="localNote"
						rows={3}
						defaultValue={d.localNote}
						aria-describedby="localNote-hint"
					/>
				</div>
				<div className="field">
					<label htmlFor="keywords">{t('assistantAdmin.keywords')}</label>
					<p className="hint" id="keywords-hint">
						{t('assistantAdmin.keywordsHint')}
					</p>
					<input id="keywords" name="keywords" defaultValue={d.keywords} aria-describedby="keywords-hint" />
				</div>
				{correctableFields.map((field) => (
					<div className="field" key={field}>
						<label htmlFor={`f-${field}`}>
							{t(`assistantAdmin.field.${field}` as MessageKey)}
							{d.corrected.includes(field) ? ` (${t('assistantAdmin.correctedMark')})` : ''}
						</label>
						{field === 'documents' || field === 'channels' ? (
							<p className="hint" id={`f-${field}-hint`}>
								{t(`assistantAdmin.format.${field}` as MessageKey)}
							</p>
						) : null}
						{multiLine.includes(field) ? (
							<textarea
								id={`f-${field}`}
								name={field}
								rows={field === 'steps' || field === 'documents' ? 10 : 4}
								defaultValue={d.texts[field]}
								aria-describedby={
									field === 'documents' || field === 'channels' ? `f-${field}-hint` : undefined
								}
							/>
						) : (
							<input id={`f-${field}`} name={field} defaultValue={d.texts[field]} />
						)}
						{d.corrected.includes(field) ? (
							<label className="field--checkbox">
								<input type="checkbox" name="restore" value={field} /> {t('assistantAdmin.restore')}
							</label>
						) : null}
					</div>
				))}
				<div className="field">
					<label htmlFor="reason">{t('assistantAdmin.reason')}</label>
					<input id="reason" name="reason" maxLength={500} />
				</div>
				<p>
					<button type="submit" className="primary">
						{t('assistantAdmin.save')}
					</button>
				</p>
			</Form>
			<section aria-labelledby="history-title">
				<h2 id="history-title">{t('assistantAdmin.history')}</h2>
				<ol>
					{d.revisions.map((r) => (
						<li key={r.id}>
							{formatDateTime(locale, r.at)} — {t(`assistantAdmin.revision.${r.kind}` as MessageKey)}
							{r.actorLabel ? ` (${r.actorLabel})` : ''}
							{r.changed.length && r.kind !== 'nationalUpdated' && r.kind !== 'imported'
								? `: ${r.changed.map((f) => t(`assistantAdmin.field.${f}` as MessageKey)).join(', ')}`
								: ''}
							{r.reason ? <span className="muted"> — {r.reason}</span> : null}
						</li>
					))}
				</ol>
			</section>
		</div>
	)
}
