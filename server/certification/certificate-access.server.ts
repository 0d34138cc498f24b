import { type AppLoadContext, data } from 'react-router'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { type CertificateRecord, findCertificate } from '#server/certification/certificate-record.server.ts'
import { certificateQrUrl } from '#server/certification/certificate-token.server.ts'
import { renderCertificatePdf } from '#server/certification/render-certificate-pdf.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import type { CurrentUser } from '#server/identity/current-user.server.ts'
import type { Permission } from '#server/identity/permissions.ts'
import { can, requirePermission } from '#server/identity/policy.server.ts'
import { loadResidentPolicyTarget } from '#server/identity/resident-policy-target.server.ts'

/**
 * A staff member's access to one certificate: the permission somewhere, then the certificate's
 * resident within the permission's scope. Out of scope answers 404 like a missing one, so ids cannot
 * be probed for existence.
 */
export async function requireCertificateAccess(
	request: Request,
	context: AppLoadContext,
	certificateId: string,
	permission: Permission,
): Promise<{ user: CurrentUser; record: CertificateRecord }> {
	const user = await requirePermission(request, context, permission)
	const record = isUuid(certificateId)
		? await findCertificate(context.app.db, user.wardId, certificateId)
		: undefined
	if (!record) throw data(null, { status: 404 })
	const target = await loadResidentPolicyTarget(context.app.db, record.residentId)
	if (!target || !can(user, permission, target)) throw data(null, { status: 404 })
	return { user, record }
}

/** Where links in QR codes point: PUBLIC_URL when set, else the address this request came to. */
export function publicBaseUrl(request: Request, context: AppLoadContext): string {
	return context.app.env.PUBLIC_URL ?? new URL(request.url).origin
}

/**
 * The certificate PDF as a download. Staff downloads are audit-logged (the PDF carries the full
 * name); a learner's download of their own is not.
 */
export async function certificatePdfResponse(
	request: Request,
	context: AppLoadContext,
	record: CertificateRecord,
	auditFor: CurrentUser | null,
): Promise<Response> {
	// A revoked certificate must not be printed again as if it were valid.
	if (record.status === 'revoked') throw data(null, { status: 410 })
	const pdf = await renderCertificatePdf(
		record,
		certificateQrUrl(context.app, record, publicBaseUrl(request, context)),
	)
	if (auditFor) {
		const audit = requestAudit(context, auditFor)
		await recordAudit(context.app.db, {
			...audit,
			action: 'certificate.downloaded',
			entityType: 'certificate',
			entityId: record.id,
			details: { residentId: record.residentId },
		})
	}
	return new Response(new Uint8Array(pdf), {
		headers: {
			'Content-Type': 'application/pdf',
			'Content-Disposition': `attachment; filename="giay-chung-nhan-${record.code}.pdf"`,
			'Cache-Control': 'private, no-store',
		},
	})
}
