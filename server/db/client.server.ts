import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm'
import { unaccent } from '@electric-sql/pglite/contrib/unaccent'
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres'
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core'
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite'
import pg from 'pg'
import * as schema from '#server/db/schema.ts'

export type Schema = typeof schema
/** The one database type the domains use, whichever engine is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>
export type DatabaseKind = 'pglite' | 'postgres'

export interface DatabaseHandle {
	db: Database
	kind: DatabaseKind
	/** Runs raw SQL with parameters; for the job queue and operational commands. */
	query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>
	close(): Promise<void>
	/** The PGlite instance, when the engine is embedded (backups use its data-folder dump). */
	pglite?: PGlite
	pool?: pg.Pool
}

export interface OpenDatabaseOptions {
	databaseUrl?: string
	/** PGlite data folder; `memory://` keeps it in memory (tests). */
	dataDir?: string
	poolSize?: number
}

/** Opens PostgreSQL when a URL is given, otherwise the embedded PGlite database. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
	if (options.databaseUrl) {
		const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 })
		pool.on('error', (error) => console.error('PostgreSQL pool error', error.message))
		// PostgreSQL's JIT spends longer compiling our wide statements (indicators, filtered lists over a
		// ward's residents) than running them: 3.2 s with it, 1.15 s without for the indicators of a
		// 100,000-resident ward. Off for every connection the app opens (queued before its first query).
		pool.on('connect', (client) => {
			client.query('set jit = off').catch((error: Error) => console.error('set jit = off', error.message))
		})
		const db = drizzleNodePg({ client: pool, schema, casing: 'snake_case' }) as unknown as Database
		return {
			db,
			kind: 'postgres',
			pool,
			async query(text, params) {
				const result = await pool.query(text, params as unknown[])
				return result.rows
			},
			close: () => pool.end(),
		}
	}
	const dataDir = options.dataDir ?? 'memory://'
	if (!dataDir.startsWith('memory://')) fs.mkdirSync(path.dirname(path.resolve(dataDir)), { recursive: true })
	const client = await PGlite.create(dataDir, { extensions: { unaccent, pg_trgm } })
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
