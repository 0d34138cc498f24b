import type { Database } from '#server/db/client.server.ts'
import { demoAccounts } from '#server/demo/demo-accounts.ts'
import type { DemoWard } from '#server/demo/demo-ward-types.ts'
import { hashPassword } from '#server/identity/password.server.ts'
import { type Role, roleAssignments, type ScopeKind, users } from '#server/identity/schema.ts'

/** Hashes each distinct demo password once (argon2id is deliberately slow; all accounts share one). */
export async function hashDemoPasswords(): Promise<Map<string, string>> {
	const hashes = new Map<string, string>()
	for (const password of new Set(demoAccounts.map((account) => account.password))) {
		hashes.set(password, await hashPassword(password))
	}
	return hashes
}

function scopeFor(role: Role, ward: DemoWard): { scopeKind: ScopeKind; scopeId: string | null } {
	switch (role) {
		case 'groupLeader':
		case 'volunteer':
			return { scopeKind: 'residentialGroup', scopeId: ward.residentialGroups[0]?.id ?? null }
		case 'focalPoint':
			return { scopeKind: 'organization', scopeId: ward.primarySchoolId }
		case 'learner':
			return { scopeKind: 'self', scopeId: null }
		default:
			return { scopeKind: 'ward', scopeId: null }
	}
}

/**
 * Creates one account per demo role with its role assignment: ward-wide roles scoped to the ward, the
 * group leader and volunteer to the first residential group, the focal point to the primary school,
 * and the learner (scope self) linked to the first adult resident.
 */
export async function insertDemoUsers(
	db: Database,
	ward: DemoWard,
	passwordHashes: Map<string, string>,
): Promise<number> {
	const created = await db
		.insert(users)
		.values(
			demoAccounts.map((account) => ({
				wardId: ward.ward.id,
				username: account.username,
				displayName: account.displayName,
				passwordHash: passwordHashes.get(account.password) ?? null,
				residentId: account.role === 'learner' ? ward.learnerResidentId : null,
			})),
		)
		.returning({ id: users.id, username: users.username })
	const idByUsername = new Map(created.map((row) => [row.username, row.id]))
	await db.insert(roleAssignments).values(
		demoAccounts.map((account) => ({
			userId: idByUsername.get(account.username) as string,
			role: account.role,
			...scopeFor(account.role, ward),
		})),
	)
	return created.length
}
