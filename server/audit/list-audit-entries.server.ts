import { and, count, desc, eq, gte, ilike, isNull, lt, or, type SQL } from 'drizzle-orm'
import { auditLog } from '#server/audit/schema.ts'
import type { Database } from '#server/db/client.server.ts'

export interface AuditQuery {
	wardId: string
	action?: string
	/** Part of the actor's username. */
	actor?: string
	/** Inclusive dates (YYYY-MM-DD) in Vietnam time. */
	from?: string
	to?: string
	page: number
	pageSize: number
}

export interface AuditListItem {
	seq: number
	at: string
	actorLabel: string | null
	action: string
	entityType: string | null
	entityId: string | null
	ip: string | null
	details: Record<string, unknown> | null
}

// Dates in the filter are the ward's calendar days (Vietnam does not observe daylight saving).
const WARD_UTC_OFFSET = '+07:00'

/** One page of the ward's audit trail, newest first, with the total for pagination. */
export async function listAuditEntries(
	db: Database,
	query: AuditQuery,
): Promise<{ items: AuditListItem[]; total: number }> {
	const conditions: SQL[] = [or(eq(auditLog.wardId, query.wardId), isNull(auditLog.wardId)) as SQL]
	if (query.action) conditions.push(eq(auditLog.action, query.action))
	if (query.actor) {
		const escaped = query.actor.replace(/[%_\\]/g, (c) => `\\${c}`)
		conditions.push(ilike(auditLog.actorLabel, `%${escaped}%`))
	}
	if (query.from) conditions.push(gte(auditLog.at, `${query.from}T00:00:00${WARD_UTC_OFFSET}`))
	if (query.to) {
		const next = new Date(`${query.to}T00:00:00${WARD_UTC_OFFSET}`)
		next.setUTCDate(next.getUTCDate() + 1)
		conditions.push(lt(auditLog.at, next.toISOString()))
	}
	const where = and(...conditions)
	const [items, totals] = await Promise.all([
		db
			.select({
				seq: auditLog.seq,
				at: auditLog.at,
				actorLabel: auditLog.actorLabel,
				action: auditLog.action,
				entityType: auditLog.entityType,
				entityId: auditLog.entityId,
				ip: auditLog.ip,
				details: auditLog.details,
			})
			.from(auditLog)
			.where(where)
			.orderBy(desc(auditLog.seq))
			.limit(query.pageSize)
			.offset((query.page - 1) * query.pageSize),
		db.select({ n: count() }).from(auditLog).where(where),
	])
	return { items, total: totals[0]?.n ?? 0 }
}

/** The distinct actions present, for the filter's list. */
export async function listAuditActionsInUse(db: Database): Promise<string[]> {
	const rows = await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action)
	return rows.map((r) => r.action)
}
