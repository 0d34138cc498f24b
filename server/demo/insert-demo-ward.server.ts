import type { Database } from '#server/db/client.server.ts'
import type { DemoResident, DemoWard } from '#server/demo/demo-ward-types.ts'
import { households, residents, residentTargetGroups } from '#server/people/schema.ts'
import { foldVietnamese } from '#server/people/search-name.ts'
import type { Keyring } from '#server/security/keyring.server.ts'
import { protectField } from '#server/security/personal-data.server.ts'
import { organizationMemberships, organizations, residentialGroups, wards } from '#server/ward/schema.ts'

/** Rows per multi-row INSERT: about 20 columns × 1,000 rows stays well under PostgreSQL's 65,535 parameters. */
export const INSERT_CHUNK_SIZE = 1000

async function inChunks<T>(rows: readonly T[], insert: (chunk: T[]) => Promise<unknown>): Promise<void> {
	for (let start = 0; start < rows.length; start += INSERT_CHUNK_SIZE) {
		await insert(rows.slice(start, start + INSERT_CHUNK_SIZE))
	}
}

export type ResidentInsert = typeof residents.$inferInsert

/** Encrypts personal ID and phone (cipher + keyed hash) and folds the name for search. */
export function toResidentRow(keyring: Keyring, resident: DemoResident): ResidentInsert {
	const { personalId, phone, vneidUpdatedOn, ...rest } = resident
	const personal = protectField(keyring, 'personalId', personalId)
	const phoneField = phone === null ? null : protectField(keyring, 'phone', phone)
	return {
		...rest,
		searchName: foldVietnamese(resident.fullName),
		personalIdCipher: personal.cipher,
		personalIdHash: personal.hash,
		phoneCipher: phoneField?.cipher ?? null,
		phoneHash: phoneField?.hash ?? null,
		vneidUpdatedAt: vneidUpdatedOn === null ? null : new Date(`${vneidUpdatedOn}T09:00:00+07:00`),
	}
}

/**
 * Inserts the generated ward, groups, households, residents (already protected), organisations,
 * memberships and manual target groups, in multi-row chunks. Run inside the seed's transaction.
 */
export async function insertDemoWard(
	db: Database,
	ward: DemoWard,
	residentRows: ResidentInsert[],
): Promise<void> {
	await db.insert(wards).values(ward.ward)
	await db.insert(residentialGroups).values(ward.residentialGroups)
	await inChunks(ward.households, (chunk) => db.insert(households).values(chunk))
	await inChunks(residentRows, (chunk) => db.insert(residents).values(chunk))
	// Parents first: party cells and teams point at the committees through parentId.
	await inChunks(ward.organizations, (chunk) => db.insert(organizations).values(chunk))
	await inChunks(ward.memberships, (chunk) => db.insert(organizationMemberships).values(chunk))
	await inChunks(ward.manualTargetGroups, (chunk) =>
		db.insert(residentTargetGroups).values(chunk.map((row) => ({ ...row, source: 'manual' as const }))),
	)
}
