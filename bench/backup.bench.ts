import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { mb, trackPeakMemory } from '#bench/bench-utils.ts'
import { readEnv } from '#server/config/env.server.ts'
import { type DatabaseHandle, openDatabase } from '#server/db/client.server.ts'
import { refreshStatistics } from '#server/db/maintenance.server.ts'
import { migrateDatabase } from '#server/db/migrate.server.ts'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import type { BackupKey } from '#server/operations/backup/backup-key.server.ts'
import { writeBackup, writeBackupFile } from '#server/operations/backup/create-backup.server.ts'
import {
	restorePgliteBackup,
	restorePostgresBackup,
} from '#server/operations/backup/restore-backup.server.ts'
import { createTestKeyring } from '#server/security/keyring.server.ts'
import { postgresUrl, startThrowawayCluster } from '#tests/support/postgres-cluster.ts'

const key: BackupKey = { key: Buffer.alloc(32, 4), source: 'BACKUP_ENCRYPTION_KEY' }

/**
 * `npm run bench -- backup [residents]`: backup and restore of a demo ward on both engines — file
 * size, time, peak memory, and the longest a one-row query waited while the backup ran (PGlite
 * holds its database for the snapshot; pg_dump does not block the app).
 */
export async function benchBackup(residents: number): Promise<void> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hocvuso-bench-backup-'))
	const cluster = await startThrowawayCluster()
	try {
		const pglite = await openDatabase({ dataDir: path.join(dir, 'source', 'pglite') })
		await measureEngine('pglite', pglite, residents, dir, async (file) => {
			await restorePgliteBackup(file, key.key, path.join(dir, 'restored', 'pglite'))
		})
		const admin = new pg.Client({ connectionString: postgresUrl(cluster, 'postgres') })
		await admin.connect()
		await admin.query('create database source')
		await admin.query('create database restored')
		await admin.end()
		const postgres = await openDatabase({ databaseUrl: postgresUrl(cluster, 'source') })
		await measureEngine('postgres', postgres, residents, dir, async (file) => {
			await restorePostgresBackup(file, key.key, { databaseUrl: postgresUrl(cluster, 'restored') })
		})
	} finally {
		cluster.stop()
		fs.rmSync(dir, { recursive: true, force: true })
	}
}

async function measureEngine(
	engine: string,
	database: DatabaseHandle,
	residents: number,
	dir: string,
	restore: (file: string) => Promise<void>,
): Promise<void> {
	await migrateDatabase(database)
	const env = readEnv({ DATA_DIR: dir, ...(database.pool ? { DATABASE_URL: urlOf(database) } : {}) })
	await seedDemoWard(
		{ env, database, db: database.db, keyring: createTestKeyring() },
		{ residents, seed: 2026 },
	)
	await refreshStatistics(database)
	const file = path.join(dir, `${engine}.hvbak`)
	// A request-like query every 10 ms while the backup runs. The longest gap between two answers
	// (less the 10 ms) is what a request would have waited: for the database, or for the event loop.
	let longest = 0
	let running = true
	const probe = (async () => {
		let last = performance.now()
		while (running) {
			await database.query('select 1')
			const now = performance.now()
			longest = Math.max(longest, now - last - 10)
			await new Promise((resolve) => setTimeout(resolve, 10))
			last = performance.now()
			longest = Math.max(longest, last - now - 10)
		}
	})()
	const rssBefore = process.memoryUsage().rss
	const memory = trackPeakMemory()
	const started = performance.now()
	const summary = await writeBackupFile(file, (out) => writeBackup(database, env, key, out))
	const backupSeconds = (performance.now() - started) / 1000
	running = false
	await probe
	const peak = memory.stop()
	await database.close()
	const restoreStarted = performance.now()
	await restore(file)
	const restoreSeconds = (performance.now() - restoreStarted) / 1000
	console.info(
		`backup ${engine} ${residents.toLocaleString('en')} residents: file ${mb(summary.bytes)} in ${backupSeconds.toFixed(1)} s, longest query wait during it ${longest.toFixed(0)} ms, RSS +${mb(peak - rssBefore)} (to ${mb(peak)}); restore into an empty database ${restoreSeconds.toFixed(1)} s`,
	)
}

function urlOf(database: DatabaseHandle): string {
	const options = database.pool?.options as { connectionString?: string } | undefined
	return options?.connectionString ?? ''
}
