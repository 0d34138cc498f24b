import { and, eq, sql } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { residents } from '#server/people/schema.ts'
import { foldVietnamese } from '#server/people/search-name.ts'
import { normalizePhone, protectField } from '#server/security/personal-data.server.ts'

export interface ResidentChanges {
	fullName?: string
	sex?: 'male' | 'female'
	birthDate?: string | null
	birthYear?: number
	ethnicity?: string
	hasDisability?: boolean
	occupation?: string | null
	relationToHead?: string | null
	residence?: 'permanent' | 'temporary' | 'nonResident'
	vneidLevel?: 0 | 1 | 2
	/** Plain values: encrypted and hashed here, never stored in clear. Empty string clears. */
	personalId?: string
	phone?: string
}

export type UpdateResidentResult =
	| { ok: true; version: number; changedFields: string[] }
	| { ok: false; reason: 'conflict'; currentVersion: number }
	| { ok: false; reason: 'notFound' }
	| { ok: false; reason: 'duplicatePersonalId' }

/**
 * Saves changes only if nobody else saved since `expectedVersion` was read (optimistic concurrency);
 * otherwise reports the conflict and changes nothing.
 */
export async function updateResident(
	services: Pick<AppServices, 'keyring'> & { db: Database },
	input: { wardId: string; residentId: string; expectedVersion: number; changes: ResidentChanges },
): Promise<UpdateResidentResult> {
	const { changes } = input
	const values: Record<string, unknown> = {}
	for (const key of [
		'fullName',
		'sex',
		'birthDate',
		'birthYear',
		'ethnicity',
		'hasDisability',
		'occupation',
		'relationToHead',
		'residence',
		'vneidLevel',
	] as const) {
		if (changes[key] !== undefined) values[key] = changes[key]
	}
	if (changes.fullName !== undefined) values.searchName = foldVietnamese(changes.fullName)
	if (changes.vneidLevel !== undefined) values.vneidUpdatedAt = new Date()
	if (changes.personalId !== undefined) {
		const protectedId = changes.personalId
			? protectField(services.keyring, 'personalId', changes.personalId)
			: null
		values.personalIdCipher = protectedId?.cipher ?? null
		values.personalIdHash = protectedId?.hash ?? null
	}
	if (changes.phone !== undefined) {
		const protectedPhone = changes.phone
			? protectField(services.keyring, 'phone', normalizePhone(changes.phone))
			: null
		values.phoneCipher = protectedPhone?.cipher ?? null
		values.phoneHash = protectedPhone?.hash ?? null
	}
	try {
		const updated = await services.db
			.update(residents)
			.set({ ...values, version: sql`${residents.version} + 1`, updatedAt: new Date() })
			.where(
				and(
					eq(residents.id, input.residentId),
					eq(residents.wardId, input.wardId),
					eq(residents.version, input.expectedVersion),
				),
			)
			.returning({ version: residents.version })
		if (updated[0]) return { ok: true, version: updated[0].version, changedFields: Object.keys(changes) }
	} catch (error) {
		if (isUniqueViolation(error)) return { ok: false, reason: 'duplicatePersonalId' }
		throw error
	}
	const [current] = await services.db
		.select({ version: residents.version })
		.from(residents)
		.where(and(eq(residents.id, input.residentId), eq(residents.wardId, input.wardId)))
	return current
		? { ok: false, reason: 'conflict', currentVersion: current.version }
		: { ok: false, reason: 'notFound' }
}

function isUniqueViolation(error: unknown): boolean {
	const cause = (error as { cause?: { code?: string }; code?: string }) ?? {}
	return cause.code === '23505' || cause.cause?.code === '23505'
}
