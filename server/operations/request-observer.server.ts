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
	// matchRoutes flattens and ranks the whole tree on every call (≈1 ms for a hundred routes, on every
	// request): each first path segment gets its own tree, cut down to the routes that can match under
	// it, so a request ranks a dozen. The same routes match as in the whole tree: a route is left out
	// only when its first segment is a different static word.
	const byFirstSegment = new Map<string, RouteObject[]>()
	for (const word of staticFirstSegments(root, '')) byFirstSegment.set(word, prune(root, '', word))
	const otherwise = prune(root, '', null)
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
		const first = decodeSegment(path.split('/').find((s) => s !== ''))?.toLowerCase()
		const matches = matchRoutes((first && byFirstSegment.get(first)) || otherwise, path)
		if (!matches) return 'unmatched'
		const segments = matches.map((m) => m.route.path).filter((p): p is string => Boolean(p))
		return `/${segments.join('/')}`.replace(/\/+/g, '/') + suffix
	}
}

/** The first segment of a route's full path: a lower-case static word, 'any' (dynamic, splat, optional) or null (none yet). */
function firstSegment(fullPath: string): string | 'any' | null {
	const first = fullPath.split('/').find((s) => s !== '')
	if (first === undefined) return null
	return /^[:*]|\?$/.test(first) || first.includes('*') ? 'any' : first.toLowerCase()
}

/** As matchRoutes reads a path segment (percent-decoded); a malformed escape stays as it is. */
function decodeSegment(segment: string | undefined): string | undefined {
	if (segment === undefined) return undefined
	try {
		return decodeURIComponent(segment)
	} catch {
		return segment
	}
}

const joinPath = (parent: string, path: string | undefined) => (path ? `${parent}/${path}` : parent)

function staticFirstSegments(routes: RouteObject[], parent: string, into = new Set<string>()): Set<string> {
	for (const route of routes) {
		const full = joinPath(parent, route.path)
		const first = firstSegment(full)
		if (first !== null && first !== 'any') into.add(first)
		else if (first === null && route.children) staticFirstSegments(route.children, full, into)
	}
	return into
}

/** The routes that can match a path whose first segment is `word` (null: a word no route starts with). */
function prune(routes: RouteObject[], parent: string, word: string | null): RouteObject[] {
	const kept: RouteObject[] = []
	for (const route of routes) {
		const full = joinPath(parent, route.path)
		const first = firstSegment(full)
		if (first === 'any' || (first !== null && first === word)) kept.push(route)
		else if (first === null)
			kept.push(route.children ? { ...route, children: prune(route.children, full, word) } : route)
	}
	return kept
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
