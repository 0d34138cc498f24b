import type { Database } from '#server/db/client.server.ts'

/**
 * A query prepared once per database handle, for the few that every page runs: Drizzle builds its SQL
 * text and result mapping once instead of on every call, and PostgreSQL (a named statement) parses and
 * plans it once per connection. What it keeps is compiled SQL, never data. Values go in through
 * sql.placeholder('name') and `.execute({ name: value })`.
 */
export function preparedPerDatabase<T>(prepare: (db: Database) => T): (db: Database) => T {
	const prepared = new WeakMap<Database, T>()
	return (db) => {
		let query = prepared.get(db)
		if (query === undefined) {
			query = prepare(db)
			prepared.set(db, query)
		}
		return query
	}
}
