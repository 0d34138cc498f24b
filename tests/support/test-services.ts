import crypto from 'node:crypto'
import fs from 'node:fs'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import { inject } from 'vitest'
import type { AppServices } from '#server/app-services.server.ts'
import { readEnv } from '#server/config/env.server.ts'
import { type Database, type DatabaseHandle, openDatabase } from '#server/db/client.server.ts'
import { migrateDatabase } from '#server/db/migrate.server.ts'
import * as schema from '#server/db/schema.ts'
import { createTestKeyring } from '#server/security/keyring.server.ts'
import { withDatabase } from '#tests/support/postgres-cluster.ts'
import type {} from '#tests/support/provided-context.ts'

export interface TestServices extends AppServices {
	close(): Promise<void>
}

export type TestEngine = 'pglite' | 'postgres'

/** The engine this test run uses: HOCVUSO_TEST_ENGINE, set by the Vitest project (`pglite` by default). */
export function testEngine(): TestEngine {
	const engine = process.env.HOCVUSO_TEST_ENGINE ?? 'pglite'
	if (engine !== 'pglite' && engine !== 'postgres') {
		throw new Error(`HOCVUSO_TEST_ENGINE must be pglite or postgres, not ${engine}`)
	}
	return engine
}

/**
 * A fresh, migrated database for one test file, on the engine chosen by HOCVUSO_TEST_ENGINE:
 * `pglite` (in memory, loaded from a template migrated once) or `postgres` (a database of the
 * throwaway test cluster cloned from its migrated template, dropped on close). Call it in
 * `beforeAll` and `close()` in `afterAll`.
 */
export async function createTestServices(): Promise<TestServices> {
	const engine = testEngine()
	return engine === 'postgres' ? await createPostgresServices() : await createPgliteServices()
}

async function createPgliteServices(): Promise<TestServices> {
	const database = await openPgliteFromTemplate()
	const env = readEnv({ NODE_ENV: 'test', DATA_DIR: 'memory' })
	return { env, database, db: database.db, keyring: createTestKeyring(), close: () => database.close() }
}

/**
 * Loads the template dumped by the project's globalSetup. Outside that project (a file run with a
 * bare Vitest config), falls back to migrating an empty in-memory database.
 */
async function openPgliteFromTemplate(): Promise<DatabaseHandle> {
	const templateFile = safeInject('pgliteTemplate')
	if (!templateFile) {
		const database = await openDatabase({ dataDir: 'memory://' })
		await migrateDatabase(database)
		return database
	}
	// Mirrors the PGlite branch of openDatabase (server/db/client.server.ts), plus loadDataDir.
	const client = await PGlite.create('memory://', {
		loadDataDir: new Blob([fs.readFileSync(templateFile)]),
		extensions: { unaccent, pg_trgm },
	})
	const db = drizzlePglite({ client, schema, casing: 'snake_case' }) as unknown as Database
	return {
		db,
		kind: 'pglite',
		pglite: client,
		async query(text, params) {
			const result = await client.query(text, params as unknown[])
			return result.rows as never
		},
		close: () => client.close(),
	}
}

async function createPostgresServices(): Promise<TestServices> {
	const server = safeInject('postgres')
	if (!server) {
		throw new Error(
			'HOCVUSO_TEST_ENGINE=postgres but no test cluster was provided: run through the `postgres` Vitest project (npx vitest --project postgres).',
		)
	}
	const name = `hocvuso_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`
	await adminQuery(server.adminUrl, `create database "${name}" template "${server.templateDatabase}"`)
	const databaseUrl = withDatabase(server.adminUrl, name)
	const database = await openDatabase({ databaseUrl, poolSize: 4 })
	const env = readEnv({ NODE_ENV: 'test', DATA_DIR: 'memory', DATABASE_URL: databaseUrl })
	let closed = false
	return {
		env,
		database,
		db: database.db,
		keyring: createTestKeyring(),
		async close() {
			if (closed) return
			closed = true
			await closePoolCompletely(database)
			await adminQuery(server.adminUrl, `drop database if exists "${name}" with (force)`)
		},
	}
}

/**
 * pg's `pool.end()` resolves once its clients are told to end, before their connections have
 * closed; dropping the database `with (force)` in that gap kills them, and the pool reports
 * "terminating connection due to administrator command" as an error. Wait for every client to go.
 */
async function closePoolCompletely(database: DatabaseHandle): Promise<void> {
	const pool = database.pool
	let remaining = pool?.totalCount ?? 0
	const gone = new Promise<void>((resolve) => {
		if (!pool || remaining === 0) return resolve()
		pool.on('remove', () => {
			remaining -= 1
			if (remaining <= 0) resolve()
		})
	})
	await database.close()
	await gone
}

/** Runs one statement as the cluster's administrator (outside the app's pool). */
export async function adminQuery(adminUrl: string, sql: string): Promise<void> {
	const client = new pg.Client({ connectionString: adminUrl })
	await client.connect()
	try {
		await client.query(sql)
	} finally {
		await client.end()
	}
}

function safeInject<K extends 'postgres' | 'pgliteTemplate'>(
	key: K,
): ReturnType<typeof inject<K>> | undefined {
	try {
		return inject(key)
	} catch {
		return undefined
	}
}
