import { parseArgs } from 'node:util'
import type { Command } from '#cli/command.ts'
import { backupKeyForCli } from '#cli/commands/backup.ts'
import { type Env, readEnv } from '#server/config/env.server.ts'
import { BackupError } from '#server/operations/backup/backup-error.ts'
import { type BackupHeader, backupKeyId } from '#server/operations/backup/backup-format.server.ts'
import {
	readBackupHeader,
	restorePgliteBackup,
	restorePostgresBackup,
	verifyBackupFile,
} from '#server/operations/backup/restore-backup.server.ts'
import { pgliteFolder } from '#server/runtime/bootstrap.server.ts'
import { acquireDataFolderLock, readDataFolderLock } from '#server/runtime/data-folder-lock.server.ts'

export function describeBackup(header: BackupHeader): string[] {
	return [
		`  định dạng / format ${header.format}, ${header.engine}, ${header.createdAt}`,
		`  hocvuso ${header.app.version}, ${header.app.migrationsApplied} migration(s) (${header.app.latestMigration ?? '—'})`,
		`  khóa / key: ${header.keySource} (${header.keyId})`,
	]
}

/** Restores a backup file into this (empty) installation; `print` receives the progress lines. */
export async function restoreInstallation(
	env: Env,
	file: string,
	print: (line: string) => void,
): Promise<void> {
	const header = await readBackupHeader(file)
	for (const line of describeBackup(header)) print(line)
	if (header.engine !== env.databaseKind) {
		throw new BackupError('engineMismatch', `${header.engine} → ${env.databaseKind}`)
	}
	const key = backupKeyForCli(env)
	if (header.keyId !== backupKeyId(key.key)) {
		const hint =
			header.keySource === 'keyring'
				? 'bản sao lưu trình diễn: chép keys.json của thư mục dữ liệu gốc vào DATA_DIR / a demo backup: copy keys.json from the original data folder into DATA_DIR'
				: undefined
		throw new BackupError('wrongKey', hint)
	}
	if (env.databaseKind === 'postgres') {
		await restorePostgresBackup(file, key.key, {
			databaseUrl: env.DATABASE_URL as string,
			binDir: env.PG_BIN_DIR,
		})
		return
	}
	if (readDataFolderLock(env.dataDir)) throw new BackupError('serverRunning')
	const lock = acquireDataFolderLock(env.dataDir, 'restore')
	try {
		await restorePgliteBackup(file, key.key, pgliteFolder(env))
	} finally {
		lock.release()
	}
}

export const restoreCommand: Command = {
	summaryVi: 'Khôi phục một bản sao lưu vào cài đặt trống (PGlite: máy chủ phải dừng)',
	summaryEn: 'Restore a backup into an empty installation (PGlite: the server must be stopped)',
	usage: [
		'hocvuso restore TỆP [--verify-only]',
		'  Cơ sở dữ liệu đích phải trống: DATA_DIR mới (PGlite) hoặc CSDL mới tạo (PostgreSQL, createdb).',
		'  The target must be empty: a new DATA_DIR (PGlite) or a newly created database (PostgreSQL).',
		'  --verify-only  chỉ giải mã và kiểm tra toàn bộ tệp / only decrypt and check the whole file',
	],
	async run(args) {
		const { values, positionals } = parseArgs({
			args,
			options: { 'verify-only': { type: 'boolean', default: false } },
			allowPositionals: true,
			strict: true,
		})
		const file = positionals[0]
		if (!file || positionals.length > 1) {
			console.error('Dùng / use: hocvuso restore TỆP|FILE [--verify-only]')
			return 2
		}
		const env = readEnv()
		if (values['verify-only']) {
			const { header, bytes } = await verifyBackupFile(file, backupKeyForCli(env).key)
			for (const line of describeBackup(header)) console.info(line)
			console.info(`OK: tệp nguyên vẹn, ${(bytes / 1024 / 1024).toFixed(1)} MB dữ liệu / file intact`)
			return 0
		}
		console.info(`Đang khôi phục / restoring ${file}`)
		await restoreInstallation(env, file, (line) => console.info(line))
		console.info(
			'Đã khôi phục. / Restored. `hocvuso serve` cập nhật cấu trúc nếu bản sao lưu cũ hơn / migrates an older backup on start.',
		)
		return 0
	},
}
