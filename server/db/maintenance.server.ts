import type { DatabaseHandle } from '#server/db/client.server.ts'

/**
 * Refreshes the planner's statistics and the visibility map. PGlite has no autovacuum (it is one
 * process), so without this a freshly seeded or imported table looks empty to the planner and
 * every list falls back to scanning and sorting the whole ward. Run after bulk loads and nightly.
 */
export async function refreshStatistics(database: DatabaseHandle, tables: string[] = []): Promise<void> {
	if (tables.some((t) => !/^[a-z_]+$/.test(t))) throw new Error('invalid table name')
	await database.query(tables.length > 0 ? `vacuum (analyze) ${tables.join(', ')}` : 'vacuum (analyze)')
}
