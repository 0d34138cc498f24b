import fs from 'node:fs'
import path from 'node:path'
import type { AppServices } from '#server/app-services.server.ts'
import { resolveBackupKey } from '#server/operations/backup/backup-key.server.ts'
import {
	type BackupSummary,
	writeBackup,
	writeBackupFile,
} from '#server/operations/backup/create-backup.server.ts'
import { processState } from '#server/operations/process-state.server.ts'

/** Names of the scheduled backups: `hocvuso-<engine>-<UTC time>.hvbak`. Nothing else is ever deleted. */
export const BACKUP_FILE_PATTERN = /^hocvuso-(pglite|postgres)-\d{8}T\d{6}Z\.hvbak$/

export function backupFileName(engine: string, at: Date): string {
	const stamp = at
		.toISOString()
		.replace(/[-:]/g, '')
		.replace(/\.\d+Z$/, 'Z')
	return `hocvuso-${engine}-${stamp}.hvbak`
}

/**
 * Deletes scheduled backups older than `days`, judged by the time in their name. The newest backup
 * is always kept, however old, so a server that stopped backing up never ends with none.
 */
export function pruneBackups(dir: string, days: number, now = new Date()): string[] {
	const files = fs
		.readdirSync(dir)
		.filter((name) => BACKUP_FILE_PATTERN.test(name))
		.map((name) => ({ name, at: timeFromName(name) }))
		.sort((a, b) => b.at - a.at)
	const cutoff = now.getTime() - days * 24 * 60 * 60 * 1000
	const removed: string[] = []
	for (const file of files.slice(1)) {
		if (file.at < cutoff) {
			fs.rmSync(path.join(dir, file.name), { force: true })
			removed.push(file.name)
		}
	}
	return removed
}

function timeFromName(name: string): number {
	const stamp = /-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.hvbak$/.exec(name)
	if (!stamp) return 0
	const [, y, mo, d, h, mi, s] = stamp
	return Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s))
}

export type ScheduledBackupResult =
	| { status: 'skipped'; reason: 'BACKUP_DIR unset' }
	| ({ status: 'written'; file: string; removed: string[] } & BackupSummary)

/**
 * The nightly job (server/jobs/job-definitions.server.ts): one encrypted backup into BACKUP_DIR, then
 * retention. It runs in whichever app server pg-boss hands it to — on PGlite the only one, which
 * holds the live database and so takes a consistent snapshot without stopping.
 */
export async function runScheduledBackup(
	services: AppServices,
	now = new Date(),
): Promise<ScheduledBackupResult> {
	const { env } = services
	if (!env.BACKUP_DIR) return { status: 'skipped', reason: 'BACKUP_DIR unset' }
	const dir = path.resolve(env.BACKUP_DIR)
	fs.mkdirSync(dir, { recursive: true, mode: 0o700 })
	const key = resolveBackupKey(env, processState().demo, () => services.keyring)
	const file = path.join(dir, backupFileName(services.database.kind, now))
	const summary = await writeBackupFile(file, (out) => writeBackup(services.database, env, key, out))
	const removed = pruneBackups(dir, env.BACKUP_RETENTION_DAYS, now)
	return { status: 'written', file, removed, ...summary }
}
