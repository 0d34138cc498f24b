import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import {
	backupFileName,
	pruneBackups,
	runScheduledBackup,
} from '#server/operations/backup/backup-files.server.ts'
import { verifyBackupFile } from '#server/operations/backup/restore-backup.server.ts'
import { createTestServices, type TestServices, testEngine } from '#tests/support/test-services.ts'

let services: TestServices
let dir: string
beforeAll(async () => {
	services = await createTestServices()
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hocvuso-backup-dir-'))
})
afterAll(async () => {
	await services.close()
	fs.rmSync(dir, { recursive: true, force: true })
})

test('backup files are named by engine and UTC time', () => {
	expect(backupFileName('pglite', new Date('2026-05-14T18:05:09.123Z'))).toBe(
		'hocvuso-pglite-20260514T180509Z.hvbak',
	)
})

test('retention deletes scheduled backups past their days, keeps the newest and anything else', () => {
	const folder = fs.mkdtempSync(path.join(dir, 'prune-'))
	const names = [
		'hocvuso-postgres-20260101T011000Z.hvbak',
		'hocvuso-postgres-20260420T011000Z.hvbak',
		'hocvuso-postgres-20260428T011000Z.hvbak',
		'hocvuso-postgres-20260501T011000Z.hvbak',
		'my-own-copy.hvbak',
		'hocvuso-postgres-20250101T011000Z.hvbak.partial-12',
	]
	for (const name of names) fs.writeFileSync(path.join(folder, name), 'x')
	const removed = pruneBackups(folder, 7, new Date('2026-05-01T12:00:00Z'))
	expect(removed.sort()).toEqual([
		'hocvuso-postgres-20260101T011000Z.hvbak',
		'hocvuso-postgres-20260420T011000Z.hvbak',
	])
	expect(fs.readdirSync(folder).sort()).toEqual(names.filter((n) => !removed.includes(n)).sort())
	// When every backup is old (the job stopped long ago), the newest one stays.
	expect(pruneBackups(folder, 1, new Date('2027-01-01T00:00:00Z'))).toEqual([
		'hocvuso-postgres-20260428T011000Z.hvbak',
	])
	expect(fs.readdirSync(folder)).toContain('hocvuso-postgres-20260501T011000Z.hvbak')
})

test('the nightly job writes an encrypted backup into BACKUP_DIR and applies retention', async () => {
	const backupKey = Buffer.alloc(32, 5)
	const folder = path.join(dir, 'nightly')
	const configured = {
		...services,
		env: {
			...services.env,
			BACKUP_DIR: folder,
			BACKUP_RETENTION_DAYS: 2,
			BACKUP_ENCRYPTION_KEY: backupKey.toString('base64'),
		},
	}
	fs.mkdirSync(folder)
	const old = `hocvuso-${testEngine()}-20260101T011000Z.hvbak`
	fs.writeFileSync(path.join(folder, old), 'old')
	const result = await runScheduledBackup(configured, new Date('2026-05-02T18:10:00Z'))
	expect(result).toMatchObject({
		status: 'written',
		file: path.join(folder, `hocvuso-${testEngine()}-20260502T181000Z.hvbak`),
		removed: [old],
	})
	if (result.status !== 'written') return
	expect((await verifyBackupFile(result.file, backupKey)).header.engine).toBe(testEngine())
	expect(fs.readdirSync(folder)).toEqual([path.basename(result.file)])
	expect(await runScheduledBackup(services)).toEqual({ status: 'skipped', reason: 'BACKUP_DIR unset' })
})

test('the nightly job outside demo mode refuses to run without a backup key', async () => {
	const configured = { ...services, env: { ...services.env, BACKUP_DIR: path.join(dir, 'nokey') } }
	await expect(runScheduledBackup(configured)).rejects.toMatchObject({ code: 'noKey' })
})
