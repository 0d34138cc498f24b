/** JSON values an audit entry's details may hold (what jsonb gives back unchanged). */
export type JsonValue =
	| string
	| number
	| boolean
	| null
	| JsonValue[]
	| { [key: string]: JsonValue | undefined }

/**
 * JSON with object keys sorted at every level and no whitespace, so the same value always gives the
 * same text — what the audit hash chain is computed over. Undefined members are left out (as JSON
 * does); non-finite numbers are refused because jsonb cannot store them.
 */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value)
	if (typeof value === 'number') {
		if (!Number.isFinite(value)) throw new Error('canonicalJson: non-finite number')
		return JSON.stringify(value)
	}
	if (Array.isArray(value))
		return `[${value.map((v) => (v === undefined ? 'null' : canonicalJson(v))).join(',')}]`
	if (typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
	}
	throw new Error(`canonicalJson: unsupported ${typeof value}`)
}
