import type { Database } from '#server/db/client.server.ts'
import { bulkInsert } from '#server/demo/bulk-insert.server.ts'
import type { DemoResident, DemoWard } from '#server/demo/demo-ward-types.ts'
import { households, residents, residentTargetGroups } from '#server/people/schema.ts'
import { foldVietnamese } from '#server/people/search-name.ts'
import type { Keyring } from '#server/security/keyring.server.ts'
import { protectField } from '#server/security/personal-data.server.ts'
import { organizationMemberships, organizations, residentialGroups, wards } from '#server/ward/schema.ts'

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
 * memberships and manual target groups, 1,000 rows per statement. Run inside the seed's transaction.
 */
export async function insertDemoWard(
	db: Database,
	ward: DemoWard,
	residentRows: ResidentInsert[],
): Promise<void> {
	await bulkInsert(db, wards, [ward.ward])
	await bulkInsert(db, residentialGroups, ward.residentialGroups)
	await bulkInsert(db, households, ward.households)
	await bulkInsert(db, residents, residentRows)
	await bulkInsert(db, organizations, ward.organizations)
	await bulkInsert(db, organizationMemberships, ward.memberships)
	await bulkInsert(
		db,
		residentTargetGroups,
		ward.manualTargetGroups.map((row) => ({ ...row, source: 'manual' as const })),
	)
}
