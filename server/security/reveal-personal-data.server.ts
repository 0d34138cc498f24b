import { eq } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import type { RequestAuditContext } from '#server/audit/record-personal-data-read.server.ts'
import type { Permission, PolicySubject } from '#server/identity/permissions.ts'
import { can } from '#server/identity/policy.server.ts'
import { loadResidentPolicyTarget } from '#server/identity/resident-policy-target.server.ts'
import { residents } from '#server/people/schema.ts'
import { decryptField, maskPersonalId, maskPhone } from '#server/security/personal-data.server.ts'

export type IdentifierField = 'personalId' | 'phone'

export interface ResidentIdentifiers {
	/** Masked (e.g. 0012******90) unless revealed; null when the registry has none. */
	personalId: string | null
	phone: string | null
	/** Which fields are shown in full in this answer. */
	revealed: IdentifierField[]
	/** Which fields this person could ask to see in full (to offer a "show" button). */
	revealable: IdentifierField[]
}

const revealPermission: Record<IdentifierField, Permission> = {
	personalId: 'people.revealPersonalId',
	phone: 'people.revealPhone',
}

/**
 * The one place a resident's personal ID number and phone number are decrypted for display (Decree
 * 13/2023/NĐ-CP). They come back masked, unless `reveal` asks for a field, the person's role allows
 * it for this resident (`people.revealPersonalId` / `people.revealPhone` within scope) — and then
 * the reveal is audit-logged before the value is returned. Null when the person may not read this
 * resident at all (or there is no such resident).
 */
export async function readResidentIdentifiers(
	services: AppServices,
	audit: RequestAuditContext,
	user: PolicySubject,
	residentId: string,
	options: { reveal?: IdentifierField[] } = {},
): Promise<ResidentIdentifiers | null> {
	const target = await loadResidentPolicyTarget(services.db, residentId)
	if (!target || !can(user, 'people.read', target)) return null
	const [row] = await services.db
		.select({ personalIdCipher: residents.personalIdCipher, phoneCipher: residents.phoneCipher })
		.from(residents)
		.where(eq(residents.id, residentId))
	if (!row) return null
	const revealable = (['personalId', 'phone'] as const).filter((f) => can(user, revealPermission[f], target))
	const revealed = (options.reveal ?? []).filter((f) => revealable.includes(f))
	const stored = { personalId: row.personalIdCipher, phone: row.phoneCipher }
	const shown = revealed.filter((f) => stored[f] !== null)
	if (shown.length > 0) {
		await recordAudit(services.db, {
			...audit,
			action: 'personalData.reveal',
			entityType: 'resident',
			entityId: residentId,
			details: { fields: shown },
		})
	}
	const present = (field: IdentifierField, mask: (v: string) => string) => {
		const cipher = stored[field]
		if (cipher === null) return null
		const plain = decryptField(services.keyring, cipher)
		return shown.includes(field) ? plain : mask(plain)
	}
	return {
		personalId: present('personalId', maskPersonalId),
		phone: present('phone', maskPhone),
		revealed: shown,
		revealable,
	}
}
