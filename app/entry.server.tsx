import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import type { RenderToPipeableStreamOptions } from 'react-dom/server'
import { renderToPipeableStream } from 'react-dom/server'
import type { AppLoadContext, EntryContext, HandleErrorFunction } from 'react-router'
import { ServerRouter } from 'react-router'
import { createLogger, errorFields } from '#server/operations/logger.server.ts'

// React Router's default Node entry, plus the CSP nonce: the security-headers middleware puts a fresh
// nonce in the load context and in the Content-Security-Policy header; ServerRouter hands it to
// <Scripts>, <ScrollRestoration>, <Links> and its own streaming scripts, and React's inline
// scripts get it through renderToPipeableStream. Inline scripts without it do not run.

export const streamTimeout = 5_000

export default function handleRequest(
	request: Request,
	responseStatusCode: number,
	responseHeaders: Headers,
	routerContext: EntryContext,
	loadContext: AppLoadContext,
) {
	if (request.method.toUpperCase() === 'HEAD') {
		return new Response(null, { status: responseStatusCode, headers: responseHeaders })
	}
	const nonce = loadContext.cspNonce
	return new Promise((resolve, reject) => {
		let shellRendered = false
		const userAgent = request.headers.get('user-agent')
		// Bots wait for all content (https://react.dev/reference/react-dom/server/renderToPipeableStream).
		const readyOption: keyof RenderToPipeableStreamOptions =
			(userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady'
		let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000)
		const { pipe, abort } = renderToPipeableStream(
			<ServerRouter context={routerContext} url={request.url} nonce={nonce} />,
			{
				nonce,
				[readyOption]() {
					shellRendered = true
					const body = new PassThrough({
						final(callback) {
							clearTimeout(timeoutId)
							timeoutId = undefined
							callback()
						},
					})
					const stream = createReadableStreamFromReadable(body)
					responseHeaders.set('Content-Type', 'text/html')
					pipe(body)
					resolve(new Response(stream, { headers: responseHeaders, status: responseStatusCode }))
				},
				onShellError(error: unknown) {
					reject(error)
				},
				onError(error: unknown) {
					responseStatusCode = 500
					// Errors before the shell reject and are reported by handleError.
					if (shellRendered) reportError(error, loadContext)
				},
			},
		)
	})
}

/**
 * Errors thrown by loaders, actions and rendering: one structured log line with the request id,
 * the error's class and a redacted message (never the request's data). Aborted requests are normal.
 */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
	if (request.signal.aborted) return
	reportError(error, context as AppLoadContext)
}

function reportError(error: unknown, context: AppLoadContext | undefined): void {
	const logger = createLogger({ level: context?.app?.env.LOG_LEVEL ?? 'info' })
	logger.error('request failed', { requestId: context?.requestId, ...errorFields(error) })
}
