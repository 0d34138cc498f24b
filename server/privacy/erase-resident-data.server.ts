import { and, eq, getTableColumns, inArray, isNull, sql } from 'drizzle-orm'
import { getTableConfig, type PgColumn } from 'drizzle-orm/pg-core'
import type { AppServices } from '#server/app-services.server.ts'
import { type AuditActor, recordAudit } from '#server/audit/record-audit.server.ts'
import { sessions, users } from '#server/identity/schema.ts'
import { residents, residentTargetGroups } from '#server/people/schema.ts'
import { clearOnErasure, sensitiveTargetGroups } from '#server/privacy/erasure-columns.ts'
import { residentLinks } from '#server/privacy/resident-links.ts'

/** What an erased person's name becomes: the row stays so counts and history stay true. */
export const ERASED_NAME = 'Người đã xóa dữ liệu'

export type EraseOutcome = 'erased' | 'alreadyErased' | 'notFound' | 'conflict'

/**
 * Erases a resident's personal data on request (Decree 13/2023/NĐ-CP, Art. 16) without deleting the
 * records the ward must keep: the registry row keeps only what statistics need (sex, year of birth,
 * residential group, status, VNeID level); name, date of birth, personal ID, phone, ethnicity,
 * disability, occupation and relation to the household head are blanked, sensitive target groups
 * removed, free text in linked tables cleared (erasure-columns.ts), a linked account disabled and
 * signed out. One transaction; the audit entry keeps who did it and why, never who it was.
 */
export async function eraseResidentData(
	services: Pick<AppServices, 'db'>,
	input: { wardId: string; residentId: string; expectedVersion: number; actor: AuditActor; reason: string },
): Promise<EraseOutcome> {
	return services.db.transaction(async (tx) => {
		const [resident] = await tx
			.select({ id: residents.id, version: residents.version, anonymisedAt: residents.anonymisedAt })
			.from(residents)
			.where(and(eq(residents.id, input.residentId), eq(residents.wardId, input.wardId)))
			.for('update')
		if (!resident) return 'notFound'
		if (resident.anonymisedAt) return 'alreadyErased'
		if (resident.version !== input.expectedVersion) return 'conflict'

		// Free text in the linked tables first: the links are found from the resident's rows.
		const rowsByTable = new Map<string, Record<string, unknown>[]>([['resident', [{ id: resident.id }]]])
		for (const link of residentLinks()) {
			const keys = [
				...new Set((rowsByTable.get(link.parent) ?? []).map((row) => row[link.parentKey])),
			].filter((key): key is string => typeof key === 'string')
			if (keys.length === 0) continue
			const config = getTableConfig(link.table)
			const columns = Object.entries(getTableColumns(link.table))
			const idColumn = columns.find(([key]) => key === 'id')?.[1]
			const rows = (await tx
				.select(Object.fromEntries(columns.filter(([key, c]) => key === 'id' || isForeignKey(config, c))))
				.from(link.table)
				.where(inArray(link.column, keys))) as Record<string, unknown>[]
			rowsByTable.set(link.name, [...(rowsByTable.get(link.name) ?? []), ...rows])
			const clear = clearOnErasure[link.name] ?? []
			if (clear.length === 0 || rows.length === 0) continue
			await tx
				.update(link.table)
				.set(Object.fromEntries(clear.map((key) => [key, null])))
				.where(
					idColumn
						? inArray(
								idColumn,
								rows.map((row) => row.id as string),
							)
						: inArray(link.column, keys),
				)
		}

		const accounts = await tx
			.update(users)
			.set({ status: 'disabled', displayName: ERASED_NAME })
			.where(eq(users.residentId, resident.id))
			.returning({ id: users.id })
		if (accounts.length > 0)
			await tx.delete(sessions).where(
				inArray(
					sessions.userId,
					accounts.map((a) => a.id),
				),
			)
		await tx
			.delete(residentTargetGroups)
			.where(
				and(
					eq(residentTargetGroups.residentId, resident.id),
					inArray(residentTargetGroups.targetGroupCode, [...sensitiveTargetGroups]),
				),
			)
		await tx
			.update(residents)
			.set({
				fullName: ERASED_NAME,
				searchName: 'nguoi da xoa du lieu',
				birthDate: null,
				personalIdCipher: null,
				personalIdHash: null,
				phoneCipher: null,
				phoneHash: null,
				relationToHead: null,
				ethnicity: '',
				hasDisability: false,
				occupation: null,
				anonymisedAt: sql`now()`,
				version: sql`${residents.version} + 1`,
				updatedAt: sql`now()`,
			})
			.where(and(eq(residents.id, resident.id), isNull(residents.anonymisedAt)))
		await recordAudit(tx, {
			actor: input.actor,
			action: 'resident.erased',
			entityType: 'resident',
			entityId: resident.id,
			details: { reason: input.reason.slice(0, 200), accountsDisabled: accounts.length },
		})
		return 'erased'
	})
}

function isForeignKey(config: ReturnType<typeof getTableConfig>, column: PgColumn): boolean {
	return config.foreignKeys.some((fk) => fk.reference().columns.includes(column))
}
