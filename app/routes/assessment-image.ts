import { eq } from 'drizzle-orm'
import { assessmentImages } from '#server/assessment/schema.ts'
import type { Route } from './+types/assessment-image'

/**
 * `/hoc/kiem-tra/anh/:sha256`: a question's picture, addressed by its hash (the address says nothing about
 * the item or its answer). Public like lesson images; immutable, so cached for good.
 */
export async function loader({ params, context }: Route.LoaderArgs) {
	if (!/^[0-9a-f]{64}$/.test(params.sha256))
		return new Response('Không tìm thấy hình / image not found', { status: 404 })
	const [image] = await context.app.db
		.select()
		.from(assessmentImages)
		.where(eq(assessmentImages.sha256, params.sha256))
	if (!image) return new Response('Không tìm thấy hình / image not found', { status: 404 })
	return new Response(image.bytes, {
		headers: {
			'Content-Type': image.contentType,
			'Content-Length': String(image.bytes.byteLength),
			'Cache-Control': 'public, max-age=31536000, immutable',
			'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
		},
	})
}
