import { data } from 'react-router'
import { z } from 'zod'
import { readManualEvidenceFile } from '#server/emulation/manual-scores.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import type { Route } from './+types/emulation-evidence'

/**
 * `/thi-dua/minh-chung/:scoreId`: the evidence file of a hand score, always as a download (never rendered
 * in our origin: an uploaded file could hold script), for ward staff who score.
 */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'emulation.manage')
	if (!z.uuid().safeParse(params.scoreId).success) throw data(null, { status: 404 })
	const file = await readManualEvidenceFile(context.app.db, { wardId: user.wardId, scoreId: params.scoreId })
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
