import type { JsonValue } from '#server/audit/canonical-json.ts'
import { computeAuditHash, GENESIS_HASH } from '#server/audit/record-audit.server.ts'
import type { DatabaseHandle } from '#server/db/client.server.ts'

export type AuditChainResult =
	| { ok: true; entries: number; headSeq: number | null; headHash: string }
	| {
			ok: false
			entries: number
			brokenSeq: number
			reason: 'hashMismatch' | 'prevHashMismatch'
			expected: string
			found: string
	  }

interface Row {
	seq: string | number
	at: string
	ward_id: string | null
	actor_user_id: string | null
	actor_label: string | null
	action: string
	entity_type: string | null
	entity_id: string | null
	ip: string | null
	request_id: string | null
	details: Record<string, JsonValue> | string | null
	prev_hash: string
	hash: string
}

const BATCH = 2000

/**
 * Walks the audit trail in order and recomputes every hash. Reports the first entry whose content
 * no longer matches its hash, or whose link to its predecessor is broken (an entry removed or
 * inserted). Raw SQL so the timestamp is read back in exactly the form it was hashed in.
 */
export async function verifyAuditChain(database: DatabaseHandle): Promise<AuditChainResult> {
	let prevHash = GENESIS_HASH
	let lastSeq = 0
	let entries = 0
	for (;;) {
		const rows = await database.query<Row>(
			`select seq, to_char(at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as at, ward_id,
			        actor_user_id, actor_label, action, entity_type, entity_id, ip, request_id, details,
			        prev_hash, hash
			   from audit_log where seq > $1 order by seq limit ${BATCH}`,
			[lastSeq],
		)
		for (const row of rows) {
			const seq = Number(row.seq)
			if (row.prev_hash !== prevHash) {
				return {
					ok: false,
					entries,
					brokenSeq: seq,
					reason: 'prevHashMismatch',
					expected: prevHash,
					found: row.prev_hash,
				}
			}
			const expected = computeAuditHash(prevHash, {
				at: row.at,
				wardId: row.ward_id,
				actorUserId: row.actor_user_id,
				actorLabel: row.actor_label,
				action: row.action,
				entityType: row.entity_type,
				entityId: row.entity_id,
				ip: row.ip,
				requestId: row.request_id,
				details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
			})
			if (expected !== row.hash) {
				return { ok: false, entries, brokenSeq: seq, reason: 'hashMismatch', expected, found: row.hash }
			}
			prevHash = row.hash
			lastSeq = seq
			entries++
		}
		if (rows.length < BATCH) break
	}
	return { ok: true, entries, headSeq: entries > 0 ? lastSeq : null, headHash: prevHash }
}
