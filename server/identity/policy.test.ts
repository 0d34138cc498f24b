import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { type Permission, type PolicySubject, permissions } from '#server/identity/permissions.ts'
import { can, residentialGroupsInScope, residentScopeCondition } from '#server/identity/policy.server.ts'
import { type Role, roles } from '#server/identity/schema.ts'
import { createIdentityWard, type IdentityWard } from '#server/identity/testing/identity-fixtures.ts'
import { residents } from '#server/people/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

// Written out by hand on purpose: changing who may do what must change this table too.
const expected: Record<Permission, Role[] | 'everyone'> = {
	'account.self': 'everyone',
	'learning.self': [
		'wardAdmin',
		'steeringStaff',
		'focalPoint',
		'groupLeader',
		'volunteer',
		'instructor',
		'learner',
		'auditor',
	],
	'accounts.manage': ['wardAdmin'],
	'audit.read': ['wardAdmin', 'auditor'],
	'people.read': ['wardAdmin', 'steeringStaff', 'focalPoint', 'groupLeader', 'volunteer', 'learner'],
	'people.write': ['wardAdmin', 'focalPoint', 'groupLeader'],
	'people.import': ['wardAdmin'],
	'people.export': ['wardAdmin'],
	'people.revealPersonalId': ['wardAdmin', 'groupLeader'],
	'people.revealPhone': ['wardAdmin', 'focalPoint', 'groupLeader', 'volunteer'],
	'people.dataRights': ['wardAdmin'],
	'organizations.manage': ['wardAdmin', 'focalPoint'],
	'outreach.record': ['groupLeader', 'volunteer'],
	'classes.manage': ['wardAdmin', 'instructor'],
	'assessment.confirm': ['volunteer', 'instructor'],
	'programmes.manage': ['wardAdmin', 'steeringStaff'],
	'indicators.read': ['wardAdmin', 'steeringStaff', 'focalPoint', 'groupLeader', 'auditor'],
	'indicators.manage': ['wardAdmin'],
	'reports.submit': ['focalPoint'],
	'reports.read': ['wardAdmin', 'steeringStaff', 'focalPoint', 'auditor'],
	'reports.consolidate': ['wardAdmin', 'steeringStaff'],
	'reports.review': ['wardAdmin', 'steeringStaff'],
	'reports.manage': ['wardAdmin'],
	'content.manage': ['wardAdmin'],
	'emulation.manage': ['wardAdmin', 'steeringStaff'],
	'emulation.read': ['wardAdmin', 'steeringStaff', 'focalPoint', 'auditor'],
	'certificates.read': ['wardAdmin', 'steeringStaff', 'focalPoint', 'groupLeader', 'volunteer'],
	'certificates.manage': ['wardAdmin'],
}

const WARD = 'ward-1'
const scopeOf: Record<
	Role,
	{ scopeKind: 'ward' | 'residentialGroup' | 'organization' | 'self'; scopeId: string | null }
> = {
	wardAdmin: { scopeKind: 'ward', scopeId: null },
	steeringStaff: { scopeKind: 'ward', scopeId: null },
	focalPoint: { scopeKind: 'organization', scopeId: 'org-1' },
	groupLeader: { scopeKind: 'residentialGroup', scopeId: 'group-1' },
	volunteer: { scopeKind: 'residentialGroup', scopeId: 'group-1' },
	instructor: { scopeKind: 'ward', scopeId: null },
	learner: { scopeKind: 'self', scopeId: null },
	auditor: { scopeKind: 'ward', scopeId: null },
}
const person = (role: Role | null, residentId: string | null = 'resident-me'): PolicySubject => ({
	id: 'u',
	wardId: WARD,
	residentId,
	roles: role ? [{ role, ...scopeOf[role] }] : [],
})

describe('who may do what (every permission × every role)', () => {
	const cases = permissions.flatMap((permission) =>
		[...roles, null].map((role) => {
			const allowedRoles = expected[permission]
			const allowed = allowedRoles === 'everyone' || (role !== null && allowedRoles.includes(role))
			return { permission, role: role ?? 'noRole', allowed, subject: person(role) }
		}),
	)
	test.each(cases)('$role $permission → $allowed', ({ permission, subject, allowed }) => {
		expect(can(subject, permission)).toBe(allowed)
	})

	test('nobody anonymous may do anything', () => {
		for (const permission of permissions) expect(can(null, permission)).toBe(false)
	})
})

describe('scopes', () => {
	const inGroup1 = { wardId: WARD, residentialGroupId: 'group-1', organizationIds: [], residentId: 'r1' }
	const inGroup2 = {
		wardId: WARD,
		residentialGroupId: 'group-2',
		organizationIds: ['org-1'],
		residentId: 'r2',
	}
	const me = { wardId: WARD, residentialGroupId: 'group-2', organizationIds: [], residentId: 'resident-me' }
	const otherWard = { ...inGroup1, wardId: 'ward-2' }

	test.each([
		['groupLeader', 'people.read', inGroup1, true],
		['groupLeader', 'people.read', inGroup2, false],
		['volunteer', 'people.revealPhone', inGroup1, true],
		['volunteer', 'people.revealPersonalId', inGroup1, false],
		['focalPoint', 'people.read', inGroup2, true],
		['focalPoint', 'people.read', inGroup1, false],
		['learner', 'people.read', me, true],
		['learner', 'people.read', inGroup1, false],
		['wardAdmin', 'people.revealPersonalId', inGroup2, true],
		['wardAdmin', 'people.read', otherWard, false],
		['steeringStaff', 'people.read', inGroup1, true],
		['steeringStaff', 'people.revealPhone', inGroup1, false],
	] as const)('%s %s on a target → %s', (role, permission, target, allowed) => {
		expect(can(person(role), permission, target)).toBe(allowed)
	})

	test('an assignment with a scope its role does not take grants nothing', () => {
		const wrong: PolicySubject = {
			id: 'u',
			wardId: WARD,
			residentId: null,
			roles: [{ role: 'volunteer', scopeKind: 'ward', scopeId: null }],
		}
		expect(can(wrong, 'people.read')).toBe(false)
		expect(residentialGroupsInScope(wrong, 'people.read')).toEqual([])
		const noGroup: PolicySubject = {
			...wrong,
			roles: [{ role: 'groupLeader', scopeKind: 'residentialGroup', scopeId: null }],
		}
		expect(can(noGroup, 'people.read')).toBe(false)
	})

	test('a learner without a linked resident sees nobody', () => {
		expect(can(person('learner', null), 'people.read', me)).toBe(false)
	})
})

describe('resident scope condition (on the database)', () => {
	let services: TestServices
	let ward: IdentityWard
	beforeAll(async () => {
		services = await createTestServices()
		ward = await createIdentityWard(services)
		await createIdentityWard(services) // a second ward nobody here may see
	})
	afterAll(async () => {
		await services.close()
	})

	async function visible(subject: PolicySubject): Promise<string[]> {
		const rows = await services.db
			.select({ id: residents.id })
			.from(residents)
			.where(residentScopeCondition(subject))
		return rows.map((r) => r.id).sort()
	}
	const at = (role: Role, scopeId: string | null, residentId: string | null = null): PolicySubject => ({
		id: 'u',
		wardId: ward.wardId,
		residentId,
		roles: [{ role, scopeKind: scopeOf[role].scopeKind, scopeId }],
	})

	test('ward scope sees the whole ward and nothing of another ward', async () => {
		expect(await visible(at('wardAdmin', null))).toEqual([...ward.residents].sort())
	})
	test('a group leader or volunteer sees their residential group only', async () => {
		const [r0, , r2] = ward.residents
		expect(await visible(at('groupLeader', ward.groups[0]))).toEqual([r0, r2].sort())
		expect(await visible(at('volunteer', ward.groups[0]))).toEqual([r0, r2].sort())
	})
	test('a focal point sees the current members of their organisation only', async () => {
		expect(await visible(at('focalPoint', ward.organizations[0]))).toEqual([ward.residents[2]])
	})
	test('a learner sees only themself', async () => {
		expect(await visible(at('learner', null, ward.residents[3]))).toEqual([ward.residents[3]])
	})
	test('roles without people.read see nobody', async () => {
		expect(await visible(at('instructor', null))).toEqual([])
		expect(await visible(at('auditor', null))).toEqual([])
	})
})
