import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'

/**
 * Append-only, hash-chained audit trail: each entry's hash covers the previous entry's hash, so an
 * entry changed or removed in the database breaks the chain (`hocvuso audit verify`).
 */
export const auditLog = pgTable(
	'audit_log',
	{
		seq: bigserial({ mode: 'number' }).primaryKey(),
		at: timestamp({ withTimezone: true, mode: 'string' }).notNull(),
		wardId: uuid(),
		actorUserId: uuid(),
		actorLabel: text(),
		action: text().notNull(),
		entityType: text(),
		entityId: text(),
		ip: text(),
		requestId: text(),
		details: jsonb().$type<Record<string, unknown>>(),
		prevHash: text().notNull(),
		hash: text().notNull().unique(),
	},
	(t) => [
		index().on(t.entityType, t.entityId),
		index().on(t.actorUserId),
		index().on(t.at),
		index().on(t.action),
	],
)
