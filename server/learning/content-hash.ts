import crypto from 'node:crypto'
import { canonicalJson } from '#server/audit/canonical-json.ts'

/**
 * The content version hash: SHA-256 of the canonical JSON (keys sorted) of an entity's data, so the same
 * content always has the same hash whatever the order of its fields or where it came from.
 */
export function contentHashOf(data: unknown): string {
	return crypto.createHash('sha256').update(canonicalJson(data)).digest('hex')
}
