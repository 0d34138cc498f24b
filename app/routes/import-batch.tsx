import { useEffect } from 'react'
import { data, Form, Link, redirect, useRevalidator } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requirePermission, residentialGroupsInScope } from '#server/identity/policy.server.ts'
import { requireCsrf } from '#server/identity/require-csrf.server.ts'
import {
	residentImportFieldInfo,
	residentImportFields,
} from '#server/people/import/resident-import-fields.ts'
import { enqueueResidentImport } from '#server/people/import-jobs/enqueue-resident-import.server.ts'
import {
	getImportBatch,
	markImportQueued,
	saveImportChoices,
} from '#server/people/import-jobs/import-batches.server.ts'
import { loadImportPreview, readImportChoices } from '#server/people/import-jobs/import-preview.server.ts'
import type { Route } from './+types/import-batch'

export const meta: Route.MetaFunction = () => [{ title: 'Nhập danh sách người dân — Bình dân học vụ số' }]

async function loadBatch(request: Request, context: Route.LoaderArgs['context'], batchId: string) {
	const user = await requirePermission(request, context, 'people.import')
	const batch = await getImportBatch(context.app.db, { wardId: user.wardId, batchId })
	if (!batch) throw data(null, { status: 404 })
	return { user, batch }
}

/** `/nguoi-dan/nhap/:batchId`: preview with corrections, then the background import's progress and outcome. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const { user, batch } = await loadBatch(request, context, params.batchId)
	const summary = {
		id: batch.id,
		fileName: batch.fileName,
		status: batch.status,
		phase: batch.phase,
		progressDone: batch.progressDone,
		progressTotal: batch.progressTotal,
		counts: batch.counts,
		errorMessage: batch.errorMessage,
	}
	if (batch.status !== 'preview') return { batch: summary, preview: null }
	const { preview } = await loadImportPreview(
		context.app,
		batch,
		residentialGroupsInScope(user, 'people.import'),
	)
	return { batch: summary, preview }
}

export async function action({ request, context, params }: Route.ActionArgs) {
	await requirePermission(request, context, 'people.import')
	const formData = await request.formData()
	await requireCsrf(request, formData, context)
	const { user, batch } = await loadBatch(request, context, params.batchId)
	if (batch.status !== 'preview') return redirect(`/nguoi-dan/nhap/${batch.id}`)
	const choices = await readImportChoices(context.app, batch, formData)
	await saveImportChoices(context.app.db, { wardId: user.wardId, batchId: batch.id, ...choices })
	if (
		formData.get('intent') === 'commit' &&
		(await markImportQueued(context.app.db, { wardId: user.wardId, batchId: batch.id }))
	)
		await enqueueResidentImport(context.app, batch.id)
	return redirect(`/nguoi-dan/nhap/${batch.id}`)
}

const countKeys = ['new', 'updated', 'unchanged', 'rejected', 'skipped'] as const

export default function ImportBatch({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { batch, preview } = loaderData
	const n = (value: number) => formatNumber(locale, value)
	const running = batch.status === 'queued' || batch.status === 'running'
	const revalidator = useRevalidator()
	// With JavaScript, poll the loader instead of waiting for the meta refresh (which reloads the page).
	useEffect(() => {
		if (!running) return
		const timer = setInterval(() => {
			if (revalidator.state === 'idle') void revalidator.revalidate()
		}, 1000)
		return () => clearInterval(timer)
	}, [running, revalidator])
	if (running) {
		const phase = batch.status === 'queued' ? 'queued' : (batch.phase ?? 'reading')
		const label =
			phase === 'writing'
				? t('import.progress.writing', { done: n(batch.progressDone), total: n(batch.progressTotal) })
				: t(`import.progress.${phase as 'queued' | 'reading' | 'checking' | 'statistics'}`)
		return (
			<div className="stack">
				<h1>{t('import.progress.title', { file: batch.fileName })}</h1>
				<label htmlFor="import-progress">{t('import.progress.label')}</label>
				<progress
					id="import-progress"
					max={Math.max(batch.progressTotal, 1)}
					value={phase === 'writing' || phase === 'statistics' ? batch.progressDone : undefined}
				/>
				<p role="status">{label}</p>
				<p>{t('import.progress.closeHint')}</p>
				{/* Without JavaScript the page reloads itself until the job is done. Inside <noscript> so a
				    scripted page (which polls the loader) never gets a stray reload after the job ends. */}
				<noscript>
					<meta httpEquiv="refresh" content="2" />
				</noscript>
			</div>
		)
	}
	if (batch.status === 'done' || batch.status === 'failed') {
		const done = batch.status === 'done'
		return (
			<div className="stack">
				<h1>{t(done ? 'import.done.title' : 'import.failed.title', { file: batch.fileName })}</h1>
				{done ? <progress aria-label={t('import.progress.label')} max={1} value={1} /> : null}
				<p role="status">{done ? t('import.done.body') : batch.errorMessage}</p>
				{done && batch.counts ? (
					<dl className="counts">
						{[...countKeys, 'households' as const].map((key) => (
							<div key={key}>
								<dt>{t(`import.count.${key}`)}</dt>
								<dd>{n(batch.counts?.[key] ?? 0)}</dd>
							</div>
						))}
					</dl>
				) : null}
				{done && (batch.counts?.rejected ?? 0) > 0 ? (
					<p>
						<a href={`/nguoi-dan/nhap/${batch.id}/loi.xlsx`} download>
							{t('import.rejected.download')}
						</a>
					</p>
				) : null}
				<p>
					<Link to="/nguoi-dan">{t('import.done.list')}</Link> ·{' '}
					<Link to="/nguoi-dan/nhap">{t('import.again')}</Link>
				</p>
			</div>
		)
	}
	if (!preview) return null
	return (
		<div className="stack">
			<h1>{t('import.preview.title', { file: batch.fileName })}</h1>
			<h2>{t('import.preview.counts')}</h2>
			<dl className="counts">
				{countKeys.map((key) => (
					<div key={key}>
						<dt>{t(`import.count.${key}`)}</dt>
						<dd>{n(preview.counts[key])}</dd>
					</div>
				))}
			</dl>
			{preview.warnings.length > 0 ? (
				<section aria-labelledby="import-warnings">
					<h2 id="import-warnings">{t('import.warnings')}</h2>
					<ul>
						{preview.warnings.map((w) => (
							<li key={w}>{w}</li>
						))}
					</ul>
				</section>
			) : null}
			<Form method="post" className="form">
				<CsrfInput />
				{preview.sheets.map((sheet, i) => (
					<fieldset key={sheet.sheetName}>
						<legend>{t('import.sheet', { sheet: sheet.sheetName })}</legend>
						<input type="hidden" name={`s${i}.present`} value="1" />
						<p>
							{t('import.sheet.header', {
								rows: sheet.headerRowNumbers.join(', '),
								first: sheet.firstDataRowNumber,
							})}
						</p>
						{sheet.missingRequired.length > 0 ? (
							<p className="field-error">
								{t('import.sheet.missing', {
									fields: sheet.missingRequired
										.map(
											(f) =>
												residentImportFieldInfo[f as 'fullName'][locale === 'vi' ? 'labelVi' : 'labelEn'],
										)
										.join(', '),
								})}
							</p>
						) : null}
						<div className="field">
							<label>
								<input type="checkbox" name={`s${i}.include`} defaultChecked={sheet.include} />{' '}
								{t('import.sheet.include')}
							</label>
						</div>
						<div className="field">
							<label htmlFor={`s${i}-group`}>{t('import.sheet.group')}</label>
							{sheet.groupMatched ? (
								<p className="hint" id={`s${i}-group-hint`}>
									{t('import.sheet.groupMatched')}
								</p>
							) : null}
							<select
								id={`s${i}-group`}
								name={`s${i}.group`}
								defaultValue={sheet.groupId ?? ''}
								aria-describedby={sheet.groupMatched ? `s${i}-group-hint` : undefined}
							>
								<option value="">{t('import.sheet.groupNone')}</option>
								{preview.groups.map((g) => (
									<option key={g.id} value={g.id}>
										{g.name}
									</option>
								))}
							</select>
						</div>
						<div className="table-scroll">
							<table>
								<caption>{t('import.sheet.columnsCaption', { sheet: sheet.sheetName })}</caption>
								<thead>
									<tr>
										<th scope="col">{t('import.sheet.column')}</th>
										<th scope="col">{t('import.sheet.label')}</th>
										<th scope="col">{t('import.sheet.field')}</th>
									</tr>
								</thead>
								<tbody>
									{sheet.columns.map((column) => (
										<tr key={column.index}>
											<td>{column.letter}</td>
											<td>{column.label || '—'}</td>
											<td>
												<select
													name={`s${i}.c${column.index}`}
													defaultValue={column.field ?? ''}
													aria-label={`${t('import.sheet.field')} — ${t('import.sheet.column')} ${column.letter}`}
												>
													<option value="">{t('import.field.none')}</option>
													{residentImportFields.map((field) => (
														<option key={field} value={field}>
															{residentImportFieldInfo[field][locale === 'vi' ? 'labelVi' : 'labelEn']}
														</option>
													))}
												</select>
											</td>
										</tr>
									))}
								</tbody>
							</table>
						</div>
					</fieldset>
				))}
				<p className="hint">{t('import.commitHint')}</p>
				<div className="actions">
					<button type="submit" name="intent" value="apply" className="secondary">
						{t('import.apply')}
					</button>
					<button type="submit" name="intent" value="commit">
						{t('import.commit')}
					</button>
				</div>
			</Form>
			{preview.rejected.length > 0 ? (
				<section aria-labelledby="import-rejected" className="stack">
					<h2 id="import-rejected">{t('import.rejected.title')}</h2>
					<p>
						<a href={`/nguoi-dan/nhap/${batch.id}/loi.xlsx`} download>
							{t('import.rejected.download')}
						</a>
					</p>
					<div className="table-scroll">
						<table>
							<caption>{t('import.rejected.caption')}</caption>
							<thead>
								<tr>
									<th scope="col">{t('import.rejected.sheet')}</th>
									<th scope="col">{t('import.rejected.row')}</th>
									<th scope="col">{t('import.rejected.reason')}</th>
								</tr>
							</thead>
							<tbody>
								{preview.rejected.map((row) => (
									<tr key={`${row.sheetName}!${row.rowNumber}`}>
										<td>{row.sheetName}</td>
										<td>{row.rowNumber}</td>
										<td>{row.reason}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
					{preview.counts.rejected > preview.rejected.length ? (
						<p>
							{t('import.rejected.more', { count: n(preview.counts.rejected - preview.rejected.length) })}
						</p>
					) : null}
				</section>
			) : null}
		</div>
	)
}
