import { data } from 'react-router'
import { certificatePdfResponse } from '#server/certification/certificate-access.server.ts'
import { findCertificate } from '#server/certification/certificate-record.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import type { Route } from './+types/certificate-mine-pdf'

/** `/hoc/chung-nhan/:certificateId/pdf`: a learner downloads their own certificate. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'learning.self')
	const record = isUuid(params.certificateId)
		? await findCertificate(context.app.db, user.wardId, params.certificateId)
		: undefined
	// Someone else's certificate answers like a missing one.
	if (!record || !user.residentId || record.residentId !== user.residentId) throw data(null, { status: 404 })
	return certificatePdfResponse(request, context, record, null)
}
