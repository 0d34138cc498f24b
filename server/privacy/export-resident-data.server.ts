import { and, eq, inArray } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import { auditLog } from '#server/audit/schema.ts'
import { households, residents } from '#server/people/schema.ts'
import { isSecretColumn, residentLinks } from '#server/privacy/resident-links.ts'
import { decryptField } from '#server/security/personal-data.server.ts'

export interface ResidentDataExport {
	/** What this file is, in both languages, for the person who receives it. */
	about: { vi: string; en: string }
	generatedAt: string
	resident: Record<string, unknown>
	household: Record<string, unknown> | null
	/** Rows of every table that holds data about the person, by table name. */
	records: Record<string, Record<string, unknown>[]>
	/** Who read or changed the person's record, and when (the audit trail's entries about them). */
	accessLog: { at: string; actor: string | null; action: string }[]
}

function plain(row: Record<string, unknown>): Record<string, unknown> {
	const out: Record<string, unknown> = {}
	for (const [key, value] of Object.entries(row)) {
		if (isSecretColumn(key)) continue
		out[key] = value instanceof Date ? value.toISOString() : value
	}
	return out
}

/**
 * Everything hocvuso holds about one resident, for a request under Decree 13/2023/NĐ-CP (Art. 9, 14):
 * the registry record with the personal ID and phone decrypted, the household, every linked table
 * (found from the schema, see resident-links.ts) and the audit entries about the person. Secrets and
 * look-up hashes are left out. Null when the ward has no such resident.
 */
export async function exportResidentData(
	services: Pick<AppServices, 'db' | 'keyring'>,
	input: { wardId: string; residentId: string },
): Promise<ResidentDataExport | null> {
	const { db, keyring } = services
	const [resident] = await db
		.select()
		.from(residents)
		.where(and(eq(residents.id, input.residentId), eq(residents.wardId, input.wardId)))
	if (!resident) return null
	const [household] = resident.householdId
		? await db.select().from(households).where(eq(households.id, resident.householdId))
		: []

	const rowsByTable = new Map<string, Record<string, unknown>[]>([['resident', [resident]]])
	const records: Record<string, Record<string, unknown>[]> = {}
	for (const link of residentLinks()) {
		const keys = [...new Set((rowsByTable.get(link.parent) ?? []).map((row) => row[link.parentKey]))].filter(
			(key): key is string => typeof key === 'string',
		)
		if (keys.length === 0) continue
		const rows = (await db.select().from(link.table).where(inArray(link.column, keys))) as Record<
			string,
			unknown
		>[]
		// A table reached twice (an oral assessment by the resident and by their learner record) once.
		const seen = new Set((rowsByTable.get(link.name) ?? []).map((row) => row.id))
		const fresh = rows.filter((row) => row.id === undefined || !seen.has(row.id))
		if (fresh.length === 0) continue
		rowsByTable.set(link.name, [...(rowsByTable.get(link.name) ?? []), ...fresh])
		records[link.name] = [...(records[link.name] ?? []), ...fresh.map(plain)]
	}

	const audit = await db
		.select({ at: auditLog.at, actor: auditLog.actorLabel, action: auditLog.action })
		.from(auditLog)
		.where(and(eq(auditLog.entityType, 'resident'), eq(auditLog.entityId, resident.id)))
		.orderBy(auditLog.at)
	return {
		about: {
			vi: 'Toàn bộ dữ liệu cá nhân phần mềm hocvuso của phường đang lưu về người này, xuất theo yêu cầu (Nghị định 13/2023/NĐ-CP).',
			en: 'All personal data the ward’s hocvuso holds about this person, exported on request (Decree 13/2023/NĐ-CP).',
		},
		generatedAt: new Date().toISOString(),
		resident: {
			...plain(resident),
			personalId: resident.personalIdCipher ? decryptField(keyring, resident.personalIdCipher) : null,
			phone: resident.phoneCipher ? decryptField(keyring, resident.phoneCipher) : null,
		},
		household: household ? plain(household) : null,
		records,
		accessLog: audit.map((entry) => ({ at: entry.at, actor: entry.actor, action: entry.action })),
	}
}
