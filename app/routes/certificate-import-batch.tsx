import { data, Form, Link } from 'react-router'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { formatNumber } from '#app/i18n/translate.ts'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import {
	commitCertificationImport,
	readCertificationImport,
} from '#server/certification/import/certification-import.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { maskPersonalId } from '#server/security/personal-data.server.ts'
import type { Route } from './+types/certificate-import-batch'

export const meta: Route.MetaFunction = () => [
	{ title: 'Xem trước danh sách công nhận — Bình dân học vụ số' },
]

const SHOWN_ROWS = 100

/** `/chung-nhan/nhap/:importId`: what the list would record, then the one-press commit. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'certificates.manage')
	const read = isUuid(params.importId)
		? await readCertificationImport(context.app, user.wardId, params.importId)
		: null
	if (!read) throw data(null, { status: 404 })
	const problems = read.rows
		.filter((row) => row.status === 'unmatched' || row.status === 'invalid' || row.status === 'duplicate')
		.slice(0, SHOWN_ROWS)
		// Identifiers masked on screen; the full ones are only in the (audit-logged) download.
		.map((row) => ({
			sheet: row.sheet,
			rowNumber: row.rowNumber,
			personalId: row.personalId ? maskPersonalId(row.personalId) : '',
			fullName: row.fullName,
			status: row.status,
			error: row.error ?? null,
		}))
	return {
		batch: {
			id: read.batch.id,
			fileName: read.batch.fileName,
			source: read.batch.source,
			trackId: read.batch.trackId,
			status: read.batch.status,
		},
		counts: read.counts,
		problems,
	}
}

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'certificates.manage')
	await readCsrfCheckedForm(request, context)
	if (!isUuid(params.importId)) throw data(null, { status: 404 })
	const audit = requestAudit(context, user)
	const result = await commitCertificationImport(context.app, {
		wardId: user.wardId,
		importId: params.importId,
		userId: user.id,
		actorLabel: audit.actor.label,
		requestId: audit.requestId,
		ip: audit.ip,
	})
	if (!result.ok && result.reason === 'notFound') throw data(null, { status: 404 })
	return { committed: result.ok, alreadyCommitted: !result.ok }
}

export default function CertificateImportBatch({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { batch, counts, problems } = loaderData
	const n = (value: number) => formatNumber(locale, value)
	const committed = batch.status === 'committed'
	return (
		<div className="stack">
			<p>
				<Link to="/chung-nhan/nhap">{t('cert.import.back')}</Link>
			</p>
			<h1>{committed ? t('cert.import.doneTitle') : t('cert.import.previewTitle')}</h1>
			<p>
				{batch.fileName} — {t(`cert.import.source.${batch.source}`)}
			</p>
			{actionData?.alreadyCommitted ? (
				<p className="form-error" role="alert">
					{t('cert.import.alreadyCommitted')}
				</p>
			) : null}
			{committed ? (
				<p className="notice" role="status">
					{t('cert.import.issued', { issued: n(counts.issued) })}
				</p>
			) : null}
			<dl className="facts" aria-label={t('cert.import.countsLabel')}>
				<dt>{t('cert.import.count.rows')}</dt>
				<dd data-testid="count-rows">{n(counts.rows)}</dd>
				<dt>{t('cert.import.count.matched')}</dt>
				<dd data-testid="count-matched">{n(counts.matched)}</dd>
				<dt>{t('cert.import.count.alreadyCertified')}</dt>
				<dd data-testid="count-alreadyCertified">{n(counts.alreadyCertified)}</dd>
				<dt>{t('cert.import.count.unmatched')}</dt>
				<dd data-testid="count-unmatched">{n(counts.unmatched)}</dd>
				<dt>{t('cert.import.count.duplicate')}</dt>
				<dd data-testid="count-duplicate">{n(counts.duplicate)}</dd>
				<dt>{t('cert.import.count.invalid')}</dt>
				<dd data-testid="count-invalid">{n(counts.invalid)}</dd>
			</dl>
			{!committed ? (
				<Form method="post">
					<CsrfInput />
					<p className="hint">{t('cert.import.commitHint')}</p>
					<button type="submit" className="button" disabled={counts.matched === 0}>
						{t('cert.import.commit', { matched: n(counts.matched) })}
					</button>
				</Form>
			) : null}
			{problems.length > 0 ? (
				<section aria-labelledby="problems-title" className="stack">
					<h2 id="problems-title">{t('cert.import.problemsTitle')}</h2>
					<p>
						<a href={`/chung-nhan/nhap/${batch.id}/chua-khop.csv`} download>
							{t('cert.import.downloadUnmatched')}
						</a>
					</p>
					<div className="table-scroll">
						<table>
							<thead>
								<tr>
									<th scope="col">{t('cert.import.col.row')}</th>
									<th scope="col">{t('cert.import.col.personalId')}</th>
									<th scope="col">{t('cert.col.name')}</th>
									<th scope="col">{t('cert.import.col.reason')}</th>
								</tr>
							</thead>
							<tbody>
								{problems.map((row) => (
									<tr key={`${row.sheet}-${row.rowNumber}`}>
										<td>
											{row.sheet} · {row.rowNumber}
										</td>
										<td>{row.personalId}</td>
										<td>{row.fullName}</td>
										<td>{row.error ?? t(`cert.import.reason.${row.status}`)}</td>
									</tr>
								))}
							</tbody>
						</table>
					</div>
				</section>
			) : null}
		</div>
	)
}
