import { and, asc, eq, type SQL, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { residents, residentTargetGroups, targetGroups } from '#server/people/schema.ts'
import {
	type DigitalPractice,
	digitalMarketAudiences,
	residentDigitalPractices,
} from '#server/programmes/schema.ts'
import { organizationMemberships, organizations } from '#server/ward/schema.ts'

/** Who "Chợ số – Nông thôn số" is for: the target groups and organisations the ward chose. */
export async function readDigitalMarketAudience(db: Database, wardId: string) {
	return db
		.select({
			id: digitalMarketAudiences.id,
			targetGroupCode: digitalMarketAudiences.targetGroupCode,
			targetGroupName: targetGroups.nameVi,
			organizationId: digitalMarketAudiences.organizationId,
			organizationName: organizations.name,
		})
		.from(digitalMarketAudiences)
		.leftJoin(targetGroups, eq(targetGroups.code, digitalMarketAudiences.targetGroupCode))
		.leftJoin(organizations, eq(organizations.id, digitalMarketAudiences.organizationId))
		.where(eq(digitalMarketAudiences.wardId, wardId))
}

/** Adds a target group ("group:<code>") or an organisation ("org:<id>") of the ward to the audience. */
export async function addDigitalMarketAudience(
	db: Database,
	input: { wardId: string; choice: string },
): Promise<'added' | 'exists' | 'unknown'> {
	const [kind, ref] = input.choice.split(':', 2) as [string, string | undefined]
	if (!ref) return 'unknown'
	if (kind === 'group') {
		const [group] = await db
			.select({ code: targetGroups.code })
			.from(targetGroups)
			.where(eq(targetGroups.code, ref))
		if (!group) return 'unknown'
	} else if (kind === 'org') {
		if (!/^[0-9a-f-]{36}$/.test(ref)) return 'unknown'
		const [org] = await db
			.select({ id: organizations.id })
			.from(organizations)
			.where(and(eq(organizations.id, ref), eq(organizations.wardId, input.wardId)))
		if (!org) return 'unknown'
	} else return 'unknown'
	const inserted = await db
		.insert(digitalMarketAudiences)
		.values({
			wardId: input.wardId,
			targetGroupCode: kind === 'group' ? ref : null,
			organizationId: kind === 'org' ? ref : null,
		})
		.onConflictDoNothing()
		.returning({ id: digitalMarketAudiences.id })
	return inserted.length > 0 ? 'added' : 'exists'
}

export async function removeDigitalMarketAudience(db: Database, input: { wardId: string; id: string }) {
	const deleted = await db
		.delete(digitalMarketAudiences)
		.where(and(eq(digitalMarketAudiences.id, input.id), eq(digitalMarketAudiences.wardId, input.wardId)))
		.returning({ id: digitalMarketAudiences.id })
	return deleted.length > 0
}

/** A condition on `resident`: in one of the audience's target groups or a current member of one of its organisations. */
function inAudience(wardId: string): SQL {
	const a = digitalMarketAudiences
	return sql`(exists (select 1 from ${residentTargetGroups} t join ${a} on ${a.targetGroupCode} = t.target_group_code where t.resident_id = ${residents.id} and ${a.wardId} = ${wardId})
		or exists (select 1 from ${organizationMemberships} m join ${a} on ${a.organizationId} = m.organization_id where m.resident_id = ${residents.id} and m.ended_on is null and ${a.wardId} = ${wardId}))`
}

const uses = (practice: DigitalPractice) =>
	sql`exists (select 1 from ${residentDigitalPractices} p where p.resident_id = ${residents.id} and p.practice = ${practice})`

/** How many of the audience (within `scope`) use e-commerce, cashless payment, both. */
export async function computeDigitalMarket(db: Database, input: { wardId: string; scope: SQL }) {
	const [row] = await db
		.select({
			audience: sql<number>`count(*)::int`,
			cashless: sql<number>`count(*) filter (where ${uses('cashlessPayment')})::int`,
			eCommerce: sql<number>`count(*) filter (where ${uses('eCommerce')})::int`,
			both: sql<number>`count(*) filter (where ${uses('cashlessPayment')} and ${uses('eCommerce')})::int`,
		})
		.from(residents)
		.where(
			and(
				eq(residents.wardId, input.wardId),
				eq(residents.status, 'active'),
				inAudience(input.wardId),
				input.scope,
			),
		)
	return row ?? { audience: 0, cashless: 0, eCommerce: 0, both: 0 }
}

/** Members of the audience not yet using both practices (first 50 by name), for staff to record what they use. */
export async function listDigitalMarketPending(db: Database, input: { wardId: string; scope: SQL }) {
	return db
		.select({
			id: residents.id,
			fullName: residents.fullName,
			birthYear: residents.birthYear,
			cashless: sql<boolean>`${uses('cashlessPayment')}`,
			eCommerce: sql<boolean>`${uses('eCommerce')}`,
		})
		.from(residents)
		.where(
			and(
				eq(residents.wardId, input.wardId),
				eq(residents.status, 'active'),
				inAudience(input.wardId),
				input.scope,
				sql`not (${uses('cashlessPayment')} and ${uses('eCommerce')})`,
			),
		)
		.orderBy(asc(residents.searchName))
		.limit(50)
}

/** Records that a resident uses a practice (once; the first date is kept). */
export async function recordDigitalPractice(
	db: Database,
	input: {
		residentId: string
		practice: DigitalPractice
		source: 'visit' | 'class' | 'staff'
		since: string
		by: string | null
	},
): Promise<boolean> {
	const inserted = await db
		.insert(residentDigitalPractices)
		.values({
			residentId: input.residentId,
			practice: input.practice,
			source: input.source,
			since: input.since,
			recordedBy: input.by,
		})
		.onConflictDoNothing()
		.returning({ residentId: residentDigitalPractices.residentId })
	return inserted.length > 0
}

/** Whether a resident is in the audience and within scope (before recording a practice for them). */
export async function isInDigitalMarketAudience(
	db: Database,
	input: { wardId: string; scope: SQL; residentId: string },
) {
	const [row] = await db
		.select({ id: residents.id })
		.from(residents)
		.where(
			and(
				eq(residents.id, input.residentId),
				eq(residents.wardId, input.wardId),
				inAudience(input.wardId),
				input.scope,
			),
		)
	return !!row
}
