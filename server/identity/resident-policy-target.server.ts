import { and, eq, isNull } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import type { PolicyTarget } from '#server/identity/permissions.ts'
import { residents } from '#server/people/schema.ts'
import { organizationMemberships } from '#server/ward/schema.ts'

/**
 * What the policy needs to decide about one resident: ward, residential group, current
 * organisations, and the resident id itself (for a learner's own record). Null if no such resident.
 */
export async function loadResidentPolicyTarget(
	db: Database,
	residentId: string,
): Promise<Required<PolicyTarget> | null> {
	if (!isUuid(residentId)) return null
	const [resident] = await db
		.select({ wardId: residents.wardId, residentialGroupId: residents.residentialGroupId })
		.from(residents)
		.where(eq(residents.id, residentId))
	if (!resident) return null
	const memberships = await db
		.select({ organizationId: organizationMemberships.organizationId })
		.from(organizationMemberships)
		.where(and(eq(organizationMemberships.residentId, residentId), isNull(organizationMemberships.endedOn)))
	return {
		wardId: resident.wardId,
		residentialGroupId: resident.residentialGroupId,
		organizationIds: memberships.map((m) => m.organizationId),
		residentId,
	}
}
