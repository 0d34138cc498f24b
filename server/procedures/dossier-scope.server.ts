import type { PolicySubject } from '#server/identity/permissions.ts'
import { residentialGroupsInScope } from '#server/identity/policy.server.ts'
import type { FollowUpScope } from '#server/procedures/dossier-follow-ups.server.ts'

/**
 * The dossier follow-ups a person may see and update (permission outreach.record): all of the ward for
 * a ward-wide grant; otherwise those of their residential groups and those they recorded themselves.
 */
export function followUpScopeOf(user: PolicySubject): FollowUpScope {
	const groups = residentialGroupsInScope(user, 'outreach.record')
	return groups === 'all' ? { kind: 'ward' } : { kind: 'groups', groupIds: groups, userId: user.id }
}
