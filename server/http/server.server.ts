import crypto from 'node:crypto'
import fs from 'node:fs'
import type { Server } from 'node:http'
import path from 'node:path'
import { createRequestHandler } from '@react-router/express'
import express from 'express'
import type { ServerBuild } from 'react-router'
import type { AppServices } from '#server/app-services.server.ts'
import type { RequestContext } from '#server/http/load-context.ts'
import { securityHeaders } from '#server/http/security-headers.server.ts'
import { createLogger, type Logger } from '#server/operations/logger.server.ts'
import { createMetrics, type Metrics } from '#server/operations/metrics.server.ts'
import { operationsRoutes } from '#server/operations/operations-routes.server.ts'
import { createRouteLabeler, observeRequests } from '#server/operations/request-observer.server.ts'

export interface StartServerOptions {
	services: AppServices
	port: number
	host: string
	/** Development: Vite in middleware mode with hot reload instead of the built bundle. */
	dev?: boolean
	buildDir?: string
	/** Extra routers mounted before the app (e.g. the VNeID sandbox in demo mode). */
	mounts?: Array<{ path: string; handler: express.RequestHandler }>
	/** Request logs (JSON lines); by default at LOG_LEVEL on stdout. */
	logger?: Logger
	/** Prometheus metrics for /metrics; by default a fresh registry. */
	metrics?: Metrics
}

/** Creates the HTTP app: static assets, security headers, then every page, API and resource route. */
export async function createHttpApp(options: StartServerOptions): Promise<express.Express> {
	const app = express()
	app.disable('x-powered-by')
	app.set('trust proxy', 'loopback, linklocal, uniquelocal')
	app.use((req, res, next) => {
		const incoming = req.get('x-request-id')
		const requestId = incoming && /^[\w-]{8,64}$/.test(incoming) ? incoming : crypto.randomUUID()
		res.locals.requestId = requestId
		res.setHeader('X-Request-Id', requestId)
		next()
	})
	const { services } = options
	const logger = options.logger ?? createLogger({ level: services.env.LOG_LEVEL })
	const metrics =
		options.metrics ?? createMetrics({ database: services.database, backupDir: services.env.BACKUP_DIR })
	app.use(observeRequests({ logger, metrics }))
	app.use(securityHeaders({ dev: options.dev }))
	app.use(
		operationsRoutes({ database: services.database, metrics, metricsToken: services.env.METRICS_TOKEN }),
	)
	for (const mount of options.mounts ?? []) {
		const route = `${mount.path}/*`
		app.use(mount.path, (_req, res, next) => {
			res.locals.route = route
			next()
		})
		app.use(mount.path, mount.handler)
	}

	const getLoadContext = (req: express.Request, res: express.Response): RequestContext => ({
		app: options.services,
		requestId: res.locals.requestId as string,
		clientIp: req.ip ?? null,
		cspNonce: res.locals.cspNonce as string | undefined,
		perRequest: {},
	})

	if (options.dev) {
		const vite = await import('vite').then((m) =>
			m.createServer({ server: { middlewareMode: true }, appType: 'custom' }),
		)
		app.use(vite.middlewares)
		app.all('/{*path}', async (req, res, next) => {
			try {
				const build = (await vite.ssrLoadModule('virtual:react-router/server-build')) as ServerBuild
				res.locals.route = createRouteLabeler(build.routes)(req.path)
				return createRequestHandler({ build, getLoadContext: getLoadContext as never, mode: 'development' })(
					req,
					res,
					next,
				)
			} catch (error) {
				if (error instanceof Error) vite.ssrFixStacktrace(error)
				next(error)
			}
		})
		return app
	}

	const buildDir = path.resolve(options.buildDir ?? 'build')
	const serverEntry = path.join(buildDir, 'server/index.js')
	if (!fs.existsSync(serverEntry)) {
		throw new Error(
			`Chưa có bản build (${serverEntry}). Chạy "npm run build" trước. / Run "npm run build" first.`,
		)
	}
	const build = (await import(serverEntry)) as ServerBuild
	app.use('/assets', express.static(path.join(buildDir, 'client/assets'), { immutable: true, maxAge: '1y' }))
	// Public files (sw.js, favicon.svg) have an extension and pages never do: a page skips the file
	// look-up, a failed stat on every request.
	const publicFiles = express.static(path.join(buildDir, 'client'), { maxAge: '1h' })
	app.use((req, res, next) => (path.posix.extname(req.path) ? publicFiles(req, res, next) : next()))
	const labelRoute = createRouteLabeler(build.routes)
	const handleRequest = createRequestHandler({
		build,
		getLoadContext: getLoadContext as never,
		mode: 'production',
	})
	app.all('/{*path}', (req, res, next) => {
		res.locals.route = labelRoute(req.path)
		return handleRequest(req, res, next)
	})
	return app
}

/** Starts listening; resolves once the port is bound. */
export async function startHttpServer(options: StartServerOptions): Promise<Server> {
	const app = await createHttpApp(options)
	return await new Promise((resolve, reject) => {
		const server = app.listen(options.port, options.host, () => resolve(server))
		server.on('error', reject)
	})
}
