import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { buildIfNeeded } from '#cli/build-if-needed.ts'
import { DEMO_PASSWORD } from '#server/demo/demo-accounts.ts'
import { lockFilePath, readDataFolderLock } from '#server/runtime/data-folder-lock.server.ts'
import { runCli, type ServeProcess, startServe, Visitor } from '#tests/multi-process/hocvuso-process.ts'

/**
 * Issue 10, faults: a PGlite server killed outright (SIGKILL: power cut, OOM killer) leaves a stale
 * lock and an unclean data folder; the next start takes the lock over, recovers the database, and
 * everything committed before the kill is there.
 */
export function describeEmbeddedCrash(): void {
	let dir: string
	let server: ServeProcess | null = null

	beforeAll(async () => {
		buildIfNeeded()
		dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hocvuso-crash-'))
		const seeded = await runCli(['seed', '--size', '20', '--seed', '3'], { DATA_DIR: dir })
		expect(seeded.code, seeded.stdout + seeded.stderr).toBe(0)
	}, 300_000)

	afterAll(async () => {
		await server?.stop()
		if (dir) fs.rmSync(dir, { recursive: true, force: true })
	})

	test('after SIGKILL the next start recovers: the lock is taken over and committed work is kept', async () => {
		const first = await startServe({ DATA_DIR: dir, LOG_LEVEL: 'error' })
		const visitor = new Visitor()
		expect(await visitor.signIn(first.url, 'quantri', DEMO_PASSWORD)).toBe(302)
		expect((await visitor.get(`${first.url}/nguoi-dan`)).status).toBe(200)
		first.child.kill('SIGKILL')
		await new Promise((resolve) => first.child.once('exit', resolve))
		// The lock file is still there, naming a process that no longer exists.
		expect(fs.existsSync(lockFilePath(dir))).toBe(true)
		expect(readDataFolderLock(dir)).toBeNull()

		server = await startServe({ DATA_DIR: dir, LOG_LEVEL: 'error' })
		expect(readDataFolderLock(dir)?.pid).toBe(server.child.pid)
		// The session created before the kill was committed: the same cookie still works.
		expect((await visitor.get(`${server.url}/nguoi-dan`)).status).toBe(200)
		expect((await fetch(`${server.url}/readyz`)).status).toBe(200)
	}, 180_000)
}
