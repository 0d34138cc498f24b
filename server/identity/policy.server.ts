import { and, eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import { type AppLoadContext, data, redirect } from 'react-router'
import { type CurrentUser, requireUser } from '#server/identity/current-user.server.ts'
import {
	baselinePermissions,
	type Permission,
	type PolicySubject,
	type PolicyTarget,
	type RoleGrant,
	roleDefinitions,
} from '#server/identity/permissions.ts'
import { residents } from '#server/people/schema.ts'
import { organizationMemberships } from '#server/ward/schema.ts'

/**
 * The one place that decides who may do what (issue 3). Loaders and actions call
 * `requirePermission`; queries over residents add `residentScopeCondition`; the navigation and the
 * home page list what `can` allows. See docs/decisions/006-policy-and-scopes.md.
 */

/** The person's role assignments that grant a permission (only assignments with a valid scope kind). */
export function grantsFor(user: PolicySubject, permission: Permission): RoleGrant[] {
	return user.roles.filter((grant) => {
		const definition = roleDefinitions[grant.role]
		if (!definition?.scopeKinds.includes(grant.scopeKind)) return false
		if (grant.scopeKind !== 'ward' && grant.scopeKind !== 'self' && !grant.scopeId) return false
		return definition.permissions.includes(permission)
	})
}

/**
 * May this person do this? Without a target: anywhere at all (e.g. to show a menu item). With a
 * target: within one of the scopes that grant it.
 */
export function can(user: PolicySubject | null, permission: Permission, target?: PolicyTarget): boolean {
	if (!user) return false
	if (target?.wardId !== undefined && target.wardId !== user.wardId) return false
	if (baselinePermissions.includes(permission)) return true
	const grants = grantsFor(user, permission)
	if (!target) return grants.length > 0
	return grants.some((grant) => grantCovers(user, grant, target))
}

function grantCovers(user: PolicySubject, grant: RoleGrant, target: PolicyTarget): boolean {
	switch (grant.scopeKind) {
		case 'ward':
			return true
		case 'residentialGroup':
			return !!target.residentialGroupId && target.residentialGroupId === grant.scopeId
		case 'organization':
			return !!grant.scopeId && (target.organizationIds ?? []).includes(grant.scopeId)
		case 'self':
			return !!user.residentId && target.residentId === user.residentId
	}
}

/** The 403 every refusal throws; the root error boundary renders the Vietnamese page. */
export function forbidden(reason: 'forbidden' | 'csrf' = 'forbidden') {
	return data({ reason }, { status: 403 })
}

/**
 * The guard of every protected loader and action: signed in (else to the sign-in page, coming back
 * afterwards) and allowed (else 403). A person holding a temporary password must first choose their own.
 */
export async function requirePermission(
	request: Request,
	context: AppLoadContext,
	permission: Permission,
	target?: PolicyTarget,
): Promise<CurrentUser> {
	const user = await requireUser(request, context)
	if (user.mustChangePassword && permission !== 'account.self') throw redirect('/tai-khoan?doiMatKhau=1')
	if (!can(user, permission, target)) throw forbidden()
	return user
}

/** Residential groups where a permission applies: 'all' (ward scope) or a list (maybe empty). */
export function residentialGroupsInScope(user: PolicySubject, permission: Permission): 'all' | string[] {
	const grants = grantsFor(user, permission)
	if (grants.some((g) => g.scopeKind === 'ward')) return 'all'
	return idsOf(grants, 'residentialGroup')
}

/** Organisations where a permission applies: 'all' (ward scope) or a list (maybe empty). */
export function organizationsInScope(user: PolicySubject, permission: Permission): 'all' | string[] {
	const grants = grantsFor(user, permission)
	if (grants.some((g) => g.scopeKind === 'ward')) return 'all'
	return idsOf(grants, 'organization')
}

/**
 * A Drizzle condition on `resident` limiting a query to the residents this person may see for a
 * permission: the ward for ward scope, their residential groups, the current members of their
 * organisations, themself for a learner. Nothing (`false`) when no role grants it.
 */
export function residentScopeCondition(user: PolicySubject, permission: Permission = 'people.read'): SQL {
	const grants = grantsFor(user, permission)
	const inWard = eq(residents.wardId, user.wardId)
	if (grants.some((g) => g.scopeKind === 'ward')) return inWard
	const parts: SQL[] = []
	const groupIds = idsOf(grants, 'residentialGroup')
	if (groupIds.length > 0) parts.push(inArray(residents.residentialGroupId, groupIds))
	const organizationIds = idsOf(grants, 'organization')
	if (organizationIds.length > 0) {
		const m = organizationMemberships
		parts.push(
			sql`exists (select 1 from ${m} where ${m.residentId} = ${residents.id} and ${inArray(m.organizationId, organizationIds)} and ${m.endedOn} is null)`,
		)
	}
	if (user.residentId && grants.some((g) => g.scopeKind === 'self'))
		parts.push(eq(residents.id, user.residentId))
	if (parts.length === 0) return sql`false`
	return and(inWard, or(...parts)) as SQL
}

function idsOf(grants: RoleGrant[], kind: 'residentialGroup' | 'organization'): string[] {
	return [...new Set(grants.filter((g) => g.scopeKind === kind && g.scopeId).map((g) => g.scopeId as string))]
}
