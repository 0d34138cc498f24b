import { data } from 'react-router'
import { ReadAloud } from '#app/components/assistant/read-aloud.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import assistantStylesHref from '#app/styles/assistant.css?url'
import {
	describeTimeLimit,
	feeLooksUnclear,
	withoutBullet,
} from '#server/assistant/procedures/compose-procedure-answer.ts'
import { getCurrentUser } from '#server/identity/current-user.server.ts'
import { can } from '#server/identity/policy.server.ts'
import { getProcedure } from '#server/procedures/get-procedure.server.ts'
import type { Route } from './+types/procedure'

export const handle = { hydrate: false }
export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: assistantStylesHref }]
export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `${data?.record.fields.name ?? 'Thủ tục hành chính'} — Bình dân học vụ số` },
]

/** `/thu-tuc/:code`: one procedure of the knowledge base, in full, with its source. Public. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const record = await getProcedure(context.app.db, params.code)
	if (!record) throw data(null, { status: 404 })
	const user = await getCurrentUser(request, context)
	return { record, canEdit: can(user, 'content.manage') }
}

export default function Procedure({ loaderData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const { record, canEdit } = loaderData
	const f = record.fields
	const groups = new Map<string, typeof f.documents>()
	for (const d of f.documents) groups.set(d.group ?? '', [...(groups.get(d.group ?? '') ?? []), d])
	return (
		<article className="stack">
			<p>
				<a href="/tro-ly">{t('procedure.backToAssistant')}</a>
			</p>
			<h1 data-read="">{f.name}</h1>
			<ReadAloud />
			<dl className="facts">
				<div className="facts__row">
					<dt>{t('assistant.card.code')}</dt>
					<dd>{record.code}</dd>
				</div>
				{[
					['assistant.card.field', f.field],
					['assistant.card.levels', f.levels],
					['procedure.type', f.procedureType],
					['assistant.card.applicants', f.applicants],
					['procedure.executingAgency', f.executingAgency],
					['procedure.competentAgency', f.competentAgency],
					['procedure.receivingAddress', f.receivingAddress],
					['assistant.card.results', f.results.join('; ')],
				]
					.filter(([, value]) => value)
					.map(([key, value]) => (
						<div className="facts__row" key={key}>
							<dt>{t(key as 'assistant.card.field')}</dt>
							<dd data-read="">{value}</dd>
						</div>
					))}
			</dl>
			{record.handledAtWard ? <p className="notice">{t('procedure.atWard')}</p> : null}
			{record.localNote ? (
				<p className="notice" data-read="">
					<strong>{t('assistant.card.localNote')}</strong> {record.localNote}
				</p>
			) : null}
			<section aria-labelledby="channels-title">
				<h2 id="channels-title" data-read="">
					{t('procedure.channels')}
				</h2>
				<div className="table-scroll">
					<table>
						<thead>
							<tr>
								<th scope="col">{t('procedure.channel')}</th>
								<th scope="col">{t('assistant.card.time')}</th>
								<th scope="col">{t('assistant.card.fee')}</th>
								<th scope="col">{t('procedure.description')}</th>
							</tr>
						</thead>
						<tbody>
							{f.channels.map((c, i) => (
								// biome-ignore lint/suspicious/noArrayIndexKey: rows of the source table, in order
								<tr key={i}>
									<td>{c.channel}</td>
									<td>{describeTimeLimit(c.timeLimit)}</td>
									<td>
										{c.fee ?? '—'}
										{c.feeNote ? <div className="muted">{c.feeNote}</div> : null}
										{feeLooksUnclear(c.fee) ? (
											<div className="field-error">{t('procedure.feeUnclear')}</div>
										) : null}
									</td>
									<td>{c.description ?? ''}</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
			</section>
			<section aria-labelledby="documents-title">
				<h2 id="documents-title" data-read="">
					{t('assistant.card.documents')}
				</h2>
				{[...groups].map(([group, docs]) => (
					<div key={group}>
						{group ? <h3>{group}</h3> : null}
						<ul>
							{docs.map((d, i) => (
								// biome-ignore lint/suspicious/noArrayIndexKey: the source may list a paper twice
								<li key={i} data-read="">
									{withoutBullet(d.name)}
									{d.quantity ? <span className="muted"> ({d.quantity})</span> : null}
									{d.form ? <span className="muted"> — {t('procedure.form', { form: d.form })}</span> : null}
								</li>
							))}
						</ul>
					</div>
				))}
			</section>
			<section aria-labelledby="steps-title">
				<h2 id="steps-title" data-read="">
					{t('assistant.card.steps')}
				</h2>
				{f.steps.map((s, i) => (
					// biome-ignore lint/suspicious/noArrayIndexKey: paragraphs in order
					<p key={i} data-read="">
						{s}
					</p>
				))}
			</section>
			{f.conditions ? (
				<section aria-labelledby="conditions-title">
					<h2 id="conditions-title">{t('procedure.conditions')}</h2>
					<p style={{ whiteSpace: 'pre-line' }}>{f.conditions}</p>
				</section>
			) : null}
			{f.legalBasis.length ? (
				<section aria-labelledby="legal-title">
					<h2 id="legal-title">{t('procedure.legalBasis')}</h2>
					<ul>
						{f.legalBasis.map((l, i) => (
							// biome-ignore lint/suspicious/noArrayIndexKey: the source's order
							<li key={i}>
								{l.name}
								{l.code ? <span className="muted"> ({l.code})</span> : null}
							</li>
						))}
					</ul>
				</section>
			) : null}
			<p>
				{t('procedure.source')}{' '}
				<a href={record.sourceUrl} rel="noopener noreferrer" target="_blank">
					{record.sourceUrl}
				</a>
			</p>
			{Object.keys(record.overrides).length ? <p className="muted">{t('procedure.corrected')}</p> : null}
			{canEdit ? (
				<p>
					<a href={`/quan-tri/tro-ly/thu-tuc/${encodeURIComponent(record.code)}`}>{t('procedure.edit')}</a>
				</p>
			) : null}
		</article>
	)
}
