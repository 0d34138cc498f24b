import { and, eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { households, residents } from '#server/people/schema.ts'

export type MoveResidentResult =
	| { ok: true; version: number; fromHouseholdId: string | null; toResidentialGroupId: string }
	| { ok: false; reason: 'conflict' | 'notFound' | 'householdNotFound' | 'sameHousehold' }

/**
 * Moves a resident into another household of the ward (and its residential group), guarded by the
 * version the editor read. History is kept in the audit trail by the caller.
 */
export async function moveResidentToHousehold(
	db: Database,
	input: {
		wardId: string
		residentId: string
		expectedVersion: number
		householdId: string
		relationToHead: string
	},
): Promise<MoveResidentResult> {
	return db.transaction(async (tx) => {
		const [target] = await tx
			.select({ id: households.id, residentialGroupId: households.residentialGroupId })
			.from(households)
			.where(and(eq(households.id, input.householdId), eq(households.wardId, input.wardId)))
		if (!target) return { ok: false, reason: 'householdNotFound' } as const
		const [current] = await tx
			.select({ householdId: residents.householdId, version: residents.version })
			.from(residents)
			.where(and(eq(residents.id, input.residentId), eq(residents.wardId, input.wardId)))
		if (!current) return { ok: false, reason: 'notFound' } as const
		if (current.version !== input.expectedVersion) return { ok: false, reason: 'conflict' } as const
		if (current.householdId === target.id) return { ok: false, reason: 'sameHousehold' } as const
		const [updated] = await tx
			.update(residents)
			.set({
				householdId: target.id,
				residentialGroupId: target.residentialGroupId,
				relationToHead: input.relationToHead,
				version: sql`${residents.version} + 1`,
				updatedAt: new Date(),
			})
			.where(and(eq(residents.id, input.residentId), eq(residents.version, input.expectedVersion)))
			.returning({ version: residents.version })
		if (!updated) return { ok: false, reason: 'conflict' } as const
		return {
			ok: true,
			version: updated.version,
			fromHouseholdId: current.householdId,
			toResidentialGroupId: target.residentialGroupId,
		} as const
	})
}

/**
 * Marks a resident moved away or deceased (or active again) without deleting anything: lists and
 * indicators count only active residents, history stays.
 */
export async function setResidentStatus(
	db: Database,
	input: {
		wardId: string
		residentId: string
		expectedVersion: number
		status: 'active' | 'movedAway' | 'deceased'
	},
): Promise<{ ok: true; version: number } | { ok: false; reason: 'conflict' | 'notFound' }> {
	const [updated] = await db
		.update(residents)
		.set({
			status: input.status,
			statusChangedAt: new Date(),
			version: sql`${residents.version} + 1`,
			updatedAt: new Date(),
		})
		.where(
			and(
				eq(residents.id, input.residentId),
				eq(residents.wardId, input.wardId),
				eq(residents.version, input.expectedVersion),
			),
		)
		.returning({ version: residents.version })
	if (updated) return { ok: true, version: updated.version }
	const [exists] = await db
		.select({ id: residents.id })
		.from(residents)
		.where(eq(residents.id, input.residentId))
	return { ok: false, reason: exists ? 'conflict' : 'notFound' }
}
