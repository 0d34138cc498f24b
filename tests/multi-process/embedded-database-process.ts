import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildIfNeeded } from '#cli/build-if-needed.ts'
import { openDatabase } from '#server/db/client.server.ts'
import { DEMO_PASSWORD } from '#server/demo/demo-accounts.ts'
import { readDatabaseContents } from '#server/operations/backup/testing/database-contents.ts'
import { lockFilePath } from '#server/runtime/data-folder-lock.server.ts'
import { runCli, type ServeProcess, startServe, Visitor } from '#tests/multi-process/hocvuso-process.ts'

// These tests start real processes (tsx start-up, migrations, a demo ward): on a busy 2-core machine
// that alone can take longer than the default 30 s. A deadline, not a speed assertion.
const PROCESS_TEST_TIMEOUT = 180_000

/** The app's own tables of a stopped installation's PGlite folder. */
async function appTables(dataDir: string): Promise<Record<string, string[]>> {
	const database = await openDatabase({ dataDir: path.join(dataDir, 'pglite') })
	try {
		const { tables } = await readDatabaseContents(database)
		return Object.fromEntries(Object.entries(tables).filter(([name]) => name.startsWith('public.')))
	} finally {
		await database.close()
	}
}

/**
 * One ward on PGlite: exactly one process may open the data folder; the operator's backup goes
 * through the serving process while it keeps answering; restore refuses a running installation and
 * fills an empty one with the same data.
 */
export function describeEmbeddedDatabaseProcess(): void {
	let dir: string
	let original: string
	let server: ServeProcess | null = null

	beforeAll(async () => {
		buildIfNeeded()
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hocvuso-one-ward-'))
		original = path.join(dir, 'original')
		const seeded = await runCli(['seed', '--size', '40', '--seed', '5'], { DATA_DIR: original })
		expect(seeded.code, seeded.stdout + seeded.stderr).toBe(0)
		server = await startServe({ DATA_DIR: original, LOG_LEVEL: 'warn' })
	}, 300_000)

	afterAll(async () => {
		await server?.stop()
		if (dir) fs.rmSync(dir, { recursive: true, force: true })
	})

	test(
		'a second process on the same data folder is refused and names the one that holds it',
		async () => {
			const running = server as ServeProcess
			const second = await runCli(['serve'], { DATA_DIR: original, PORT: '1' })
			expect(second.code).toBe(1)
			expect(second.stderr).toContain(`pid ${running.child.pid}: hocvuso serve`)
			expect(second.stderr).toContain('The data folder is in use by another process')
			const user = await runCli(['user', 'create', '--username', 'x1', '--role', 'auditor', '--name', 'X'], {
				DATA_DIR: original,
			})
			expect(user.code).toBe(1)
			expect(user.stderr).toContain('in use by another process')
			expect((await fetch(`${running.url}/readyz`)).status).toBe(200)
		},
		PROCESS_TEST_TIMEOUT,
	)

	test(
		'backup while the server answers; restore refused while it runs; restored copy has the same data',
		async () => {
			const running = server as ServeProcess
			const visitor = new Visitor()
			expect(await visitor.signIn(running.url, 'quantri', DEMO_PASSWORD)).toBe(302)
			const file = path.join(dir, 'ward.hvbak')
			// Pages keep being served while the backup is taken through the server's control socket.
			const [backup, ...pages] = await Promise.all([
				runCli(['backup', '--out', file], { DATA_DIR: original }),
				...Array.from({ length: 10 }, () => visitor.get(`${running.url}/nguoi-dan`)),
			])
			expect(backup.code, backup.stdout + backup.stderr).toBe(0)
			expect(backup.stdout).toMatch(/backup written: .*ward\.hvbak \(pglite, [\d.]+ MB/)
			expect(pages.map((p) => p.status)).toEqual(pages.map(() => 200))

			const refused = await runCli(['restore', file], { DATA_DIR: original })
			expect(refused.code).toBe(1)
			expect(refused.stderr).toContain('a hocvuso server is running on this data folder')

			expect(await running.stop()).toBe(0)
			server = null
			expect(fs.existsSync(lockFilePath(original))).toBe(false)

			const copy = path.join(dir, 'restored')
			const restored = await runCli(['restore', file], { DATA_DIR: copy })
			expect(restored.code, restored.stdout + restored.stderr).toBe(0)
			const [before, after] = [await appTables(original), await appTables(copy)]
			expect(Object.keys(after)).toEqual(Object.keys(before))
			for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table])
			expect(before['public.resident']).toHaveLength(40)

			// And the restored installation serves: the same administrator signs in and sees the ward.
			server = await startServe({ DATA_DIR: copy, LOG_LEVEL: 'warn' })
			const again = new Visitor()
			expect(await again.signIn(server.url, 'quantri', DEMO_PASSWORD)).toBe(302)
			expect((await again.get(`${server.url}/nguoi-dan`)).status).toBe(200)
		},
		PROCESS_TEST_TIMEOUT,
	)
}
