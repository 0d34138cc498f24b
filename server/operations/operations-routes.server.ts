import crypto from 'node:crypto'
import express from 'express'
import type { DatabaseHandle } from '#server/db/client.server.ts'
import type { Metrics } from '#server/operations/metrics.server.ts'
import { processState } from '#server/operations/process-state.server.ts'
import { checkReadiness } from '#server/operations/readiness.server.ts'

export interface OperationsRoutesOptions {
	database: DatabaseHandle
	metrics?: Metrics
	/** METRICS_TOKEN: lets a Prometheus on another machine in with `Authorization: Bearer …`. */
	metricsToken?: string
}

const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest()

/**
 * /metrics answers a request made on this machine straight to this process (loopback, and no
 * forwarding header: a reverse proxy on the same machine forwards the public's requests from
 * loopback too, always adding X-Forwarded-For), or one carrying the bearer token.
 */
export function mayReadMetrics(req: express.Request, token: string | undefined): boolean {
	const auth = req.get('authorization')
	if (token && auth?.startsWith('Bearer ')) {
		return crypto.timingSafeEqual(sha256(auth.slice('Bearer '.length)), sha256(token))
	}
	const remote = req.socket.remoteAddress ?? ''
	const loopback = remote === '127.0.0.1' || remote === '::1' || remote === '::ffff:127.0.0.1'
	const forwarded = ['x-forwarded-for', 'forwarded', 'x-real-ip', 'x-forwarded-host'].some((h) => req.get(h))
	return loopback && !forwarded
}

/** `/readyz` (readiness, public) and `/metrics` (Prometheus, protected), served before the app's routes. */
export function operationsRoutes(options: OperationsRoutesOptions): express.Router {
	const router = express.Router()
	router.get('/readyz', async (_req, res) => {
		res.locals.route = '/readyz'
		const report = await checkReadiness(options.database, processState())
		res.setHeader('Cache-Control', 'no-store')
		res.status(report.status === 'ready' ? 200 : 503).json(report)
	})
	router.get('/metrics', async (req, res) => {
		res.locals.route = '/metrics'
		res.setHeader('Cache-Control', 'no-store')
		if (!options.metrics) return void res.status(404).type('text/plain').send('metrics are off\n')
		if (!mayReadMetrics(req, options.metricsToken)) {
			return void res
				.status(403)
				.type('text/plain')
				.send('/metrics: only from this machine directly, or with Authorization: Bearer <METRICS_TOKEN>\n')
		}
		const { contentType, body } = await options.metrics.render()
		res.setHeader('Content-Type', contentType)
		res.send(body)
	})
	return router
}
