import { and, asc, count, eq, inArray, isNull, like, type SQL, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { residents } from '#server/people/schema.ts'
import { foldVietnamese } from '#server/people/search-name.ts'
import { type MembershipKind, organizationMemberships, organizations } from '#server/ward/schema.ts'

/** The ward's organisations (or only those in scope) with their current member counts. */
export async function listOrganizations(db: Database, input: { wardId: string; only: 'all' | string[] }) {
	if (Array.isArray(input.only) && input.only.length === 0) return []
	return db
		.select({
			id: organizations.id,
			name: organizations.name,
			kind: organizations.kind,
			members: count(organizationMemberships.id),
		})
		.from(organizations)
		.leftJoin(
			organizationMemberships,
			and(
				eq(organizationMemberships.organizationId, organizations.id),
				isNull(organizationMemberships.endedOn),
			),
		)
		.where(
			and(
				eq(organizations.wardId, input.wardId),
				Array.isArray(input.only) ? inArray(organizations.id, input.only) : undefined,
			),
		)
		.groupBy(organizations.id)
		.orderBy(asc(organizations.kind), asc(organizations.name))
}

export async function getOrganization(db: Database, input: { wardId: string; organizationId: string }) {
	if (!isUuid(input.organizationId)) return undefined
	const [row] = await db
		.select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
		.from(organizations)
		.where(and(eq(organizations.id, input.organizationId), eq(organizations.wardId, input.wardId)))
	return row
}

/** Current members (membership not ended), by name. */
export function listCurrentMembers(db: Database, organizationId: string) {
	return db
		.select({
			membershipId: organizationMemberships.id,
			residentId: residents.id,
			fullName: residents.fullName,
			birthYear: residents.birthYear,
			kind: organizationMemberships.kind,
			position: organizationMemberships.position,
			startedOn: organizationMemberships.startedOn,
		})
		.from(organizationMemberships)
		.innerJoin(residents, eq(residents.id, organizationMemberships.residentId))
		.where(
			and(
				eq(organizationMemberships.organizationId, organizationId),
				isNull(organizationMemberships.endedOn),
			),
		)
		.orderBy(asc(residents.searchName))
		.limit(2000)
}

/** Active residents in the caller's scope whose name contains the text (diacritics and case ignored). */
export async function findResidentsToAdd(db: Database, input: { wardId: string; scope: SQL; text: string }) {
	const folded = foldVietnamese(input.text).replace(/[%_\\]/g, (c) => `\\${c}`)
	if (folded.length < 2) return []
	return db
		.select({ id: residents.id, fullName: residents.fullName, birthYear: residents.birthYear })
		.from(residents)
		.where(
			and(
				eq(residents.wardId, input.wardId),
				eq(residents.status, 'active'),
				input.scope,
				like(residents.searchName, `%${folded}%`),
			),
		)
		.orderBy(asc(residents.searchName))
		.limit(20)
}

/** Adds a current membership; 'exists' when the person already is a current member of that kind. */
export async function addMembership(
	db: Database,
	input: {
		organizationId: string
		residentId: string
		kind: MembershipKind
		position?: string
		startedOn: string
	},
): Promise<'added' | 'exists'> {
	const inserted = await db
		.insert(organizationMemberships)
		.values({
			organizationId: input.organizationId,
			residentId: input.residentId,
			kind: input.kind,
			position: input.position ?? null,
			startedOn: input.startedOn,
		})
		.onConflictDoNothing()
		.returning({ id: organizationMemberships.id })
	return inserted.length === 1 ? 'added' : 'exists'
}

/** Ends a membership (kept as history, never deleted). */
export async function endMembership(
	db: Database,
	input: { organizationId: string; membershipId: string; endedOn: string },
): Promise<boolean> {
	const ended = await db
		.update(organizationMemberships)
		.set({ endedOn: input.endedOn })
		.where(
			and(
				eq(organizationMemberships.id, input.membershipId),
				eq(organizationMemberships.organizationId, input.organizationId),
				isNull(organizationMemberships.endedOn),
				sql`true`,
			),
		)
		.returning({ id: organizationMemberships.id })
	return ended.length === 1
}

/** A resident of the ward within a scope (policy condition), or none: guards who may be added. */
export async function findResidentInScope(
	db: Database,
	input: { wardId: string; residentId: string; scope: SQL },
) {
	const [row] = await db
		.select({ id: residents.id })
		.from(residents)
		.where(and(eq(residents.id, input.residentId), eq(residents.wardId, input.wardId), input.scope))
	return row ?? null
}
