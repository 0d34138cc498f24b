import { once } from 'node:events'
import fs from 'node:fs'
import path from 'node:path'
import { PassThrough, Readable, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { ReadableStream as WebReadableStream } from 'node:stream/web'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'
import type { Env } from '#server/config/env.server.ts'
import type { DatabaseHandle } from '#server/db/client.server.ts'
import { readMigrationState } from '#server/db/migrate.server.ts'
import {
	type BackupHeader,
	type BackupHeaderInput,
	createEncryptStream,
} from '#server/operations/backup/backup-format.server.ts'
import type { BackupKey } from '#server/operations/backup/backup-key.server.ts'
import { snapshotPglite } from '#server/operations/backup/pglite-snapshot.server.ts'
import { runPostgresTool } from '#server/operations/backup/postgres-tools.server.ts'

export interface BackupSummary {
	engine: BackupHeader['engine']
	bytes: number
	seconds: number
}

const packageFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../package.json')

function appVersion(): string {
	try {
		return (JSON.parse(fs.readFileSync(packageFile, 'utf8')) as { version: string }).version
	} catch {
		return 'unknown'
	}
}

/**
 * Writes an encrypted backup of the whole database (every schema: the app's tables, Drizzle's
 * migration journal and pg-boss's jobs and schedules) to `out`. PGlite: a snapshot of the live
 * data folder taken between two transactions, gzipped. PostgreSQL: `pg_dump --format=custom`,
 * which reads everything in one repeatable-read snapshot while the app keeps running.
 */
export async function writeBackup(
	database: DatabaseHandle,
	env: Pick<Env, 'DATABASE_URL' | 'PG_BIN_DIR'>,
	key: BackupKey,
	out: Writable,
	options: { chunkSize?: number } = {},
): Promise<BackupSummary> {
	const started = performance.now()
	const migrations = await readMigrationState(database)
	const header: BackupHeaderInput = {
		engine: database.kind,
		payload: database.kind === 'pglite' ? 'pglite-datadir-tar-gzip' : 'pg-dump-custom',
		createdAt: new Date().toISOString(),
		app: { version: appVersion(), migrationsApplied: migrations.applied, latestMigration: migrations.latest },
		keySource: key.source,
	}
	let bytes = 0
	const counter = new PassThrough()
	counter.on('data', (chunk: Buffer) => {
		bytes += chunk.length
	})
	if (database.kind === 'pglite') {
		if (!database.pglite) throw new Error('PGlite handle without its instance')
		const tar = await snapshotPglite(database.pglite)
		await pipeline(
			Readable.fromWeb(tar.stream() as WebReadableStream),
			zlib.createGzip({ level: 6 }),
			createEncryptStream(key.key, header, options.chunkSize),
			counter,
			out,
		)
	} else {
		if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set')
		const dump = runPostgresTool('pg_dump', ['--format=custom', '--compress=6'], {
			databaseUrl: env.DATABASE_URL,
			binDir: env.PG_BIN_DIR,
			stdin: 'ignore',
			stdout: 'pipe',
		})
		// The last frame is sealed only once pg_dump has exited 0: a dump that fails half-way never
		// yields a file (or a stream) that authenticates as complete.
		const encrypt = createEncryptStream(key.key, header, options.chunkSize)
		const writing = pipeline(encrypt, counter, out)
		try {
			for await (const chunk of dump.child.stdout as Readable) {
				if (!encrypt.write(chunk)) await once(encrypt, 'drain')
			}
			await dump.done
			encrypt.end()
		} catch (error) {
			dump.child.kill()
			encrypt.destroy(error as Error)
			await writing.catch(() => {})
			throw error
		}
		await writing
	}
	return { engine: database.kind, bytes, seconds: (performance.now() - started) / 1000 }
}

/**
 * Writes a backup file atomically: into a temporary file beside it (mode 0600), flushed to disk, then
 * renamed. A failed or interrupted backup leaves no file that looks complete.
 */
export async function writeBackupFile(
	file: string,
	write: (out: Writable) => Promise<BackupSummary>,
): Promise<BackupSummary> {
	const target = path.resolve(file)
	const temporary = path.join(path.dirname(target), `.${path.basename(target)}.partial-${process.pid}`)
	try {
		const summary = await write(fs.createWriteStream(temporary, { flags: 'wx', mode: 0o600 }))
		const handle = await fs.promises.open(temporary, 'r')
		try {
			await handle.sync()
		} finally {
			await handle.close()
		}
		await fs.promises.rename(temporary, target)
		return summary
	} catch (error) {
		await fs.promises.rm(temporary, { force: true })
		throw error
	}
}
