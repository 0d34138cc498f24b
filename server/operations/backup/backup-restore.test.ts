import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { type DatabaseHandle, openDatabase } from '#server/db/client.server.ts'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { startJobRunner } from '#server/jobs/job-runner.server.ts'
import type { BackupKey } from '#server/operations/backup/backup-key.server.ts'
import { writeBackup, writeBackupFile } from '#server/operations/backup/create-backup.server.ts'
import {
	isEmptyPostgresDatabase,
	readBackupHeader,
	restorePgliteBackup,
	restorePostgresBackup,
	verifyBackupFile,
} from '#server/operations/backup/restore-backup.server.ts'
import {
	type DatabaseContents,
	readDatabaseContents,
} from '#server/operations/backup/testing/database-contents.ts'
import { withDatabase } from '#tests/support/postgres-cluster.ts'
import type {} from '#tests/support/provided-context.ts'
import { createTestServices, type TestServices, testEngine } from '#tests/support/test-services.ts'

// One demo ward, backed up once, restored into fresh databases of the same engine: what comes back
// must be the same, row for row, in every table of every schema — the app's, Drizzle's migration
// journal and pg-boss's queues, jobs and schedules (docs/decisions/010-backups-and-operations.md).

const key: BackupKey = { key: Buffer.alloc(32, 9), source: 'BACKUP_ENCRYPTION_KEY' }
let services: TestServices
let dir: string
let file: string
let original: DatabaseContents
const cleanups: Array<() => Promise<void>> = []

beforeAll(async () => {
	services = await createTestServices()
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hocvuso-backup-test-'))
	await seedDemoWard(services, { residents: 120, seed: 11 })
	// pg-boss's schema, one schedule and one job left waiting: they belong to the backup too.
	const runner = await startJobRunner(services, [
		{ name: 'test.scheduled', cron: '0 3 * * *', run: async () => {} },
	])
	await runner.boss.createQueue('test.waiting')
	await runner.boss.send('test.waiting', { note: 'chờ xử lý' })
	await runner.stop()
	file = path.join(dir, 'ward.hvbak')
	// Small frames, so the damage tests below hit a frame in the middle of the data.
	await writeBackupFile(file, (out) =>
		writeBackup(services.database, services.env, key, out, { chunkSize: 16_384 }),
	)
	original = await readDatabaseContents(services.database)
}, 120_000)

afterAll(async () => {
	for (const cleanup of cleanups.reverse()) await cleanup()
	await services?.close()
	if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

/** A fresh, empty target of this run's engine: restores `backup` into it and opens it. */
async function restoreIntoFreshDatabase(backup: string, withKey = key.key): Promise<DatabaseHandle> {
	if (testEngine() === 'pglite') {
		const folder = path.join(dir, `restored-${crypto.randomBytes(4).toString('hex')}`, 'pglite')
		await restorePgliteBackup(backup, withKey, folder)
		const database = await openDatabase({ dataDir: folder })
		cleanups.push(() => database.close())
		return database
	}
	const url = await createEmptyPostgresDatabase()
	await restorePostgresBackup(backup, withKey, { databaseUrl: url })
	const database = await openDatabase({ databaseUrl: url, poolSize: 2 })
	cleanups.push(() => database.close())
	return database
}

async function createEmptyPostgresDatabase(): Promise<string> {
	const { adminUrl } = inject('postgres')
	const name = `hocvuso_restore_${process.pid}_${crypto.randomBytes(4).toString('hex')}`
	const admin = new pg.Client({ connectionString: adminUrl })
	await admin.connect()
	await admin.query(`create database "${name}"`)
	await admin.end()
	cleanups.push(async () => {
		const c = new pg.Client({ connectionString: adminUrl })
		await c.connect()
		await c.query(`drop database if exists "${name}" with (force)`)
		await c.end()
	})
	return withDatabase(adminUrl, name)
}

test('the file names its format, engine and key, and holds no readable data', async () => {
	const header = await readBackupHeader(file)
	expect(header).toMatchObject({ format: 1, engine: testEngine(), cipher: 'aes-256-gcm-stream' })
	expect(header.app.migrationsApplied).toBeGreaterThan(0)
	const bytes = fs.readFileSync(file)
	expect(bytes.subarray(0, 8).toString()).toBe('HVBACKUP')
	// Names and table names the demo ward certainly contains do not appear in clear.
	expect(bytes.includes(Buffer.from('Sông Công'))).toBe(false)
	expect(bytes.includes(Buffer.from('residential_group'))).toBe(false)
	expect(fs.statSync(file).mode & 0o777).toBe(0o600)
	expect((await verifyBackupFile(file, key.key)).bytes).toBeGreaterThan(0)
})

test('a restore into an empty installation gives back every row of every table', async () => {
	const restored = await readDatabaseContents(await restoreIntoFreshDatabase(file))
	expect(Object.keys(restored.tables)).toEqual(Object.keys(original.tables))
	for (const table of Object.keys(original.tables)) {
		expect(restored.tables[table], table).toEqual(original.tables[table])
	}
	expect(restored.sequences).toEqual(original.sequences)
	expect(restored.indexes).toEqual(original.indexes)
	expect(restored.triggers).toEqual(original.triggers)
	expect(restored.extensions).toEqual(original.extensions)
	// The comparison is not vacuous.
	expect(original.tables['public.resident']).toHaveLength(120)
	expect(original.tables['pgboss.schedule']?.join()).toContain('test.scheduled')
	expect(Object.values(original.tables).flat().join('\n')).toContain('chờ xử lý')
	expect(original.triggers.join()).toMatch(/audit_log\./)
}, 120_000)

test('a damaged, truncated or foreign-key backup restores nothing', async () => {
	const bytes = fs.readFileSync(file)
	// Many frames: the flipped byte sits in one that pg_restore has not reached, after ones it has run.
	expect(bytes.length).toBeGreaterThan(8 * 16_384)
	const damaged = path.join(dir, 'damaged.hvbak')
	const flipped = Buffer.from(bytes)
	const at = Math.floor(bytes.length * 0.7)
	flipped[at] = (flipped[at] as number) ^ 0x40
	fs.writeFileSync(damaged, flipped)
	const truncated = path.join(dir, 'truncated.hvbak')
	fs.writeFileSync(truncated, bytes.subarray(0, bytes.length - 100))
	const cases: Array<[string, string, Buffer]> = [
		[damaged, 'damaged', key.key],
		[truncated, 'truncated', key.key],
		[file, 'wrongKey', Buffer.alloc(32, 8)],
	]
	for (const [backup, code, withKey] of cases) {
		if (testEngine() === 'pglite') {
			const folder = path.join(dir, `refused-${code}`, 'pglite')
			await expect(restorePgliteBackup(backup, withKey, folder)).rejects.toMatchObject({ code })
			expect(fs.existsSync(folder)).toBe(false)
		} else {
			const url = await createEmptyPostgresDatabase()
			await expect(restorePostgresBackup(backup, withKey, { databaseUrl: url })).rejects.toMatchObject({
				code,
			})
			// pg_restore had already run part of the dump in its one transaction: all rolled back.
			expect(await isEmptyPostgresDatabase(url)).toBe(true)
		}
	}
}, 120_000)

test('a restore refuses a target that already holds data', async () => {
	if (testEngine() === 'pglite') {
		const folder = path.join(dir, 'occupied', 'pglite')
		fs.mkdirSync(folder, { recursive: true })
		fs.writeFileSync(path.join(folder, 'PG_VERSION'), '17\n')
		await expect(restorePgliteBackup(file, key.key, folder)).rejects.toMatchObject({ code: 'notEmpty' })
		expect(fs.readdirSync(folder)).toEqual(['PG_VERSION'])
	} else {
		await expect(
			restorePostgresBackup(file, key.key, { databaseUrl: services.env.DATABASE_URL as string }),
		).rejects.toMatchObject({ code: 'notEmpty' })
	}
})
