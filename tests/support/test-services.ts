import type { AppServices } from '#server/app-services.server.ts'
import { readEnv } from '#server/config/env.server.ts'
import { openDatabase } from '#server/db/client.server.ts'
import { migrateDatabase } from '#server/db/migrate.server.ts'
import { createTestKeyring } from '#server/security/keyring.server.ts'

export interface TestServices extends AppServices {
	close(): Promise<void>
}

/**
 * A fresh, migrated database for one test file, on the engine chosen by HOCVUSO_TEST_ENGINE
 * (`pglite`, the default, or `postgres`, which the Vitest project for PostgreSQL sets up).
 */
export async function createTestServices(): Promise<TestServices> {
	const engine = process.env.HOCVUSO_TEST_ENGINE ?? 'pglite'
	if (engine !== 'pglite') throw new Error(`Engine ${engine} is not set up in this harness yet`)
	const database = await openDatabase({ dataDir: 'memory://' })
	await migrateDatabase(database)
	const env = readEnv({ NODE_ENV: 'test', DATA_DIR: 'memory' })
	return {
		env,
		database,
		db: database.db,
		keyring: createTestKeyring(),
		close: () => database.close(),
	}
}
