/** The rows of a `db.execute` result: both drivers answer `{ rows }`, which Drizzle's shared type leaves unknown. */
export function rowsOf<T>(result: unknown): T[] {
	return (result as { rows: T[] }).rows
}
