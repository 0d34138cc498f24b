import { listPublishedKeys } from '#server/certification/verify-certificate.server.ts'
import type { Route } from './+types/verify-keys-json'

/** `/xac-minh/khoa-cong-khai.json`: the same keys for programs (offline checkers, other systems). */
export async function loader({ context }: Route.LoaderArgs) {
	try {
		const keys = await listPublishedKeys(context.app)
		return Response.json(
			{ format: 'hocvuso-certificate-payload-v1', keys },
			{ headers: { 'Cache-Control': 'public, max-age=3600', 'Access-Control-Allow-Origin': '*' } },
		)
	} catch {
		return Response.json({ error: 'certificate signing key not configured' }, { status: 503 })
	}
}
