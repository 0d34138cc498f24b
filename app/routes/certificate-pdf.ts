import {
	certificatePdfResponse,
	requireCertificateAccess,
} from '#server/certification/certificate-access.server.ts'
import type { Route } from './+types/certificate-pdf'

/** `/chung-nhan/:certificateId/pdf`: the certificate PDF for staff (audit-logged). */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const { user, record } = await requireCertificateAccess(
		request,
		context,
		params.certificateId,
		'certificates.read',
	)
	return certificatePdfResponse(request, context, record, user)
}
