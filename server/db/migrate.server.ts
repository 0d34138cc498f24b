import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator'
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator'
import type { DatabaseHandle } from '#server/db/client.server.ts'

export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle')

interface JournalEntry {
	tag: string
	when: number
}

function readJournal(): JournalEntry[] {
	const journal = JSON.parse(fs.readFileSync(path.join(migrationsFolder, 'meta/_journal.json'), 'utf8'))
	return journal.entries as JournalEntry[]
}

/** Applies pending migrations with Drizzle's programmatic migrator (the client has the extensions loaded). */
export async function migrateDatabase(handle: DatabaseHandle): Promise<void> {
	const config = { migrationsFolder }
	if (handle.kind === 'pglite') await migratePglite(handle.db as never, config)
	else await migrateNodePg(handle.db as never, config)
}

export interface MigrationState {
	applied: number
	available: number
	latest: string | null
	upToDate: boolean
}

/** Compares the migrations recorded in the database with those shipped in this build. */
export async function readMigrationState(handle: DatabaseHandle): Promise<MigrationState> {
	const entries = readJournal()
	let applied = 0
	let lastCreatedAt = 0
	try {
		const rows = await handle.query<{ count: string | number; last: string | number | null }>(
			'select count(*) as count, max(created_at) as last from drizzle.__drizzle_migrations',
		)
		applied = Number(rows[0]?.count ?? 0)
		lastCreatedAt = Number(rows[0]?.last ?? 0)
	} catch {
		applied = 0
	}
	const latest = entries.findLast((e) => e.when <= lastCreatedAt)?.tag ?? null
	return { applied, available: entries.length, latest, upToDate: applied >= entries.length }
}
