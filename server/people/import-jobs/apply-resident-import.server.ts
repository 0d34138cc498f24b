import crypto from 'node:crypto'
import { sql } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import type { AuditActor } from '#server/audit/record-audit.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { bulkInsert, INSERT_CHUNK_SIZE } from '#server/demo/bulk-insert.server.ts'
import type {
	PlannedResidentRow,
	ResidentImportPlan,
} from '#server/people/import-jobs/prepare-resident-import.server.ts'
import { rowsOf } from '#server/people/import-jobs/rows-of.ts'
import { refreshDerivedTargetGroups } from '#server/people/refresh-target-groups.server.ts'
import { households, residents } from '#server/people/schema.ts'
import { protectField } from '#server/security/personal-data.server.ts'

export interface ApplyResidentImportOptions {
	wardId: string
	actor: AuditActor
	batchId?: string
	/** "YYYY-MM-DD" for the derived target groups. */
	today: string
	/** Called after every chunk of written rows, inside the transaction: throwing rolls everything back. */
	onProgress?: (done: number, total: number) => void | Promise<void>
}

export interface ApplyResidentImportResult {
	created: number
	updated: number
	unchanged: number
	households: number
}

/** The household a row belongs to: its number, or for a sheet without numbers the head's row ("Tổ 5!12"). */
function householdCodeOf(p: PlannedResidentRow): string | undefined {
	return p.row.record.householdCode ?? p.row.record.householdKey
}

async function ensureHouseholds(
	tx: Database,
	wardId: string,
	rows: readonly PlannedResidentRow[],
): Promise<{ idByCode: Map<string, string>; created: number }> {
	const wanted = new Map<string, { groupId: string; address?: string }>()
	for (const p of rows) {
		const code = householdCodeOf(p)
		if (code && !wanted.has(code))
			wanted.set(code, { groupId: p.residentialGroupId, address: p.row.record.address })
	}
	const idByCode = new Map<string, string>()
	if (wanted.size === 0) return { idByCode, created: 0 }
	const codes = JSON.stringify([...wanted.keys()])
	const existing = rowsOf<{ id: string; code: string }>(
		await tx.execute(
			sql`select id, code from household where ward_id = ${wardId} and code in (select jsonb_array_elements_text(${codes}::jsonb))`,
		),
	)
	for (const row of existing) idByCode.set(row.code, row.id)
	const missing: (typeof households.$inferInsert)[] = []
	for (const [code, { groupId, address }] of wanted) {
		if (idByCode.has(code)) continue
		const id = crypto.randomUUID()
		idByCode.set(code, id)
		missing.push({ id, wardId, residentialGroupId: groupId, code, address: address ?? null })
	}
	await bulkInsert(tx, households, missing)
	return { idByCode, created: missing.length }
}

function protect(services: AppServices, kind: 'personalId' | 'phone', value: string | undefined) {
	return value === undefined ? { cipher: null, hash: null } : protectField(services.keyring, kind, value)
}

/**
 * Writes an import plan in ONE transaction: households by number (created in the row's residential group
 * when new), new residents, changed fields of matched residents (a blank cell never erases), derived target
 * groups recomputed, and one audit entry with the counts. Any failure — a constraint, a thrown progress
 * callback — rolls everything back. Personal IDs and phones are stored encrypted with their keyed hash.
 */
export async function applyResidentImport(
	services: AppServices,
	plan: ResidentImportPlan,
	options: ApplyResidentImportOptions,
): Promise<ApplyResidentImportResult> {
	const toCreate = plan.planned.filter((p) => p.class === 'new')
	const toUpdate = plan.planned.filter((p) => p.class === 'updated')
	const total = toCreate.length + toUpdate.length
	return services.db.transaction(async (tx) => {
		const { idByCode, created: householdsCreated } = await ensureHouseholds(tx, options.wardId, [
			...toCreate,
			...toUpdate.filter((p) => p.changedFields.includes('householdCode')),
		])
		let done = 0
		for (let start = 0; start < toCreate.length; start += INSERT_CHUNK_SIZE) {
			const chunk = toCreate.slice(start, start + INSERT_CHUNK_SIZE).map((p) => {
				const r = p.row.record
				const personalId = protect(services, 'personalId', r.personalId)
				const phone = protect(services, 'phone', r.phone)
				const code = householdCodeOf(p)
				return {
					wardId: options.wardId,
					householdId: code ? (idByCode.get(code) ?? null) : null,
					residentialGroupId: p.residentialGroupId,
					fullName: r.fullName,
					searchName: r.searchName,
					sex: r.sex,
					birthDate: r.birthDate ?? null,
					birthYear: r.birthYear,
					personalIdCipher: personalId.cipher,
					personalIdHash: personalId.hash,
					phoneCipher: phone.cipher,
					phoneHash: phone.hash,
					relationToHead: r.relationToHead ?? (r.isHouseholdHead ? 'Chủ hộ' : null),
					ethnicity: r.ethnicity ?? 'Kinh',
					occupation: r.occupation ?? null,
					vneidLevel: r.vneidLevel ?? 0,
				} satisfies typeof residents.$inferInsert
			})
			await bulkInsert(tx, residents, chunk)
			done += chunk.length
			await options.onProgress?.(done, total)
		}
		for (let start = 0; start < toUpdate.length; start += INSERT_CHUNK_SIZE) {
			const chunk = toUpdate.slice(start, start + INSERT_CHUNK_SIZE).map((p) => {
				const r = p.row.record
				const changed = new Set(p.changedFields)
				const phone = changed.has('phone')
					? protect(services, 'phone', r.phone)
					: { cipher: null, hash: null }
				const code = changed.has('householdCode') ? householdCodeOf(p) : undefined
				return {
					id: p.residentId,
					household_id: code ? (idByCode.get(code) ?? null) : null,
					residential_group_id: changed.has('residentialGroup') ? p.residentialGroupId : null,
					full_name: changed.has('fullName') ? r.fullName : null,
					search_name: changed.has('fullName') ? r.searchName : null,
					sex: changed.has('sex') ? r.sex : null,
					birth_date: changed.has('birthDate') ? r.birthDate : null,
					birth_year: changed.has('birthYear') ? r.birthYear : null,
					phone_cipher: phone.cipher,
					phone_hash: phone.hash,
					relation_to_head: changed.has('relationToHead') ? r.relationToHead : null,
					ethnicity: changed.has('ethnicity') ? r.ethnicity : null,
					occupation: changed.has('occupation') ? r.occupation : null,
					vneid_level: changed.has('vneidLevel') ? r.vneidLevel : null,
				}
			})
			await tx.execute(sql`update resident r set
				household_id = coalesce(v.household_id, r.household_id),
				residential_group_id = coalesce(v.residential_group_id, r.residential_group_id),
				full_name = coalesce(v.full_name, r.full_name),
				search_name = coalesce(v.search_name, r.search_name),
				sex = coalesce(v.sex, r.sex),
				birth_date = coalesce(v.birth_date, r.birth_date),
				birth_year = coalesce(v.birth_year, r.birth_year),
				phone_cipher = coalesce(v.phone_cipher, r.phone_cipher),
				phone_hash = coalesce(v.phone_hash, r.phone_hash),
				relation_to_head = coalesce(v.relation_to_head, r.relation_to_head),
				ethnicity = coalesce(v.ethnicity, r.ethnicity),
				occupation = coalesce(v.occupation, r.occupation),
				vneid_level = coalesce(v.vneid_level, r.vneid_level),
				version = r.version + 1,
				updated_at = now()
				from json_populate_recordset(null::resident, ${JSON.stringify(chunk)}::json) v
				where r.id = v.id and r.ward_id = ${options.wardId}`)
			// The household's address is compared too: a changed one is written to the household.
			const addresses = toUpdate
				.slice(start, start + INSERT_CHUNK_SIZE)
				.filter((p) => p.changedFields.includes('address') && p.row.record.address)
				.map((p) => ({ id: p.residentId, address: p.row.record.address }))
			if (addresses.length > 0) {
				await tx.execute(sql`update household h set address = v.address, version = h.version + 1, updated_at = now()
					from json_to_recordset(${JSON.stringify(addresses)}::json) as v(id uuid, address text), resident r
					where r.id = v.id and h.id = r.household_id`)
			}
			done += chunk.length
			await options.onProgress?.(done, total)
		}
		if (total > 0) await refreshDerivedTargetGroups(tx, { asOf: options.today, wardId: options.wardId })
		const result = {
			created: toCreate.length,
			updated: toUpdate.length,
			unchanged: plan.counts.unchanged,
			households: householdsCreated,
		}
		await recordAudit(tx, {
			actor: options.actor,
			action: 'residents.imported',
			entityType: 'importBatch',
			entityId: options.batchId ?? null,
			details: { ...result, rejected: plan.counts.rejected, skipped: plan.counts.skipped },
		})
		return result
	})
}
