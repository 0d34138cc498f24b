import type { AppServices } from '#server/app-services.server.ts'
import { hashPassword } from '#server/identity/password.server.ts'
import { type Role, roleAssignments, type ScopeKind, users } from '#server/identity/schema.ts'
import { createSession } from '#server/identity/session.server.ts'
import { households, residents } from '#server/people/schema.ts'
import { protectField } from '#server/security/personal-data.server.ts'
import { organizationMemberships, organizations, residentialGroups, wards } from '#server/ward/schema.ts'

/**
 * A tiny ward for identity tests: two residential groups, two organisations, four residents (one in
 * each group, one member of each organisation). Kept here until the demo factories serve tests too.
 */
export async function createIdentityWard(services: AppServices) {
	const { db, keyring } = services
	const [ward] = await db
		.insert(wards)
		.values({
			code: `T${Math.random().toString(36).slice(2, 8)}`,
			name: 'Phường Thử Nghiệm',
			provinceName: 'Thái Nguyên',
			provinceIdCode: '019',
		})
		.returning({ id: wards.id })
	if (!ward) throw new Error('ward')
	const groups = await db
		.insert(residentialGroups)
		.values([
			{ wardId: ward.id, code: 'TDP1', name: 'Tổ dân phố 1', sortOrder: 1 },
			{ wardId: ward.id, code: 'TDP2', name: 'Tổ dân phố 2', sortOrder: 2 },
		])
		.returning({ id: residentialGroups.id })
	const orgs = await db
		.insert(organizations)
		.values([
			{ wardId: ward.id, kind: 'school', name: 'Trường Tiểu học Thử Nghiệm' },
			{ wardId: ward.id, kind: 'enterprise', name: 'Công ty Thử Nghiệm' },
		])
		.returning({ id: organizations.id })
	const [g1, g2] = groups as [{ id: string }, { id: string }]
	const [o1, o2] = orgs as [{ id: string }, { id: string }]
	const [household] = await db
		.insert(households)
		.values({ wardId: ward.id, residentialGroupId: g1.id, code: 'H001', address: 'Số 1, tổ 1' })
		.returning({ id: households.id })
	const people = [
		{ name: 'Nguyễn Văn An', group: g1.id, personalId: '019090001234', phone: '0912345678' },
		{ name: 'Trần Thị Bình', group: g2.id, personalId: '019190005678', phone: '0987654321' },
		{ name: 'Lê Văn Cường', group: g1.id, personalId: '019085009999', phone: '0901111222' },
		{ name: 'Phạm Thị Dung', group: g2.id, personalId: '019195004321', phone: '0933444555' },
	]
	const rows = await db
		.insert(residents)
		.values(
			people.map((p, i) => {
				const id = protectField(keyring, 'personalId', p.personalId)
				const phone = protectField(keyring, 'phone', p.phone)
				return {
					wardId: ward.id,
					residentialGroupId: p.group,
					householdId: p.group === g1.id ? household?.id : null,
					fullName: p.name,
					searchName: p.name.toLowerCase(),
					sex: i % 2 === 0 ? ('male' as const) : ('female' as const),
					birthYear: 1980 + i,
					personalIdCipher: id.cipher,
					personalIdHash: id.hash,
					phoneCipher: phone.cipher,
					phoneHash: phone.hash,
				}
			}),
		)
		.returning({ id: residents.id })
	const ids = rows.map((r) => r.id) as [string, string, string, string]
	await db.insert(organizationMemberships).values([
		{ organizationId: o1.id, residentId: ids[2], kind: 'staff' },
		{ organizationId: o2.id, residentId: ids[3], kind: 'worker' },
	])
	return {
		wardId: ward.id,
		groups: [g1.id, g2.id] as [string, string],
		organizations: [o1.id, o2.id] as [string, string],
		residents: ids,
		/** One household in group 1 holding residents[0] and residents[2]. */
		households: [household?.id ?? ''] as [string],
		people,
	}
}

export type IdentityWard = Awaited<ReturnType<typeof createIdentityWard>>

const passwordHashes = new Map<string, Promise<string>>()

/** An account with one role; the scope defaults to the ward's first group / organisation. */
export async function createUserWithRole(
	services: AppServices,
	ward: IdentityWard,
	role: Role | null,
	options: { username?: string; password?: string; residentId?: string | null; scopeId?: string } = {},
) {
	const password = options.password ?? 'Mat-khau-thu-nghiem-1'
	let hash = passwordHashes.get(password)
	if (!hash) {
		hash = hashPassword(password)
		passwordHashes.set(password, hash)
	}
	const username = (
		options.username ?? `${role ?? 'none'}-${Math.random().toString(36).slice(2, 8)}`
	).toLowerCase()
	const [user] = await services.db
		.insert(users)
		.values({
			wardId: ward.wardId,
			username,
			displayName: `Người dùng ${username}`,
			passwordHash: await hash,
			residentId: options.residentId ?? null,
		})
		.returning({ id: users.id })
	if (!user) throw new Error('user')
	if (role) {
		const scopeKind: ScopeKind =
			(
				{
					focalPoint: 'organization',
					groupLeader: 'residentialGroup',
					volunteer: 'residentialGroup',
					learner: 'self',
				} as Partial<Record<Role, ScopeKind>>
			)[role] ?? 'ward'
		const scopeId =
			scopeKind === 'organization'
				? (options.scopeId ?? ward.organizations[0])
				: scopeKind === 'residentialGroup'
					? (options.scopeId ?? ward.groups[0])
					: null
		await services.db.insert(roleAssignments).values({ userId: user.id, role, scopeKind, scopeId })
	}
	return { id: user.id, username, password, wardId: ward.wardId }
}

/** A signed-in request for a user: a session cookie on a request to `path`. */
export async function signedInCookie(services: AppServices, userId: string): Promise<string> {
	const { token } = await createSession(services, { userId, ip: '127.0.0.1', userAgent: 'vitest' })
	return `hv_session=${token}`
}
