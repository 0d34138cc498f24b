import { and, eq, max, sql } from 'drizzle-orm'
import type { AuditActor } from '#server/audit/record-audit.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import type { Database } from '#server/db/client.server.ts'
import type { IndicatorFormValue } from '#server/indicators/indicator-form.ts'
import { indicatorDefinitions } from '#server/indicators/schema.ts'

export type SaveOutcome = 'created' | 'updated' | 'conflict' | 'codeTaken' | 'notFound'

/**
 * Creates an indicator or updates one, naming the version it read: if someone saved in between, nothing
 * changes and the editor says so. Audit-logged with the old and new definitions' versions. Snapshots
 * already taken keep the definition they were computed from.
 */
export async function saveIndicator(
	db: Database,
	input: {
		wardId: string
		/** Undefined: a new indicator. */
		existingCode?: string
		value: IndicatorFormValue
		audit: { actor: AuditActor; ip?: string | null; requestId?: string | null }
	},
): Promise<SaveOutcome> {
	const { value } = input
	return db.transaction(async (tx) => {
		if (input.existingCode === undefined) {
			const [{ last } = { last: 0 }] = await tx
				.select({ last: max(indicatorDefinitions.position) })
				.from(indicatorDefinitions)
				.where(eq(indicatorDefinitions.wardId, input.wardId))
			const created = await tx
				.insert(indicatorDefinitions)
				.values({
					wardId: input.wardId,
					code: value.code,
					position: (last ?? 0) + 1,
					name: value.name,
					explanation: value.explanation,
					spec: value.spec as unknown as Record<string, unknown>,
					archived: value.archived,
					updatedBy: input.audit.actor.userId,
				})
				.onConflictDoNothing()
				.returning({ id: indicatorDefinitions.id })
			if (created.length === 0) return 'codeTaken'
			await recordAudit(tx, {
				...input.audit,
				action: 'indicator.created',
				entityType: 'indicator',
				entityId: created[0]!.id,
				details: { code: value.code },
			})
			return 'created'
		}
		const updated = await tx
			.update(indicatorDefinitions)
			.set({
				name: value.name,
				explanation: value.explanation,
				spec: value.spec as unknown as Record<string, unknown>,
				archived: value.archived,
				version: sql`${indicatorDefinitions.version} + 1`,
				updatedBy: input.audit.actor.userId,
				updatedAt: new Date(),
			})
			.where(
				and(
					eq(indicatorDefinitions.wardId, input.wardId),
					eq(indicatorDefinitions.code, input.existingCode),
					eq(indicatorDefinitions.version, value.version),
				),
			)
			.returning({ id: indicatorDefinitions.id, version: indicatorDefinitions.version })
		if (updated.length === 0) {
			const exists = await tx.query.indicatorDefinitions.findFirst({
				where: and(
					eq(indicatorDefinitions.wardId, input.wardId),
					eq(indicatorDefinitions.code, input.existingCode),
				),
				columns: { id: true },
			})
			return exists ? 'conflict' : 'notFound'
		}
		await recordAudit(tx, {
			...input.audit,
			action: 'indicator.updated',
			entityType: 'indicator',
			entityId: updated[0]!.id,
			details: { code: input.existingCode, version: updated[0]!.version, archived: value.archived },
		})
		return 'updated'
	})
}
