import type { DatabaseHandle } from '#server/db/client.server.ts'

/** Everything a restore must give back, in a form two databases can be compared by. */
export interface DatabaseContents {
	/** "schema.table" → every row as PostgreSQL's text form of the record, sorted. */
	tables: Record<string, string[]>
	sequences: Record<string, string | null>
	indexes: string[]
	triggers: string[]
	extensions: string[]
}

export const BACKED_UP_SCHEMAS = ['public', 'drizzle', 'pgboss']

/**
 * Reads every row of every table (partitions included, partitioned parents skipped so no row is read
 * twice), every sequence's position, and the indexes, triggers and extensions that make the schema.
 */
export async function readDatabaseContents(database: DatabaseHandle): Promise<DatabaseContents> {
	const schemas = BACKED_UP_SCHEMAS.map((s) => `'${s}'`).join(', ')
	const tables = await database.query<{ schema: string; name: string }>(
		`select n.nspname as schema, c.relname as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
		 where c.relkind = 'r' and n.nspname in (${schemas}) order by 1, 2`,
	)
	const contents: DatabaseContents = { tables: {}, sequences: {}, indexes: [], triggers: [], extensions: [] }
	for (const table of tables) {
		const rows = await database.query<{ row: string }>(
			`select t::text as row from "${table.schema}"."${table.name}" t order by 1`,
		)
		contents.tables[`${table.schema}.${table.name}`] = rows.map((r) => r.row)
	}
	const sequences = await database.query<{ schema: string; name: string; last: string | null }>(
		`select schemaname as schema, sequencename as name, last_value::text as last from pg_sequences
		 where schemaname in (${schemas}) order by 1, 2`,
	)
	for (const s of sequences) contents.sequences[`${s.schema}.${s.name}`] = s.last
	contents.indexes = (
		await database.query<{ def: string }>(
			`select indexdef as def from pg_indexes where schemaname in (${schemas}) order by 1`,
		)
	).map((r) => r.def)
	contents.triggers = (
		await database.query<{ name: string }>(
			`select c.relname || '.' || t.tgname as name from pg_trigger t join pg_class c on c.oid = t.tgrelid
			 join pg_namespace n on n.oid = c.relnamespace where not t.tgisinternal and n.nspname in (${schemas}) order by 1`,
		)
	).map((r) => r.name)
	contents.extensions = (
		await database.query<{ name: string }>('select extname as name from pg_extension order by 1')
	).map((r) => r.name)
	return contents
}
