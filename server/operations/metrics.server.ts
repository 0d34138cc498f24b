import fs from 'node:fs'
import path from 'node:path'
import client from 'prom-client'
import type { DatabaseHandle } from '#server/db/client.server.ts'
import { BACKUP_FILE_PATTERN } from '#server/operations/backup/backup-files.server.ts'

export interface RequestLabels {
	method: string
	/** The route pattern (`/nguoi-dan/:residentId`), never the path itself: ids stay out of metrics. */
	route: string
	status: number
}

export interface Metrics {
	registry: client.Registry
	observeRequest(labels: RequestLabels, seconds: number): void
	render(): Promise<{ contentType: string; body: string }>
}

export interface MetricsOptions {
	database: DatabaseHandle
	backupDir?: string
	/** Node.js process metrics (CPU, memory, event loop lag, GC); off in tests. */
	processMetrics?: boolean
}

/**
 * The Prometheus metrics of one app server: requests by route and status, latency, the job queue's
 * depth (pg-boss, shared by every server), the PostgreSQL pool, the last backup, and Node.js itself.
 * Queue depth and pool figures are read when Prometheus scrapes, not kept up to date in between.
 */
export function createMetrics(options: MetricsOptions): Metrics {
	const registry = new client.Registry()
	if (options.processMetrics !== false) client.collectDefaultMetrics({ register: registry })
	const { database } = options
	const requests = new client.Counter({
		name: 'hocvuso_http_requests_total',
		help: 'HTTP requests answered, by method, route pattern and status',
		labelNames: ['method', 'route', 'status'] as const,
		registers: [registry],
	})
	const duration = new client.Histogram({
		name: 'hocvuso_http_request_duration_seconds',
		help: 'Time from request to the end of the response, by method and route pattern',
		labelNames: ['method', 'route'] as const,
		buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
		registers: [registry],
	})
	new client.Gauge({
		name: 'hocvuso_job_queue_depth',
		help: 'Jobs waiting or running in the pg-boss queue, by queue and state (all app servers)',
		labelNames: ['queue', 'state'] as const,
		registers: [registry],
		async collect() {
			this.reset()
			try {
				const rows = await database.query<{ name: string; state: string; count: number | string }>(
					`select name, state::text as state, count(*) as count from pgboss.job
					 where state in ('created', 'retry', 'active') group by name, state`,
				)
				for (const row of rows) this.set({ queue: row.name, state: row.state }, Number(row.count))
			} catch {
				// pg-boss has not created its schema yet, or the database is away: no figures.
			}
		},
	})
	new client.Gauge({
		name: 'hocvuso_database_up',
		help: '1 when the database answered `select 1` during this scrape',
		registers: [registry],
		async collect() {
			try {
				await database.query('select 1')
				this.set(1)
			} catch {
				this.set(0)
			}
		},
	})
	if (database.pool) {
		const pool = database.pool
		new client.Gauge({
			name: 'hocvuso_db_pool_connections',
			help: 'PostgreSQL connections of this app server: total open, idle, and requests waiting for one',
			labelNames: ['state'] as const,
			registers: [registry],
			collect() {
				this.set({ state: 'total' }, pool.totalCount)
				this.set({ state: 'idle' }, pool.idleCount)
				this.set({ state: 'waiting' }, pool.waitingCount)
			},
		})
		new client.Gauge({
			name: 'hocvuso_db_pool_max',
			help: 'The pool size of this app server',
			registers: [registry],
			collect() {
				this.set(pool.options.max ?? 10)
			},
		})
	}
	if (options.backupDir) {
		const dir = options.backupDir
		new client.Gauge({
			name: 'hocvuso_backup_last_success_timestamp_seconds',
			help: 'When the newest backup file in BACKUP_DIR was written (Unix time); 0 when there is none',
			registers: [registry],
			collect() {
				let newest = 0
				try {
					for (const name of fs.readdirSync(dir)) {
						if (BACKUP_FILE_PATTERN.test(name))
							newest = Math.max(newest, fs.statSync(path.join(dir, name)).mtimeMs)
					}
				} catch {
					// the folder does not exist yet
				}
				this.set(Math.floor(newest / 1000))
			},
		})
	}
	return {
		registry,
		observeRequest(labels, seconds) {
			requests.inc({ method: labels.method, route: labels.route, status: String(labels.status) })
			duration.observe({ method: labels.method, route: labels.route }, seconds)
		},
		async render() {
			return { contentType: registry.contentType, body: await registry.metrics() }
		},
	}
}
