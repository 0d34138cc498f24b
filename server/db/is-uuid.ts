const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * Whether a value (an id from the address bar, a form) can be compared with a uuid column. PostgreSQL
 * refuses anything else with an error, which would turn a mistyped or hostile address into a 500:
 * look-ups check this first and answer "not found".
 */
export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value)
}
