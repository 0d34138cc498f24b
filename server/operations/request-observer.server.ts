import type { NextFunction, Request, Response } from 'express'
import { matchRoutes, type RouteObject, type ServerBuild } from 'react-router'
import type { Logger } from '#server/operations/logger.server.ts'
import type { Metrics } from '#server/operations/metrics.server.ts'

type BuildRoutes = ServerBuild['routes']

/** Probes hit every few seconds: counted in metrics, logged only at debug level. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics'])

/**
 * Maps a path to the pattern of the React Router route that serves it (`/nguoi-dan/:residentId`),
 * so logs and metrics name routes, never the ids or words in an address. Single-fetch data requests
 * (`/nguoi-dan/….data`) get the pattern plus `.data`.
 */
export function createRouteLabeler(routes: BuildRoutes): (pathname: string) => string {
	const children = new Map<string | undefined, NonNullable<BuildRoutes[string]>[]>()
	for (const route of Object.values(routes)) {
		if (!route) continue
		const list = children.get(route.parentId) ?? []
		list.push(route)
		children.set(route.parentId, list)
	}
	const tree = (parentId: string | undefined): RouteObject[] =>
		(children.get(parentId) ?? []).map((route) =>
			route.index
				? { id: route.id, index: true, path: route.path }
				: { id: route.id, path: route.path, caseSensitive: route.caseSensitive, children: tree(route.id) },
		)
	const root = tree(undefined)
	return (pathname) => {
		let path = pathname
		let suffix = ''
		if (path === '/_root.data') {
			path = '/'
			suffix = '.data'
		} else if (path.endsWith('.data')) {
			path = path.slice(0, -'.data'.length)
			suffix = '.data'
		}
		const matches = matchRoutes(root, path)
		if (!matches) return 'unmatched'
		const segments = matches.map((m) => m.route.path).filter((p): p is string => Boolean(p))
		return `/${segments.join('/')}`.replace(/\/+/g, '/') + suffix
	}
}

export interface RequestObserverOptions {
	logger: Logger
	metrics?: Metrics
}

/**
 * One structured log line and the metrics for every response: request id, method, route pattern,
 * status, duration, size. Never the path, the query string (a search may hold a name or a phone
 * number), the client's address or any header: the audit trail records who did what.
 */
export function observeRequests({ logger, metrics }: RequestObserverOptions) {
	return (req: Request, res: Response, next: NextFunction): void => {
		const started = process.hrtime.bigint()
		res.once('close', () => {
			const seconds = Number(process.hrtime.bigint() - started) / 1e9
			const route = (res.locals.route as string | undefined) ?? fallbackLabel(req.path)
			// 499: the client went away before the response was complete (nginx's convention).
			const status = res.writableFinished ? res.statusCode : 499
			metrics?.observeRequest({ method: req.method, route, status }, seconds)
			const level = status >= 500 ? 'error' : PROBES.has(route) ? 'debug' : 'info'
			const length = res.getHeader('content-length')
			logger[level]('request', {
				requestId: res.locals.requestId as string | undefined,
				method: req.method,
				route,
				status,
				durationMs: Math.round(seconds * 10_000) / 10,
				bytes: length === undefined ? undefined : Number(length),
			})
		})
		next()
	}
}

function fallbackLabel(path: string): string {
	if (path.startsWith('/assets/')) return '/assets/*'
	return 'static'
}
