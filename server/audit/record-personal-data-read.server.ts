import type { JsonValue } from '#server/audit/canonical-json.ts'
import { type AuditActor, recordAudit } from '#server/audit/record-audit.server.ts'
import type { Database } from '#server/db/client.server.ts'

export interface RequestAuditContext {
	actor: AuditActor
	ip: string | null
	requestId: string | null
}

/**
 * Records a read of personal data in bulk — a list page, a search, a drill-down behind an indicator,
 * an export — as Decree 13/2023/NĐ-CP requires. Call it from the loader that returns the list, with
 * what was asked (filters, never search text that could be a name or a number) and how many rows.
 */
export async function recordBulkPersonalDataRead(
	db: Database,
	context: RequestAuditContext,
	input: {
		/** What the list is, e.g. 'residents.list', 'indicator.drillDown', 'residents.export'. */
		purpose: string
		entityType: string
		rowCount: number
		filters?: Record<string, JsonValue | undefined>
		/** Exports are recorded as 'personalData.export', other reads as 'personalData.bulkRead'. */
		export?: boolean
	},
): Promise<void> {
	await recordAudit(db, {
		...context,
		action: input.export ? 'personalData.export' : 'personalData.bulkRead',
		entityType: input.entityType,
		details: { purpose: input.purpose, rowCount: input.rowCount, filters: input.filters ?? {} },
	})
}
