import { data } from 'react-router'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readEvidenceFile } from '#server/programmes/pilot-models.server.ts'
import type { Route } from './+types/programme-pilot-evidence'

/**
 * `/chuong-trinh/mo-hinh-diem/:modelId/minh-chung/:evidenceId`: an evidence file, always as a download
 * (never rendered in our origin: an uploaded file could hold script) with its checked type.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'indicators.read')
	const file = await readEvidenceFile(context.app.db, {
		wardId: user.wardId,
		pilotModelId: params.modelId,
		evidenceId: params.evidenceId,
	})
	if (!file?.bytes) throw data(null, { status: 404 })
	const name = encodeURIComponent(file.fileName ?? 'minh-chung')
	return new Response(file.bytes, {
		headers: {
			'Content-Type': file.contentType ?? 'application/octet-stream',
			'Content-Disposition': `attachment; filename*=UTF-8''${name}`,
			'X-Content-Type-Options': 'nosniff',
			'Cache-Control': 'private, no-store',
		},
	})
}
