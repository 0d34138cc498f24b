import { AskRequestSchema, askAssistant, toApiResponse } from '#server/assistant/ask-assistant.server.ts'
import { countAssistantQuestion } from '#server/assistant/assistant-rate-limit.server.ts'
import { getCurrentUser } from '#server/identity/current-user.server.ts'
import type { Route } from './+types/api-assistant-ask'

/**
 * `POST /api/v1/assistant/ask` with `{ "question": "…", "kind": "procedure" | "learning" }`: the
 * assistant's answer as JSON (`{ answer, sources: [{ id, title, url }], alternatives, … }`; a procedure's
 * id is its ma_thu_tuc). Public and rate-limited per address. Only JSON bodies are accepted, which a
 * page on another site cannot send without the browser asking first (CORS preflight): no CSRF token.
 */
export async function action({ request, context }: Route.ActionArgs) {
	if (request.method !== 'POST') return json({ error: 'methodNotAllowed' }, 405, { Allow: 'POST' })
	if (!/^application\/json\b/i.test(request.headers.get('Content-Type') ?? ''))
		return json({ error: 'unsupportedMediaType', message: 'Gửi JSON (Content-Type: application/json).' }, 415)
	const rate = await countAssistantQuestion(context.app, context.clientIp)
	if (rate.blocked) {
		const seconds = Math.max(1, Math.ceil((rate.resetAt.getTime() - Date.now()) / 1000))
		return json({ error: 'rateLimited', message: 'Bạn hỏi quá nhanh, vui lòng thử lại sau ít phút.' }, 429, {
			'Retry-After': String(seconds),
		})
	}
	let body: unknown
	try {
		body = await request.json()
	} catch {
		return json({ error: 'invalidJson', message: 'Nội dung gửi lên không phải JSON hợp lệ.' }, 400)
	}
	const parsed = AskRequestSchema.safeParse(body)
	if (!parsed.success) {
		return json(
			{
				error: 'invalidRequest',
				issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
			},
			400,
		)
	}
	const user = await getCurrentUser(request, context)
	const answer = await askAssistant(context.app, {
		...parsed.data,
		channel: 'api',
		userId: user?.id ?? null,
		wardId: user?.wardId ?? null,
	})
	return json(toApiResponse(answer), 200)
}

/** `GET` is not part of the API: say which method is. */
export function loader() {
	return json({ error: 'methodNotAllowed' }, 405, { Allow: 'POST' })
}

function json(body: unknown, status: number, headers: Record<string, string> = {}) {
	return Response.json(body, { status, headers: { 'Cache-Control': 'no-store', ...headers } })
}
