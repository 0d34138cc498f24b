import { data, Form, Link, useActionData } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import certificationStylesHref from '#app/styles/certification.css?url'
import { formatDateTime, formatIsoDate } from '#app/utils/format-date.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { requireCertificateAccess } from '#server/certification/certificate-access.server.ts'
import { revokeCertificate } from '#server/certification/revoke-certificate.server.ts'
import { REVOKE_REASON_MAX } from '#server/certification/revoke-limits.ts'
import { can, requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { loadResidentPolicyTarget } from '#server/identity/resident-policy-target.server.ts'
import type { Route } from './+types/certificate'

export const links: Route.LinksFunction = () => [{ rel: 'stylesheet', href: certificationStylesHref }]
export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `Giấy chứng nhận ${data?.record.code ?? ''} — Bình dân học vụ số` },
]

/** `/chung-nhan/:certificateId`: one certificate for staff: download, verify link, revoke. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const { user, record } = await requireCertificateAccess(
		request,
		context,
		params.certificateId,
		'certificates.read',
	)
	const target = await loadResidentPolicyTarget(context.app.db, record.residentId)
	return {
		record,
		canRevoke: record.status === 'valid' && target !== null && can(user, 'certificates.manage', target),
		canSeeResident: target !== null && can(user, 'people.read', target),
	}
}

const RevokeSchema = z.object({ reason: z.string().trim().min(1).max(REVOKE_REASON_MAX) })

export async function action({ request, context, params }: Route.ActionArgs) {
	// The token first: a forged post learns nothing, not even whether the certificate exists.
	await requirePermission(request, context, 'certificates.manage')
	const formData = await readCsrfCheckedForm(request, context)
	const { user, record } = await requireCertificateAccess(
		request,
		context,
		params.certificateId,
		'certificates.manage',
	)
	const parsed = RevokeSchema.safeParse(Object.fromEntries(formData))
	if (!parsed.success) return data({ error: 'reasonRequired' as const }, { status: 400 })
	const audit = requestAudit(context, user)
	const result = await revokeCertificate(context.app.db, {
		wardId: user.wardId,
		certificateId: record.id,
		reason: parsed.data.reason,
		userId: user.id,
		actorLabel: audit.actor.label,
		requestId: audit.requestId,
		ip: audit.ip,
	})
	if (!result.ok) return data({ error: result.reason }, { status: result.reason === 'notFound' ? 404 : 409 })
	return { error: null }
}

export default function Certificate({ loaderData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const actionData = useActionData<typeof action>()
	const { record, canRevoke, canSeeResident } = loaderData
	return (
		<article className="stack">
			<p>
				<Link to="/chung-nhan">{t('cert.backToList')}</Link>
			</p>
			<h1>{t('cert.detail.title', { code: record.code })}</h1>
			{actionData && actionData.error === null ? (
				<p className="notice" role="status">
					{t('cert.revoke.done')}
				</p>
			) : null}
			<dl className="facts">
				<dt>{t('cert.col.name')}</dt>
				<dd>
					{canSeeResident ? (
						<Link to={`/nguoi-dan/${record.residentId}`}>{record.fullName}</Link>
					) : (
						record.fullName
					)}
				</dd>
				<dt>{t('cert.col.track')}</dt>
				<dd>{locale === 'vi' ? record.trackNameVi : record.trackNameEn}</dd>
				<dt>{t('cert.col.issuedOn')}</dt>
				<dd>{formatIsoDate(record.issuedOn)}</dd>
				<dt>{t('cert.col.basis')}</dt>
				<dd>{t(`cert.basis.${record.basis}`)}</dd>
				<dt>{t('cert.col.code')}</dt>
				<dd className="code">{record.code}</dd>
				<dt>{t('cert.col.status')}</dt>
				<dd className={record.status === 'revoked' ? 'status-revoked' : undefined}>
					{t(`cert.status.${record.status}`)}
					{record.status === 'revoked' && record.revokedAt
						? ` — ${formatDateTime(locale, record.revokedAt)}: ${record.revokedReason ?? ''}`
						: null}
				</dd>
			</dl>
			{record.status === 'valid' ? (
				<p>
					<a href={`/chung-nhan/${record.id}/pdf`} download className="button">
						{t('cert.downloadPdf')}
					</a>
				</p>
			) : null}
			<p>
				<a href={`/xac-minh/${record.code}`}>{t('cert.openVerify')}</a>
			</p>
			{canRevoke ? (
				<section aria-labelledby="revoke-title" className="card stack">
					<h2 id="revoke-title">{t('cert.revoke.title')}</h2>
					<p>{t('cert.revoke.intro')}</p>
					<Form method="post" className="form">
						<CsrfInput />
						{actionData?.error ? (
							<p className="form-error" role="alert" id="revoke-error">
								{t(`cert.revoke.error.${actionData.error}`)}
							</p>
						) : null}
						<div className="field">
							<label htmlFor="revoke-reason">{t('cert.revoke.reason')}</label>
							<textarea
								id="revoke-reason"
								name="reason"
								required
								maxLength={REVOKE_REASON_MAX}
								rows={3}
								aria-invalid={actionData?.error === 'reasonRequired' || undefined}
								aria-describedby={actionData?.error ? 'revoke-error' : undefined}
							/>
						</div>
						<button type="submit" className="button">
							{t('cert.revoke.submit')}
						</button>
					</Form>
				</section>
			) : null}
		</article>
	)
}
