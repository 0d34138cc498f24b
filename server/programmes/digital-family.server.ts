import { and, eq, inArray, sql } from 'drizzle-orm'
import { certificates } from '#server/certification/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import { households, residents } from '#server/people/schema.ts'
import {
	type DigitalFamilyCriterion,
	defaultDigitalFamilyCriteria,
	type HouseholdFacts,
	isDigitalFamily,
	meetsCriterion,
} from '#server/programmes/digital-family-criteria.ts'
import {
	ambassadorAssignments,
	type DigitalFamilyCriterionKind,
	digitalFamilyCriteria,
	residentDigitalPractices,
} from '#server/programmes/schema.ts'
import { residentialGroups } from '#server/ward/schema.ts'

/** The ward's criteria: what it saved, the defaults for the rest, in the defaults' order. */
export async function readDigitalFamilyCriteria(
	db: Database,
	wardId: string,
): Promise<DigitalFamilyCriterion[]> {
	const saved = await db
		.select({
			kind: digitalFamilyCriteria.kind,
			enabled: digitalFamilyCriteria.enabled,
			threshold: digitalFamilyCriteria.threshold,
		})
		.from(digitalFamilyCriteria)
		.where(eq(digitalFamilyCriteria.wardId, wardId))
	const byKind = new Map(saved.map((c) => [c.kind, c]))
	return defaultDigitalFamilyCriteria.map((d) => byKind.get(d.kind) ?? { ...d })
}

/** Saves the ward's criteria (all of them, in one transaction). */
export async function saveDigitalFamilyCriteria(
	db: Database,
	input: { wardId: string; criteria: DigitalFamilyCriterion[]; by: string },
): Promise<void> {
	await db.transaction(async (tx) => {
		for (const c of input.criteria)
			await tx
				.insert(digitalFamilyCriteria)
				.values({
					wardId: input.wardId,
					kind: c.kind,
					enabled: c.enabled,
					threshold: c.threshold,
					updatedBy: input.by,
				})
				.onConflictDoUpdate({
					target: [digitalFamilyCriteria.wardId, digitalFamilyCriteria.kind],
					set: { enabled: c.enabled, threshold: c.threshold, updatedBy: input.by, updatedAt: new Date() },
				})
	})
}

export interface DigitalFamilyGroupRow {
	groupId: string
	groupName: string
	households: number
	digitalFamilies: number
}

export interface DigitalFamilyProgress {
	households: number
	digitalFamilies: number
	/** How many households meet each enabled criterion. */
	byCriterion: Record<DigitalFamilyCriterionKind, number>
	byGroup: DigitalFamilyGroupRow[]
}

/**
 * "Gia đình số" progress, computed from the registry in one pass over the households in scope: each
 * household's active members counted for VNeID level 2 among adults (age by birth year), cashless payment
 * and e-commerce use, valid certificates, and whether an ambassador looks after it.
 */
export async function computeDigitalFamilies(
	db: Database,
	input: { wardId: string; groupIds: 'all' | string[]; criteria: DigitalFamilyCriterion[]; year?: number },
): Promise<DigitalFamilyProgress> {
	const adultAge = input.criteria.find((c) => c.kind === 'adultsVneidLevel2')?.threshold ?? 18
	const year = input.year ?? new Date().getFullYear()
	const r = residents
	const practice = (kind: 'cashlessPayment' | 'eCommerce') =>
		sql`exists (select 1 from ${residentDigitalPractices} p where p.resident_id = ${r.id} and p.practice = ${kind})`
	const adult = sql`(${year} - ${r.birthYear}) >= ${adultAge}`
	const rows = await db
		.select({
			householdId: households.id,
			groupId: households.residentialGroupId,
			adults: sql<number>`count(*) filter (where ${adult})::int`,
			adultsWithLevel2: sql<number>`count(*) filter (where ${adult} and ${r.vneidLevel} = 2)::int`,
			cashlessUsers: sql<number>`count(*) filter (where ${practice('cashlessPayment')})::int`,
			eCommerceUsers: sql<number>`count(*) filter (where ${practice('eCommerce')})::int`,
			certifiedMembers: sql<number>`count(*) filter (where exists (select 1 from ${certificates} c where c.resident_id = ${r.id} and c.status = 'valid'))::int`,
			hasAmbassador: sql<boolean>`exists (select 1 from ${ambassadorAssignments} a where a.household_id = ${households.id} and a.ended_at is null)`,
		})
		.from(households)
		.innerJoin(r, and(eq(r.householdId, households.id), eq(r.status, 'active')))
		.where(
			and(
				eq(households.wardId, input.wardId),
				input.groupIds === 'all'
					? undefined
					: inArray(
							households.residentialGroupId,
							input.groupIds.length ? input.groupIds : ['00000000-0000-0000-0000-000000000000'],
						),
			),
		)
		.groupBy(households.id, households.residentialGroupId)
	const groups = await db
		.select({
			id: residentialGroups.id,
			name: residentialGroups.name,
			sortOrder: residentialGroups.sortOrder,
		})
		.from(residentialGroups)
		.where(eq(residentialGroups.wardId, input.wardId))
		.orderBy(residentialGroups.sortOrder)
	const byCriterion = Object.fromEntries(input.criteria.map((c) => [c.kind, 0])) as Record<
		DigitalFamilyCriterionKind,
		number
	>
	const perGroup = new Map<string, { households: number; digitalFamilies: number }>()
	let digitalFamilies = 0
	for (const row of rows) {
		const facts: HouseholdFacts = row
		for (const c of input.criteria) if (c.enabled && meetsCriterion(c, facts)) byCriterion[c.kind]++
		const counts = perGroup.get(row.groupId) ?? { households: 0, digitalFamilies: 0 }
		counts.households++
		if (isDigitalFamily(input.criteria, facts)) {
			counts.digitalFamilies++
			digitalFamilies++
		}
		perGroup.set(row.groupId, counts)
	}
	return {
		households: rows.length,
		digitalFamilies,
		byCriterion,
		byGroup: groups
			.filter((g) => perGroup.has(g.id))
			.map((g) => ({
				groupId: g.id,
				groupName: g.name,
				...(perGroup.get(g.id) as { households: number; digitalFamilies: number }),
			})),
	}
}
