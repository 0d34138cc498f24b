import { data, Form, Link, useLocation } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { Pager } from '#app/components/pager.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import assistantStylesHref from '#app/styles/assistant.css?url'
import { formatDateTime } from '#app/utils/format-date.ts'
import { readWardContact, saveWardContact } from '#server/assistant/assistant-settings.server.ts'
import { listQuestions } from '#server/assistant/question-log.server.ts'
import { assistantKinds, questionOutcomes } from '#server/assistant/schema.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { countFollowUpsByStatus } from '#server/procedures/dossier-follow-ups.server.ts'
import { readKnowledgeBaseState } from '#server/procedures/kb-state.server.ts'
import { dossierStatuses } from '#server/procedures/schema.ts'
import type { Route } from './+types/assistant-admin'

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: assistantStylesHref }]
export const meta: Route.MetaFunction = () => [{ title: 'Quản lý trợ lý ảo — Bình dân học vụ số' }]
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

const LogQuerySchema = z.object({
	outcome: z.enum(questionOutcomes).optional().catch(undefined),
	kind: z.enum(assistantKinds).optional().catch(undefined),
	days: z.coerce
		.number()
		.int()
		.pipe(z.union([z.literal(1), z.literal(7), z.literal(30), z.literal(365)]))
		.catch(7),
	page: z.coerce.number().int().min(1).max(1000).catch(1),
})

const ContactFormSchema = z.object({ contactText: z.string().trim().max(1000) })

/** `/quan-tri/tro-ly`: what people asked and what failed; the ward's contact line; dossiers followed. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'content.manage')
	const params = new URL(request.url).searchParams
	const query = LogQuerySchema.parse({
		outcome: params.get('ket-qua') || undefined,
		kind: params.get('loai') || undefined,
		days: params.get('ngay') ?? 7,
		page: params.get('trang') ?? 1,
	})
	const { db } = context.app
	const [log, contact, dossiers, kb] = await Promise.all([
		listQuestions(db, query),
		readWardContact(db, user.wardId),
		countFollowUpsByStatus(db, user.wardId),
		readKnowledgeBaseState(db),
	])
	return {
		query,
		log,
		contact,
		dossiers,
		kb: { procedures: kb?.nationalRecordCount ?? 0, importedAt: kb?.nationalImportedAt ?? null },
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'content.manage')
	const form = await readCsrfCheckedForm(request, context)
	const parsed = ContactFormSchema.safeParse({ contactText: form.get('contactText') ?? '' })
	if (!parsed.success) return data({ saved: false }, { status: 400 })
	await saveWardContact(context.app.db, {
		wardId: user.wardId,
		contactText: parsed.data.contactText,
		userId: user.id,
	})
	return { saved: true }
}

export default function AssistantAdmin({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const location = useLocation()
	const { log, query, contact, dossiers, kb } = loaderData
	const total = Object.values(log.byOutcome).reduce((a, b) => a + b, 0)
	return (
		<div className="stack">
			<h1>{t('assistantAdmin.title')}</h1>
			<p>{t('assistantAdmin.intro', { count: formatNumber(locale, kb.procedures) })}</p>
			<nav aria-label={t('assistantAdmin.sections')}>
				<ul className="actions">
					<li>
						<Link to="/quan-tri/tro-ly/thu-tuc">{t('assistantAdmin.procedures')}</Link>
					</li>
					<li>
						<Link to="/quan-tri/tro-ly/tu-dong-nghia">{t('assistantAdmin.synonyms')}</Link>
					</li>
					<li>
						<a href="/tro-ly">{t('assistantAdmin.openAssistant')}</a>
					</li>
				</ul>
			</nav>

			<section aria-labelledby="questions-title" className="stack">
				<h2 id="questions-title">{t('assistantAdmin.questions')}</h2>
				<Form method="get" className="filters">
					<div className="field">
						<label htmlFor="f-outcome">{t('assistantAdmin.filter.outcome')}</label>
						<select id="f-outcome" name="ket-qua" defaultValue={query.outcome ?? ''}>
							<option value="">{t('assistantAdmin.filter.any')}</option>
							{questionOutcomes.map((o) => (
								<option key={o} value={o}>
									{t(`assistantAdmin.outcome.${o}` as MessageKey)}
								</option>
							))}
						</select>
					</div>
					<div className="field">
						<label htmlFor="f-kind">{t('assistantAdmin.filter.kind')}</label>
						<select id="f-kind" name="loai" defaultValue={query.kind ?? ''}>
							<option value="">{t('assistantAdmin.filter.any')}</option>
							{assistantKinds.map((k) => (
								<option key={k} value={k}>
									{t(`assistant.kind.${k}` as MessageKey)}
								</option>
							))}
						</select>
					</div>
					<div className="field">
						<label htmlFor="f-days">{t('assistantAdmin.filter.days')}</label>
						<select id="f-days" name="ngay" defaultValue={String(query.days)}>
							{[1, 7, 30, 365].map((d) => (
								<option key={d} value={d}>
									{t('assistantAdmin.filter.lastDays', { days: d })}
								</option>
							))}
						</select>
					</div>
					<p className="filters__actions">
						<button type="submit">{t('assistantAdmin.filter.submit')}</button>
					</p>
				</Form>
				<p role="status">
					{t('assistantAdmin.summary', {
						total: formatNumber(locale, total),
						answered: formatNumber(locale, log.byOutcome.answered),
						uncertain: formatNumber(locale, log.byOutcome.uncertain),
						notFound: formatNumber(locale, log.byOutcome.notFound),
					})}
				</p>
				{log.frequentFailures.length ? (
					<section aria-labelledby="failures-title">
						<h3 id="failures-title">{t('assistantAdmin.frequentFailures')}</h3>
						<p className="hint">{t('assistantAdmin.frequentFailuresHint')}</p>
						<ul>
							{log.frequentFailures.map((f) => (
								<li key={f.question}>
									{f.question} <span className="muted">×{f.count}</span>
								</li>
							))}
						</ul>
					</section>
				) : null}
				{log.items.length === 0 ? (
					<p>{t('assistantAdmin.noQuestions')}</p>
				) : (
					<div className="table-scroll">
						<table>
							<caption className="visually-hidden">{t('assistantAdmin.questions')}</caption>
							<thead>
								<tr>
									<th scope="col">{t('assistantAdmin.col.when')}</th>
									<th scope="col">{t('assistantAdmin.col.question')}</th>
									<th scope="col">{t('assistantAdmin.col.outcome')}</th>
									<th scope="col" className="hide-narrow">
										{t('assistantAdmin.col.source')}
									</th>
									<th scope="col" className="hide-narrow">
										{t('assistantAdmin.col.channel')}
									</th>
								</tr>
							</thead>
							<tbody>
								{log.items.map((q) => (
									<tr key={q.id}>
										<td>{formatDateTime(locale, q.askedAt)}</td>
										<td>{q.question}</td>
										<td>
											{t(`assistantAdmin.outcome.${q.outcome}` as MessageKey)}
											{q.modelFallback ? (
												<div className="muted">
													{t('assistantAdmin.modelFallback', { reason: q.modelFallback })}
												</div>
											) : null}
										</td>
										<td className="hide-narrow">
											{q.topSourceId && /^\d/.test(q.topSourceId) ? (
												<a href={`/thu-tuc/${encodeURIComponent(q.topSourceId)}`}>{q.topSourceId}</a>
											) : (
												(q.topSourceId ?? '—')
											)}
										</td>
										<td className="hide-narrow">{t(`assistantAdmin.channel.${q.channel}` as MessageKey)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				)}
				<Pager page={query.page} pages={log.hasMore ? query.page + 1 : query.page} search={location.search} />
			</section>

			<section aria-labelledby="dossiers-title">
				<h2 id="dossiers-title">{t('assistantAdmin.dossiers')}</h2>
				<ul>
					{dossierStatuses.map((s) => (
						<li key={s}>
							{t(`dossier.status.${s}` as MessageKey)}: {formatNumber(locale, dossiers[s])}
						</li>
					))}
				</ul>
			</section>

			<section aria-labelledby="contact-title" className="stack">
				<h2 id="contact-title">{t('assistantAdmin.contact')}</h2>
				<p className="hint">{t('assistantAdmin.contactHint')}</p>
				{actionData?.saved ? (
					<p className="notice" role="status">
						{t('assistantAdmin.contactSaved')}
					</p>
				) : null}
				<Form method="post" className="form">
					<CsrfInput />
					<div className="field">
						<label htmlFor="contactText">{t('assistantAdmin.contactLabel')}</label>
						<textarea
							id="contactText"
							name="contactText"
							maxLength={1000}
							defaultValue={contact.custom ? contact.contact : ''}
						/>
						<p className="hint">
							{t('assistantAdmin.contactDefault', { text: contact.custom ? '' : contact.contact })}
						</p>
					</div>
					<p>
						<button type="submit" className="primary">
							{t('assistantAdmin.save')}
						</button>
					</p>
				</Form>
			</section>
		</div>
	)
}
