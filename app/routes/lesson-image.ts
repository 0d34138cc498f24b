import { findLessonImage } from '#server/learning/lesson-images.server.ts'
import type { Route } from './+types/lesson-image'

/**
 * `/hoc/anh/:courseId/:file`: a lesson image from the database. Public: the images are the open
 * learning content, no one's data. SVGs were checked at import (no script, no outside reference) and
 * are shown in <img>; the sandboxing CSP below covers someone opening one directly.
 */
export async function loader({ params, request, context }: Route.LoaderArgs) {
	if (!/^[a-z0-9-]+$/.test(params.courseId) || !/^[a-z0-9-]+\.(svg|png|jpe?g|webp)$/.test(params.file)) {
		return new Response('Không tìm thấy hình / image not found', { status: 404 })
	}
	const image = await findLessonImage(context.app.db, params.courseId, params.file)
	if (!image) return new Response('Không tìm thấy hình / image not found', { status: 404 })
	const etag = `"${image.sha256.slice(0, 32)}"`
	const headers = {
		ETag: etag,
		// A day fresh, then revalidated by ETag; the offline cache keeps its own copy.
		'Cache-Control': 'public, max-age=86400',
		'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
	}
	if (request.headers.get('If-None-Match') === etag) return new Response(null, { status: 304, headers })
	return new Response(image.bytes, {
		headers: {
			...headers,
			'Content-Type': image.contentType,
			'Content-Length': String(image.bytes.byteLength),
		},
	})
}
