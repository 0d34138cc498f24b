import crypto from 'node:crypto'
import { desc, sql } from 'drizzle-orm'
import { canonicalJson, type JsonValue } from '#server/audit/canonical-json.ts'
import { auditLog } from '#server/audit/schema.ts'
import type { Database } from '#server/db/client.server.ts'

/** prevHash of the first entry. */
export const GENESIS_HASH = '0'.repeat(64)
// One lock number for appends, held until the appending transaction ends: entries from several app
// servers are chained one after another, never both onto the same predecessor.
const AUDIT_APPEND_LOCK = 7_310_463_001

export interface AuditActor {
	userId: string | null
	/** Username or a system name such as `cli`; never a personal identifier. */
	label: string | null
	wardId: string | null
}

export interface AuditEntryInput {
	actor: AuditActor
	action: string
	entityType?: string | null
	entityId?: string | null
	ip?: string | null
	requestId?: string | null
	/** Ids, counts, reasons, field names — never a personal ID, phone number or address in clear. */
	details?: Record<string, JsonValue | undefined>
}

/** The fields the hash covers, in the form they are stored. */
export interface AuditHashedFields {
	at: string
	wardId: string | null
	actorUserId: string | null
	actorLabel: string | null
	action: string
	entityType: string | null
	entityId: string | null
	ip: string | null
	requestId: string | null
	details: Record<string, JsonValue> | null
}

/** SHA-256 over the previous entry's hash and the canonical JSON of this entry. */
export function computeAuditHash(prevHash: string, fields: AuditHashedFields): string {
	return crypto
		.createHash('sha256')
		.update(`${prevHash}\n${canonicalJson(fields)}`)
		.digest('hex')
}

/**
 * Appends an entry to the hash-chained audit trail. Pass the transaction of the change being
 * audited when there is one, so the entry and the change commit (or roll back) together.
 */
export async function recordAudit(
	db: Database,
	input: AuditEntryInput,
): Promise<{ seq: number; hash: string }> {
	const details = input.details
		? (JSON.parse(canonicalJson(input.details)) as Record<string, JsonValue>)
		: null
	if (details) assertNoPersonalData(details)
	const fields: AuditHashedFields = {
		at: new Date().toISOString(),
		// uuid columns come back lower-case: hash them that way.
		wardId: input.actor.wardId?.toLowerCase() ?? null,
		actorUserId: input.actor.userId?.toLowerCase() ?? null,
		actorLabel: input.actor.label,
		action: input.action,
		entityType: input.entityType ?? null,
		entityId: input.entityId ?? null,
		ip: input.ip ?? null,
		requestId: input.requestId ?? null,
		details,
	}
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`)
		const [last] = await tx
			.select({ hash: auditLog.hash })
			.from(auditLog)
			.orderBy(desc(auditLog.seq))
			.limit(1)
		const prevHash = last?.hash ?? GENESIS_HASH
		const hash = computeAuditHash(prevHash, fields)
		const [row] = await tx
			.insert(auditLog)
			.values({ ...fields, prevHash, hash })
			.returning({ seq: auditLog.seq })
		return { seq: row?.seq ?? 0, hash }
	})
}

// 9 or more digits in a row look like a personal ID (12) or a phone number (10): refuse them, so a
// careless `details` cannot copy personal data into a table that can never be cleaned.
const LOOKS_PERSONAL = /\d{9,}/

function assertNoPersonalData(value: JsonValue | undefined, path = 'details'): void {
	if (typeof value === 'string' && LOOKS_PERSONAL.test(value.replace(/[\s.-]/g, ''))) {
		if (!/^[0-9a-f-]{36}$/i.test(value)) throw new Error(`Audit ${path} looks like personal data`)
	}
	if (Array.isArray(value)) {
		for (const [i, v] of value.entries()) assertNoPersonalData(v, `${path}[${i}]`)
	} else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) assertNoPersonalData(v, `${path}.${k}`)
	}
}
