import { Form, Link, useLocation } from 'react-router'
import { z } from 'zod'
import { Pager } from '#app/components/pager.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { listProcedures } from '#server/procedures/list-procedures.server.ts'
import type { Route } from './+types/assistant-admin-procedures'

export const meta: Route.MetaFunction = () => [{ title: 'Thủ tục hành chính — quản lý trợ lý ảo' }]

const QuerySchema = z.object({
	q: z.string().trim().max(200).catch(''),
	ward: z.boolean(),
	edited: z.boolean(),
	page: z.coerce.number().int().min(1).max(1000).catch(1),
})

/** `/quan-tri/tro-ly/thu-tuc`: find a procedure to correct or annotate. */
export async function loader({ request, context }: Route.LoaderArgs) {
	await requirePermission(request, context, 'content.manage')
	const params = new URL(request.url).searchParams
	const query = QuerySchema.parse({
		q: params.get('q') ?? '',
		ward: params.get('phuong') === '1',
		edited: params.get('da-sua') === '1',
		page: params.get('trang') ?? 1,
	})
	return { query, result: await listProcedures(context.app.db, query) }
}

export default function AssistantAdminProcedures({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const location = useLocation()
	const { query, result } = loaderData
	return (
		<div className="stack">
			<p>
				<Link to="/quan-tri/tro-ly">{t('assistantAdmin.back')}</Link>
			</p>
			<h1>{t('assistantAdmin.procedures')}</h1>
			<p>{t('assistantAdmin.proceduresIntro')}</p>
			<Form method="get" className="filters">
				<div className="field filters__wide">
					<label htmlFor="q">{t('assistantAdmin.search')}</label>
					<input id="q" name="q" type="search" defaultValue={query.q} />
				</div>
				<label className="field--checkbox">
					<input type="checkbox" name="phuong" value="1" defaultChecked={query.ward} />{' '}
					{t('assistantAdmin.onlyWard')}
				</label>
				<label className="field--checkbox">
					<input type="checkbox" name="da-sua" value="1" defaultChecked={query.edited} />{' '}
					{t('assistantAdmin.onlyEdited')}
				</label>
				<p className="filters__actions">
					<button type="submit">{t('assistantAdmin.filter.submit')}</button>
				</p>
			</Form>
			<p role="status">{t('assistantAdmin.found', { total: formatNumber(locale, result.total) })}</p>
			<ul>
				{result.items.map((p) => (
					<li key={p.code}>
						<Link to={`/quan-tri/tro-ly/thu-tuc/${encodeURIComponent(p.code)}`}>{p.name}</Link>{' '}
						<span className="muted">
							({p.code}
							{p.field ? `, ${p.field}` : ''}
							{p.handledAtWard ? `, ${t('assistantAdmin.atWard')}` : ''}
							{p.edited ? `, ${t('assistantAdmin.edited')}` : ''})
						</span>
					</li>
				))}
			</ul>
			{query.q ? null : (
				<Pager
					page={query.page}
					pages={Math.max(1, Math.ceil(result.total / result.pageSize))}
					search={location.search}
				/>
			)}
		</div>
	)
}
