import { spawnSync } from 'node:child_process'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildIfNeeded } from '#cli/build-if-needed.ts'
import { readEnv } from '#server/config/env.server.ts'
import { openDatabase } from '#server/db/client.server.ts'
import { migrateDatabase } from '#server/db/migrate.server.ts'
import { DEMO_PASSWORD } from '#server/demo/demo-accounts.ts'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { createTestKeyring } from '#server/security/keyring.server.ts'
import { type ServeProcess, startServe, Visitor } from '#tests/multi-process/hocvuso-process.ts'
import {
	findPostgresBinDir,
	postgresUrl,
	startThrowawayCluster,
	type ThrowawayCluster,
} from '#tests/support/postgres-cluster.ts'

/** pg_ctl on this test's own cluster (never the suite's shared one), as the postgres user when root. */
function pgCtl(cluster: ThrowawayCluster, args: string[]): void {
	const bin = path.join(findPostgresBinDir() as string, 'pg_ctl')
	const full = ['-D', path.join(cluster.dir, 'data'), ...args]
	const asRoot = process.getuid?.() === 0
	const result = spawnSync(asRoot ? 'runuser' : bin, asRoot ? ['-u', 'postgres', '--', bin, ...full] : full, {
		cwd: cluster.dir,
		encoding: 'utf8',
	})
	if (result.status !== 0) throw new Error(`pg_ctl ${args.join(' ')}: ${result.stdout}${result.stderr}`)
}

/**
 * Issue 10, faults: PostgreSQL goes away while an app server runs and requests keep arriving; they get
 * a clear error (the Vietnamese 500 page, /readyz 503) and the same process serves again, sessions
 * intact, once the database is back — no restart.
 */
export function describeDatabaseOutage(): void {
	let cluster: ThrowawayCluster
	let server: ServeProcess

	beforeAll(async () => {
		buildIfNeeded()
		cluster = await startThrowawayCluster()
		const admin = new pg.Client({ connectionString: postgresUrl(cluster, 'postgres') })
		await admin.connect()
		await admin.query('create database hocvuso')
		await admin.end()
		const databaseUrl = postgresUrl(cluster, 'hocvuso')
		const database = await openDatabase({ databaseUrl })
		await migrateDatabase(database)
		const services = {
			env: readEnv({ DATABASE_URL: databaseUrl }),
			database,
			db: database.db,
			keyring: createTestKeyring(),
		}
		await seedDemoWard(services, { residents: 30, seed: 9 })
		await database.close()
		server = await startServe({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'error' })
	}, 300_000)

	afterAll(async () => {
		await server?.stop()
		cluster?.stop()
	})

	test('requests during a database outage get clear errors; service resumes without a restart', async () => {
		const visitor = new Visitor()
		expect(await visitor.signIn(server.url, 'quantri', DEMO_PASSWORD)).toBe(302)
		expect((await visitor.get(`${server.url}/nguoi-dan`)).status).toBe(200)
		const pid = server.child.pid

		pgCtl(cluster, ['-m', 'fast', '-w', 'stop'])
		const page = await visitor.get(`${server.url}/nguoi-dan`)
		expect(page.status).toBe(500)
		expect(page.html).toContain('Đã có lỗi xảy ra')
		expect(page.html).not.toMatch(/ECONNREFUSED|\bat \S+ \(|node_modules/)
		const ready = await fetch(`${server.url}/readyz`)
		expect(ready.status).toBe(503)
		expect(await ready.json()).toMatchObject({ status: 'not-ready', checks: { database: { ok: false } } })
		expect((await fetch(`${server.url}/healthz`)).status).toBe(503)

		pgCtl(cluster, ['-l', path.join(cluster.dir, 'server.log'), '-o', `-p ${cluster.port}`, '-w', 'start'])
		await expect
			.poll(async () => (await fetch(`${server.url}/readyz`)).status, { timeout: 60_000, interval: 500 })
			.toBe(200)
		expect((await visitor.get(`${server.url}/nguoi-dan`)).status).toBe(200)
		expect(server.child.pid).toBe(pid)
		expect(server.child.exitCode).toBeNull()
	}, 120_000)
}
