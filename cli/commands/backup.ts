import fs from 'node:fs'
import { PassThrough, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import type { Command } from '#cli/command.ts'
import { type Env, readEnv } from '#server/config/env.server.ts'
import { openDatabase } from '#server/db/client.server.ts'
import { type BackupKey, resolveBackupKey } from '#server/operations/backup/backup-key.server.ts'
import {
	type BackupSummary,
	writeBackup,
	writeBackupFile,
} from '#server/operations/backup/create-backup.server.ts'
import { requestBackup } from '#server/operations/control-socket.server.ts'
import { pgliteFolder } from '#server/runtime/bootstrap.server.ts'
import {
	acquireDataFolderLock,
	DataFolderBusyError,
	readDataFolderLock,
} from '#server/runtime/data-folder-lock.server.ts'
import { loadKeyring } from '#server/security/keyring.server.ts'

/** The backup key for a CLI command: BACKUP_ENCRYPTION_KEY, or derived from the demo keyring. */
export function backupKeyForCli(env: Env): BackupKey {
	const demo = env.DEMO ?? !env.DATABASE_URL
	return resolveBackupKey(env, demo, () =>
		loadKeyring({
			encryptionKey: env.DATA_ENCRYPTION_KEY,
			hashKey: env.DATA_HASH_KEY,
			signingKey: env.SESSION_SECRET,
			generateInto: env.dataDir,
		}),
	)
}

/**
 * Writes one encrypted backup of this installation to `out`. PostgreSQL: pg_dump from here. PGlite:
 * through the running server's control socket when one holds the data folder, else by opening the
 * folder (locked) in this process.
 */
export async function backupInstallation(env: Env, key: BackupKey, out: Writable): Promise<BackupSummary> {
	if (env.databaseKind === 'postgres') {
		const database = await openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 1 })
		try {
			return await writeBackup(database, env, key, out)
		} finally {
			await database.close()
		}
	}
	const holder = readDataFolderLock(env.dataDir)
	if (holder) {
		const started = performance.now()
		let bytes = 0
		const counter = new PassThrough()
		counter.on('data', (chunk: Buffer) => {
			bytes += chunk.length
		})
		const copying = pipeline(counter, out)
		copying.catch(() => {}) // awaited below; its error is the request's error
		const answer = await requestBackup(env.dataDir, counter)
		if (answer === 'no-server') {
			// Another command (seed, user create…) holds the folder and does not serve backups.
			counter.destroy()
			throw new DataFolderBusyError(env.dataDir, holder)
		}
		await copying
		return { engine: 'pglite', bytes, seconds: (performance.now() - started) / 1000 }
	}
	if (!fs.existsSync(pgliteFolder(env))) {
		throw new Error(`Không có cơ sở dữ liệu tại / no database at ${pgliteFolder(env)} (DATA_DIR)`)
	}
	const lock = acquireDataFolderLock(env.dataDir, 'backup')
	try {
		const database = await openDatabase({ dataDir: pgliteFolder(env) })
		try {
			return await writeBackup(database, env, key, out)
		} finally {
			await database.close()
		}
	} finally {
		lock.release()
	}
}

export const backupCommand: Command = {
	summaryVi: 'Sao lưu toàn bộ cơ sở dữ liệu vào một tệp mã hóa (kể cả khi máy chủ đang chạy)',
	summaryEn: 'Back up the whole database into one encrypted file (also while the server runs)',
	usage: [
		'hocvuso backup --out TỆP',
		'  --out TỆP  tệp kết quả (chế độ 0600); "-" để ghi ra đầu ra chuẩn / output file (mode 0600); "-" for stdout',
		'  Khóa / key: BACKUP_ENCRYPTION_KEY (32 byte base64); ở chế độ trình diễn, suy ra từ khóa dữ liệu',
		'  (demo mode derives one from the data keys). Xem / see docs/deploy.md',
	],
	async run(args) {
		const { values } = parseArgs({ args, options: { out: { type: 'string' } }, strict: true })
		if (!values.out) {
			console.error('Dùng / use: hocvuso backup --out TỆP|FILE')
			return 2
		}
		const env = readEnv()
		const key = backupKeyForCli(env)
		const toStdout = values.out === '-'
		const summary = toStdout
			? await backupInstallation(env, key, process.stdout)
			: await writeBackupFile(values.out, (out) => backupInstallation(env, key, out))
		const size = `${(summary.bytes / 1024 / 1024).toFixed(1)} MB`
		const line = `Đã sao lưu / backup written: ${toStdout ? 'stdout' : values.out} (${summary.engine}, ${size}, ${summary.seconds.toFixed(1)} s)`
		if (toStdout) console.error(line)
		else console.info(line)
		return 0
	},
}
