import type { AppLoadContext } from 'react-router'
import { data } from 'react-router'
import { can, forbidden, requirePermission } from '#server/identity/policy.server.ts'
import { getOrganization } from '#server/ward/organization-members.server.ts'

/**
 * The organisation named in the URL, for someone who may manage it: the ward administrator any of the
 * ward's, a focal point only their own. 404 when the ward has no such organisation.
 */
export async function requireOrganization(request: Request, context: AppLoadContext, organizationId: string) {
	const user = await requirePermission(request, context, 'organizations.manage')
	const organization = await getOrganization(context.app.db, { wardId: user.wardId, organizationId })
	if (!organization) throw data(null, { status: 404 })
	if (!can(user, 'organizations.manage', { wardId: user.wardId, organizationIds: [organization.id] }))
		throw forbidden()
	return { user, organization }
}
