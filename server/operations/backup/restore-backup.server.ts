import fs from 'node:fs'
import { Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import zlib from 'node:zlib'
import pg from 'pg'
import { BackupError } from '#server/operations/backup/backup-error.ts'
import {
	type BackupHeader,
	createDecryptStream,
	parseBackupHeader,
} from '#server/operations/backup/backup-format.server.ts'
import { restorePgliteSnapshot } from '#server/operations/backup/pglite-snapshot.server.ts'
import { runPostgresTool } from '#server/operations/backup/postgres-tools.server.ts'

/** Reads a backup file's header (engine, date, format, key id) without decrypting anything. */
export async function readBackupHeader(file: string): Promise<BackupHeader> {
	const handle = await fs.promises.open(file, 'r')
	try {
		const buffer = Buffer.alloc(64 * 1024 + 12)
		const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0)
		const parsed = parseBackupHeader(buffer.subarray(0, bytesRead))
		if (!parsed) throw new BackupError(bytesRead === 0 ? 'notABackup' : 'truncated')
		return parsed.header
	} finally {
		await handle.close()
	}
}

/** Decrypts the whole file without restoring it: proves it is complete and made with this key. */
export async function verifyBackupFile(
	file: string,
	key: Buffer,
): Promise<{ header: BackupHeader; bytes: number }> {
	let bytes = 0
	const decrypt = createDecryptStream(key)
	let header: BackupHeader | null = null
	decrypt.once('header', (h: BackupHeader) => {
		header = h
	})
	const sink = new Writable({
		write(chunk: Buffer, _encoding, callback) {
			bytes += chunk.length
			callback()
		},
	})
	await pipeline(fs.createReadStream(file), decrypt, sink)
	if (!header) throw new BackupError('notABackup')
	return { header, bytes }
}

/** Restores a PGlite backup into an empty data folder; everything is decrypted and checked first. */
export async function restorePgliteBackup(
	file: string,
	key: Buffer,
	pgliteDir: string,
): Promise<BackupHeader> {
	const header = await readBackupHeader(file)
	if (header.engine !== 'pglite') throw new BackupError('engineMismatch', `${header.engine} → pglite`)
	const chunks: Buffer[] = []
	const collect = new Writable({
		write(chunk: Buffer, _encoding, callback) {
			chunks.push(chunk)
			callback()
		},
	})
	await pipeline(fs.createReadStream(file), createDecryptStream(key), zlib.createGunzip(), collect)
	await restorePgliteSnapshot(pgliteDir, Buffer.concat(chunks))
	return header
}

/** True when the database holds no tables, views, sequences or schemas of its own. */
export async function isEmptyPostgresDatabase(databaseUrl: string): Promise<boolean> {
	const client = new pg.Client({ connectionString: databaseUrl })
	await client.connect()
	try {
		const { rows } = await client.query<{ count: string }>(
			`select count(*) as count from pg_class c join pg_namespace n on n.oid = c.relnamespace
			 where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
			   and c.relkind in ('r', 'p', 'v', 'm', 'S', 'f')`,
		)
		return Number(rows[0]?.count ?? 0) === 0
	} finally {
		await client.end()
	}
}

/**
 * Restores a PostgreSQL backup into an empty database with `pg_restore --single-transaction`: the
 * decrypted dump streams into pg_restore frame by authenticated frame, and if the file turns out
 * damaged or truncated part-way, pg_restore is stopped and its one transaction rolls back.
 */
export async function restorePostgresBackup(
	file: string,
	key: Buffer,
	target: { databaseUrl: string; binDir?: string },
): Promise<BackupHeader> {
	const header = await readBackupHeader(file)
	if (header.engine !== 'postgres') throw new BackupError('engineMismatch', `${header.engine} → postgres`)
	if (!(await isEmptyPostgresDatabase(target.databaseUrl))) throw new BackupError('notEmpty')
	const restore = runPostgresTool(
		'pg_restore',
		['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction'],
		{ databaseUrl: target.databaseUrl, binDir: target.binDir, stdin: 'pipe', stdout: 'ignore' },
	)
	const stdin = restore.child.stdin as Writable
	try {
		await pipeline(fs.createReadStream(file), createDecryptStream(key), stdin)
	} catch (error) {
		restore.child.kill('SIGTERM')
		await restore.done.catch(() => {})
		throw error
	}
	await restore.done
	const client = new pg.Client({ connectionString: target.databaseUrl })
	await client.connect()
	try {
		// pg_restore does not carry the planner's statistics over.
		await client.query('analyze')
	} finally {
		await client.end()
	}
	return header
}
