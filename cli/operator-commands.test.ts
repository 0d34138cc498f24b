import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, inject, test, vi } from 'vitest'
import { commands } from '#cli/commands.ts'
import { main } from '#cli/main.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { type DatabaseHandle, openDatabase } from '#server/db/client.server.ts'
import { withDatabase } from '#tests/support/postgres-cluster.ts'
import { adminQuery, testEngine } from '#tests/support/test-services.ts'

// The operator's first commands through the CLI's own entry (`main`, what bin/hocvuso.js runs):
// help in both languages, then `migrate`, `seed` and `audit verify` on an empty database of this run's
// engine.

/** Runs `hocvuso <argv>` in this process; returns the exit code and what it printed. */
async function hocvuso(argv: string[]) {
	const out: string[] = []
	// console.error too: the refusals under test print there, and the file's console guard would
	// otherwise count them as unexpected.
	const err: string[] = []
	const info = vi.spyOn(console, 'info').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')))
	const log = vi.spyOn(console, 'log').mockImplementation((...a: unknown[]) => void out.push(a.join(' ')))
	const error = vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void err.push(a.join(' ')))
	try {
		const code = await main(argv)
		return { code, stdout: out.join('\n'), stderr: err.join('\n') }
	} finally {
		info.mockRestore()
		log.mockRestore()
		error.mockRestore()
	}
}

describe('help', () => {
	test('lists every command with its summary in Vietnamese and in English', async () => {
		const { code, stdout } = await hocvuso(['help'])
		expect(code).toBe(0)
		expect(stdout).toContain('Cách dùng / usage: hocvuso <lệnh|command>')
		for (const [name, command] of Object.entries(commands)) {
			expect(command.summaryVi).toMatch(/[ăâđêôơưáàảãạếềệốồộớờợứừựíìịúùụ]/i)
			expect(command.summaryEn).not.toBe(command.summaryVi)
			expect(stdout).toContain(name)
			expect(stdout).toContain(command.summaryVi)
			expect(stdout).toContain(command.summaryEn)
		}
		expect((await hocvuso(['--help'])).stdout).toBe(stdout)
	})

	test.each(['migrate', 'seed', 'serve', 'start', 'user', 'audit'])(
		'`%s --help` prints its usage in both languages and runs nothing',
		async (name) => {
			const { code, stdout } = await hocvuso([name, '--help'])
			expect(code).toBe(0)
			expect(stdout).toContain(`hocvuso ${name} — ${commands[name]?.summaryVi}`)
			expect(stdout).toContain(`(${commands[name]?.summaryEn})`)
			for (const line of commands[name]?.usage ?? []) expect(stdout).toContain(line)
			expect((await hocvuso(['help', name])).stdout).toBe(stdout)
		},
	)

	test('an unknown command is refused in both languages with exit code 2', async () => {
		const { code, stdout, stderr } = await hocvuso(['migrat'])
		expect(code).toBe(2)
		expect(stderr).toContain('Lệnh không tồn tại / unknown command: migrat')
		expect(stdout).toContain('migrate')
	})
})

describe('migrate, seed and audit verify on an empty database', () => {
	const saved = { ...process.env }
	let dataDir: string
	let dropDatabase: (() => Promise<void>) | undefined

	beforeAll(async () => {
		dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hocvuso-cli-'))
		const env: Record<string, string> = { DATA_DIR: dataDir, DEMO: '1', LOG_LEVEL: 'warn' }
		if (testEngine() === 'postgres') {
			// An empty database of the test cluster (not a clone of the migrated template).
			const { adminUrl } = inject('postgres')
			const name = `hocvuso_cli_${process.pid}_${Date.now().toString(36)}`
			await adminQuery(adminUrl, `create database "${name}"`)
			env.DATABASE_URL = withDatabase(adminUrl, name)
			dropDatabase = () => adminQuery(adminUrl, `drop database if exists "${name}" with (force)`)
		}
		for (const key of ['DATABASE_URL', 'DATA_ENCRYPTION_KEY', 'DATA_HASH_KEY', 'SESSION_SECRET'])
			delete process.env[key]
		Object.assign(process.env, env)
	})
	afterAll(async () => {
		process.env = saved
		await dropDatabase?.()
		fs.rmSync(dataDir, { recursive: true, force: true })
	})

	test('`migrate --status` reports pending, `migrate` applies every migration, then reports up to date', async () => {
		const before = await hocvuso(['migrate', '--status'])
		expect(before.code).toBe(1)
		expect(before.stdout).toMatch(
			new RegExp(`^${testEngine()}: 0/(\\d+) migration\\(s\\), còn chờ / pending$`),
		)
		const available = Number(/0\/(\d+)/.exec(before.stdout)?.[1])
		expect(available).toBeGreaterThan(10)

		const applied = await hocvuso(['migrate'])
		expect(applied.code).toBe(0)
		expect(applied.stdout).toBe(
			`${testEngine()}: ${available}/${available} migration(s), đã cập nhật / up to date`,
		)
		expect((await hocvuso(['migrate', '--status'])).code).toBe(0)
	}, 120_000)

	test('`seed` builds the demo ward once and refuses to seed a database that holds a ward', async () => {
		const seeded = await hocvuso(['seed', '--size', '20', '--seed', '7'])
		expect(seeded.code, seeded.stderr).toBe(0)
		expect(seeded.stdout).toMatch(/tổ dân phố, \d+ hộ, 20 người dân, \d+ tổ chức, \d+ tài khoản/)

		const again = await hocvuso(['seed', '--size', '20'])
		expect(again.code).toBe(1)
		expect(again.stderr).toContain('Cơ sở dữ liệu đã có dữ liệu phường; không tạo lại.')

		const tooSmall = await hocvuso(['seed', '--size', '3'])
		expect(tooSmall.code).toBe(1)
		expect(tooSmall.stderr).toContain('--size phải là số nguyên ≥ 10 / must be an integer ≥ 10')
	}, 120_000)

	test('`audit verify` passes on an intact chain and names the entry altered directly in the database', async () => {
		// One handle at a time: PGlite's data folder must never be open twice in one process.
		const withDatabase = async <T>(use: (database: DatabaseHandle) => Promise<T>): Promise<T> => {
			const database = await openDatabase({
				databaseUrl: process.env.DATABASE_URL,
				dataDir: path.join(dataDir, 'pglite'),
			})
			try {
				return await use(database)
			} finally {
				await database.close()
			}
		}
		// Entries written the way the app writes them…
		const actor = { userId: null, label: 'quantri', wardId: null }
		await withDatabase(async ({ db }) => {
			for (let i = 0; i < 3; i++) await recordAudit(db, { actor, action: 'auth.signIn', details: { i } })
		})
		const intact = await hocvuso(['audit', 'verify'])
		expect(intact.code, intact.stderr).toBe(0)
		expect(intact.stdout).toMatch(/^OK: \d+ mục nhật ký, chuỗi băm nguyên vẹn/)

		// …then one edited by someone with rights on the database: triggers off, a row changed.
		const altered = await withDatabase(async (database) => {
			const [row] = await database.query<{ seq: string | number }>(
				"select seq from audit_log where action = 'auth.signIn' order by seq offset 1 limit 1",
			)
			await database.query('alter table audit_log disable trigger audit_log_no_update_delete')
			await database.query(`update audit_log set actor_label = 'nguoi-khac' where seq = $1`, [row?.seq])
			await database.query('alter table audit_log enable trigger audit_log_no_update_delete')
			return Number(row?.seq)
		})
		const broken = await hocvuso(['audit', 'verify'])
		expect(broken.code).toBe(1)
		expect(broken.stdout).toContain(
			`LỖI / BROKEN: mục nhật ký #${altered}: nội dung đã bị sửa / its content was altered.`,
		)
	}, 120_000)
})
