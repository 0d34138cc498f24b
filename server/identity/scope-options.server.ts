import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import type { RoleGrant } from '#server/identity/permissions.ts'
import { organizations, residentialGroups } from '#server/ward/schema.ts'

export interface ScopeOptions {
	residentialGroups: { id: string; code: string; name: string }[]
	organizations: { id: string; name: string; kind: string }[]
}

/** The residential groups and organisations of a ward, for the scope pickers. */
export async function listScopeOptions(db: Database, wardId: string): Promise<ScopeOptions> {
	const [groups, orgs] = await Promise.all([
		db
			.select({ id: residentialGroups.id, code: residentialGroups.code, name: residentialGroups.name })
			.from(residentialGroups)
			.where(eq(residentialGroups.wardId, wardId))
			.orderBy(asc(residentialGroups.sortOrder), asc(residentialGroups.name)),
		db
			.select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
			.from(organizations)
			.where(eq(organizations.wardId, wardId))
			.orderBy(asc(organizations.kind), asc(organizations.name)),
	])
	return { residentialGroups: groups, organizations: orgs }
}

export interface DescribedGrant extends RoleGrant {
	/** Name of the residential group or organisation; null for ward and self scopes. */
	scopeName: string | null
}

/** Adds the name of each grant's residential group or organisation. */
export async function describeGrants<T extends RoleGrant>(
	db: Database,
	grants: T[],
): Promise<(T & DescribedGrant)[]> {
	const groupIds = grants
		.filter((g) => g.scopeKind === 'residentialGroup' && g.scopeId)
		.map((g) => g.scopeId as string)
	const orgIds = grants
		.filter((g) => g.scopeKind === 'organization' && g.scopeId)
		.map((g) => g.scopeId as string)
	const [groups, orgs] = await Promise.all([
		groupIds.length
			? db
					.select({ id: residentialGroups.id, name: residentialGroups.name })
					.from(residentialGroups)
					.where(inArray(residentialGroups.id, groupIds))
			: [],
		orgIds.length
			? db
					.select({ id: organizations.id, name: organizations.name })
					.from(organizations)
					.where(inArray(organizations.id, orgIds))
			: [],
	])
	const names = new Map([...groups, ...orgs].map((r) => [r.id, r.name]))
	return grants.map((g) => ({ ...g, scopeName: g.scopeId ? (names.get(g.scopeId) ?? null) : null }))
}

/** True when the id is a residential group (or organisation) of this ward. */
export async function scopeBelongsToWard(
	db: Database,
	wardId: string,
	kind: 'residentialGroup' | 'organization',
	id: string,
): Promise<boolean> {
	const table = kind === 'residentialGroup' ? residentialGroups : organizations
	const [row] = await db
		.select({ id: table.id })
		.from(table)
		.where(and(eq(table.id, id), eq(table.wardId, wardId)))
	return row !== undefined
}
