import type { Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { matchRoutes, type RouteObject, type ServerBuild } from 'react-router'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import routes from '#app/routes.ts'
import type { DatabaseHandle } from '#server/db/client.server.ts'
import { securityHeaders } from '#server/http/security-headers.server.ts'
import { startJobRunner } from '#server/jobs/job-runner.server.ts'
import { createLogger } from '#server/operations/logger.server.ts'
import { createMetrics } from '#server/operations/metrics.server.ts'
import { operationsRoutes } from '#server/operations/operations-routes.server.ts'
import { processState } from '#server/operations/process-state.server.ts'
import { checkReadiness } from '#server/operations/readiness.server.ts'
import { createRouteLabeler, observeRequests } from '#server/operations/request-observer.server.ts'
import { createTestServices, type TestServices, testEngine } from '#tests/support/test-services.ts'

// The middleware chain of server/http/server.server.ts in a small Express app (the real app with the
// React Router build is covered end to end in tests/e2e/operations.spec.ts).

const TOKEN = 'metrics-token-for-tests-0123456789'
let services: TestServices
let server: Server
let base: string
const lines: Array<Record<string, unknown>> = []

/** app/routes.ts in the shape of a server build's route table. */
function buildRoutes(): ServerBuild['routes'] {
	const table: Record<string, { id: string; parentId?: string; path?: string; index?: boolean }> = {
		root: { id: 'root', path: '' },
	}
	for (const entry of routes) {
		const id = entry.file.replace(/\.tsx?$/, '')
		table[id] = { id, parentId: 'root', path: entry.path, index: entry.index }
	}
	return table as unknown as ServerBuild['routes']
}

beforeAll(async () => {
	services = await createTestServices()
	// pg-boss's schema and one waiting job, for the queue-depth gauge.
	const runner = await startJobRunner(services, [])
	await runner.boss.createQueue('test.waiting')
	await runner.boss.send('test.waiting', {})
	await runner.stop()
	const label = createRouteLabeler(buildRoutes())
	const metrics = createMetrics({ database: services.database, processMetrics: false })
	const app = express()
	app.set('trust proxy', 'loopback, linklocal, uniquelocal')
	app.use((_req, res, next) => {
		res.locals.requestId = 'req-test-0001'
		next()
	})
	app.use(observeRequests({ logger: createLogger({ write: (l) => lines.push(JSON.parse(l)) }), metrics }))
	app.use(securityHeaders())
	app.use(operationsRoutes({ database: services.database, metrics, metricsToken: TOKEN }))
	app.all('/{*path}', (req, res) => {
		res.locals.route = label(req.path)
		res.status(req.path.startsWith('/nguoi-dan') ? 200 : 404).send(`nonce=${res.locals.cspNonce}`)
	})
	server = await new Promise((resolve) => {
		const s = app.listen(0, '127.0.0.1', () => resolve(s))
	})
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(async () => {
	await new Promise((resolve) => server?.close(resolve))
	await services?.close()
})

describe('security headers', () => {
	test('a script nonce per response in the CSP; no inline scripts otherwise; no framing', async () => {
		const [a, b] = await Promise.all([fetch(`${base}/nguoi-dan`), fetch(`${base}/nguoi-dan`)])
		const csp = a.headers.get('content-security-policy') ?? ''
		const nonce = (await a.text()).slice('nonce='.length)
		expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/)
		expect(csp).toContain(`script-src 'self' 'nonce-${nonce}'`)
		expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/)
		expect(csp).toContain("frame-ancestors 'none'")
		expect(b.headers.get('content-security-policy')).not.toContain(nonce)
		expect(a.headers.get('referrer-policy')).toBe('same-origin')
		expect(a.headers.get('x-frame-options')).toBe('DENY')
		expect(a.headers.get('x-content-type-options')).toBe('nosniff')
	})

	test('HSTS only when the request came over TLS through a trusted proxy', async () => {
		const plain = await fetch(`${base}/nguoi-dan`)
		expect(plain.headers.get('strict-transport-security')).toBeNull()
		const tls = await fetch(`${base}/nguoi-dan`, { headers: { 'X-Forwarded-Proto': 'https' } })
		expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000')
	})
})

describe('request logs', () => {
	test('one JSON line per request: id, method, route pattern, status, duration — no path, query or data', async () => {
		lines.length = 0
		await fetch(`${base}/nguoi-dan/079203001234?q=Nguy%E1%BB%85n%20V%C4%83n%20An&phone=0912345678`)
		await fetch(`${base}/khong-co/trang-nay`)
		await expect.poll(() => lines.length).toBe(2)
		expect(lines[0]).toMatchObject({
			level: 'info',
			msg: 'request',
			requestId: 'req-test-0001',
			method: 'GET',
			route: '/nguoi-dan/:residentId',
			status: 200,
		})
		expect(typeof lines[0]?.durationMs).toBe('number')
		expect(lines[1]).toMatchObject({ route: '/*', status: 404 })
		const text = JSON.stringify(lines)
		for (const secret of ['079203001234', '0912345678', 'Nguy', 'phone', 'khong-co', '127.0.0.1']) {
			expect(text).not.toContain(secret)
		}
	})

	test('route patterns come from the route table, data requests included', () => {
		const label = createRouteLabeler(buildRoutes())
		expect(label('/')).toBe('/')
		expect(label('/_root.data')).toBe('/.data')
		expect(label('/nguoi-dan/3f1c0a52-8b1d-4f7e-9a0e-6f5d2f1b9c11')).toBe('/nguoi-dan/:residentId')
		expect(label('/nguoi-dan/3f1c0a52/sua.data')).toBe('/nguoi-dan/:residentId/sua.data')
		expect(label('/bat-ky/duong-dan/nao')).toBe('/*')
	})
})

test('the per-segment trees label every route as matching the whole route table does', () => {
	const label = createRouteLabeler(buildRoutes())
	const whole: RouteObject[] = [
		{
			id: 'root',
			path: '',
			children: routes.map((r) => (r.index ? { index: true, path: r.path } : { path: r.path })),
		},
	]
	const reference = (path: string) => {
		const matches = matchRoutes(whole, path)
		if (!matches) return 'unmatched'
		return `/${matches
			.map((m) => m.route.path)
			.filter(Boolean)
			.join('/')}`.replace(/\/+/g, '/')
	}
	const paths = ['/', '/HOC/bai/x', '/ho%63/bai/x', '/khong-co', '/%E0%A4%A/x']
	for (const entry of routes) {
		const concrete = `/${entry.path ?? ''}`.replace(/:[^/]+/g, 'abc-1').replace(/\*$/, 'a/b')
		paths.push(concrete, `${concrete}/them`, `${concrete}.data`)
	}
	for (const path of paths) {
		const plain = path.endsWith('.data') ? `${reference(path.slice(0, -5))}.data` : reference(path)
		expect(label(path), path).toBe(plain)
	}
})

describe('/metrics', () => {
	test('answers this machine directly, or a bearer token; not the public through a proxy', async () => {
		const local = await fetch(`${base}/metrics`)
		expect(local.status).toBe(200)
		expect(local.headers.get('content-type')).toMatch(/^text\/plain;.*version=0\.0\.4/)
		const body = await local.text()
		expect(body).toMatch(
			/hocvuso_http_requests_total\{method="GET",route="\/nguoi-dan\/:residentId",status="200"\} \d+/,
		)
		expect(body).toContain(
			'hocvuso_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/nguoi-dan/:residentId"}',
		)
		expect(body).toContain('hocvuso_job_queue_depth{queue="test.waiting",state="created"} 1')
		expect(body).toContain('hocvuso_database_up 1')
		if (testEngine() === 'postgres') expect(body).toMatch(/hocvuso_db_pool_connections\{state="idle"\} \d+/)
		expect(body).not.toContain('079203001234')

		const proxied = await fetch(`${base}/metrics`, { headers: { 'X-Forwarded-For': '203.0.113.9' } })
		expect(proxied.status).toBe(403)
		const withToken = await fetch(`${base}/metrics`, {
			headers: { 'X-Forwarded-For': '203.0.113.9', Authorization: `Bearer ${TOKEN}` },
		})
		expect(withToken.status).toBe(200)
		const wrongToken = await fetch(`${base}/metrics`, { headers: { Authorization: 'Bearer nope' } })
		expect(wrongToken.status).toBe(403)
	})
})

describe('/readyz', () => {
	test('ready when the database answers, migrations are current and the job runner runs', async () => {
		const state = processState()
		state.jobs = 'running'
		state.draining = false
		const ready = await fetch(`${base}/readyz`)
		expect(ready.status).toBe(200)
		expect(await ready.json()).toMatchObject({
			status: 'ready',
			checks: { database: { ok: true }, migrations: { ok: true }, jobs: { ok: true, state: 'running' } },
		})
		state.draining = true
		expect((await fetch(`${base}/readyz`)).status).toBe(503)
		state.draining = false
		state.jobs = 'failed'
		expect(await (await fetch(`${base}/readyz`)).json()).toMatchObject({
			status: 'not-ready',
			checks: { jobs: { ok: false, state: 'failed' } },
		})
		state.jobs = 'running'
	})

	test('not ready when the database is away or does not answer in time', async () => {
		const state = { jobs: 'running' as const, draining: false, demo: false }
		const away = { ...services.database, query: () => Promise.reject(new Error('ECONNREFUSED')) }
		expect(await checkReadiness(away as DatabaseHandle, state)).toMatchObject({
			status: 'not-ready',
			checks: { database: { ok: false, error: 'unreachable' } },
		})
		const hung = { ...services.database, query: () => new Promise<never>(() => {}) }
		expect(await checkReadiness(hung as DatabaseHandle, state, 20)).toMatchObject({
			status: 'not-ready',
			checks: { database: { ok: false, error: 'timeout' } },
		})
	})
})
