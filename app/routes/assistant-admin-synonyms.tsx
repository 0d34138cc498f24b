import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { knowledgeIndex } from '#server/procedures/knowledge-search.server.ts'
import { addSynonym, listSynonyms, removeSynonym } from '#server/procedures/synonyms.server.ts'
import type { Route } from './+types/assistant-admin-synonyms'

export const meta: Route.MetaFunction = () => [{ title: 'Từ đồng nghĩa — quản lý trợ lý ảo' }]

const SynonymFormSchema = z.discriminatedUnion('intent', [
	z.object({
		intent: z.literal('add'),
		phrase: z.string().trim().min(2, 'assistantAdmin.synonymError.phrase').max(100),
		expansion: z.string().trim().min(2, 'assistantAdmin.synonymError.expansion').max(300),
		note: z.string().trim().max(300).optional(),
	}),
	z.object({ intent: z.literal('remove'), id: z.uuid() }),
])

/** `/quan-tri/tro-ly/tu-dong-nghia`: the words people use → the words of the procedures. */
export async function loader({ request, context }: Route.LoaderArgs) {
	await requirePermission(request, context, 'content.manage')
	return { synonyms: await listSynonyms(context.app.db) }
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'content.manage')
	const form = await readCsrfCheckedForm(request, context)
	const parsed = SynonymFormSchema.safeParse(Object.fromEntries(form))
	if (!parsed.success) {
		const message = (parsed.error.issues[0]?.message ?? 'assistantAdmin.synonymError.phrase') as MessageKey
		return data({ status: 'invalid' as const, message }, { status: 400 })
	}
	const audit = requestAudit(context, user)
	if (parsed.data.intent === 'add') {
		const added = await addSynonym(context.app.db, { ...parsed.data, userId: user.id })
		if (!added) return data({ status: 'exists' as const, message: null }, { status: 409 })
		await recordAudit(context.app.db, {
			...audit,
			action: 'procedureSynonym.added',
			details: { intent: 'add' },
		})
		// Rebuild this server's search index now, so the next question already uses the synonym.
		await knowledgeIndex(context.app.db)
		return { status: 'added' as const, message: null }
	}
	const removed = await removeSynonym(context.app.db, parsed.data.id)
	if (removed)
		await recordAudit(context.app.db, {
			...audit,
			action: 'procedureSynonym.removed',
			entityType: 'procedureSynonym',
			entityId: parsed.data.id,
		})
	return { status: removed ? ('removed' as const) : ('missing' as const), message: null }
}

export default function AssistantAdminSynonyms({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	return (
		<div className="stack">
			<p>
				<Link to="/quan-tri/tro-ly">{t('assistantAdmin.back')}</Link>
			</p>
			<h1>{t('assistantAdmin.synonyms')}</h1>
			<p>{t('assistantAdmin.synonymsIntro')}</p>
			{actionData ? (
				<p
					className={
						actionData.status === 'invalid' || actionData.status === 'exists' ? 'form-error' : 'notice'
					}
					role="status"
				>
					{actionData.message
						? t(actionData.message)
						: t(`assistantAdmin.synonymResult.${actionData.status}` as MessageKey)}
				</p>
			) : null}
			<Form method="post" className="form">
				<CsrfInput />
				<input type="hidden" name="intent" value="add" />
				<div className="field">
					<label htmlFor="phrase">{t('assistantAdmin.phrase')}</label>
					<input id="phrase" name="phrase" required maxLength={100} />
				</div>
				<div className="field">
					<label htmlFor="expansion">{t('assistantAdmin.expansion')}</label>
					<p className="hint" id="expansion-hint">
						{t('assistantAdmin.expansionHint')}
					</p>
					<input id="expansion" name="expansion" required maxLength={300} aria-describedby="expansion-hint" />
				</div>
				<div className="field">
					<label htmlFor="note">{t('assistantAdmin.note')}</label>
					<input id="note" name="note" maxLength={300} />
				</div>
				<p>
					<button type="submit" className="primary">
						{t('assistantAdmin.addSynonym')}
					</button>
				</p>
			</Form>
			<div className="table-scroll">
				<table>
					<caption className="visually-hidden">{t('assistantAdmin.synonyms')}</caption>
					<thead>
						<tr>
							<th scope="col">{t('assistantAdmin.phrase')}</th>
							<th scope="col">{t('assistantAdmin.expansion')}</th>
							<th scope="col">
								<span className="visually-hidden">{t('assistantAdmin.remove')}</span>
							</th>
						</tr>
					</thead>
					<tbody>
						{loaderData.synonyms.map((s) => (
							<tr key={s.id}>
								<td>{s.phrase}</td>
								<td>
									{s.expansion}
									{s.note ? <div className="muted">{s.note}</div> : null}
								</td>
								<td>
									<Form method="post">
										<CsrfInput />
										<input type="hidden" name="intent" value="remove" />
										<input type="hidden" name="id" value={s.id} />
										<button
											type="submit"
											className="secondary"
											aria-label={t('assistantAdmin.removeSynonym', { phrase: s.phrase })}
										>
											{t('assistantAdmin.remove')}
										</button>
									</Form>
								</td>
							</tr>
						))}
					</tbody>
				</table>
			</div>
		</div>
	)
}
