import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '#server/db/client.server.ts'
import { migrateDatabase } from '#server/db/migrate.server.ts'
import type {} from '#tests/support/provided-context.ts'

/**
 * Vitest globalSetup of the `pglite` project. Starting PGlite from an empty folder runs initdb in
 * WebAssembly (~2.5 s on CI machines); loading a dump of an already migrated one takes ~0.6 s. So we
 * migrate once, dump the data folder to a temporary file, and each test file loads it into memory.
 */
export default async function setup(project: TestProject): Promise<() => void> {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hocvuso-pglite-'))
	const file = path.join(dir, 'template.tar')
	try {
		const database = await openDatabase({ dataDir: 'memory://' })
		try {
			await migrateDatabase(database)
			const dump = await database.pglite!.dumpDataDir('none')
			fs.writeFileSync(file, Buffer.from(await dump.arrayBuffer()))
		} finally {
			await database.close()
		}
	} catch (error) {
		fs.rmSync(dir, { recursive: true, force: true })
		throw error
	}
	project.provide('pgliteTemplate', file)
	return () => fs.rmSync(dir, { recursive: true, force: true })
}
