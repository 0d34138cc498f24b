import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { runUserCreate } from '#cli/commands/user.ts'
import { roleAssignments, users } from '#server/identity/schema.ts'
import { signInWithPassword } from '#server/identity/sign-in-with-password.server.ts'
import { createIdentityWard, type IdentityWard } from '#server/identity/testing/identity-fixtures.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let ward: IdentityWard
beforeAll(async () => {
	services = await createTestServices()
	ward = await createIdentityWard(services)
})
afterAll(async () => {
	await services.close()
})

async function run(args: string[], stdin = '') {
	const lines: string[] = []
	const code = await runUserCreate(services, args, {
		print: (l) => lines.push(l),
		readStdin: async () => stdin,
	})
	return { code, lines }
}

test('creates an account with the password from stdin, scoped to a residential group by code', async () => {
	const { code, lines } = await run(
		[
			'--username',
			'ToTruong2',
			'--role',
			'groupLeader',
			'--scope-group',
			'TDP2',
			'--name',
			'Lý Văn Hải',
			'--password-stdin',
		],
		'mot cum tu de nho\n',
	)
	expect(code, lines.join('\n')).toBe(0)
	const user = await services.db.query.users.findFirst({ where: eq(users.username, 'totruong2') })
	expect(user).toMatchObject({ displayName: 'Lý Văn Hải', mustChangePassword: false })
	const grants = await services.db
		.select()
		.from(roleAssignments)
		.where(eq(roleAssignments.userId, user?.id ?? ''))
	expect(grants).toMatchObject([
		{ role: 'groupLeader', scopeKind: 'residentialGroup', scopeId: ward.groups[1] },
	])
	const signedIn = await signInWithPassword(services, {
		identifier: 'totruong2',
		password: 'mot cum tu de nho',
		ip: null,
		userAgent: null,
		requestId: 'cli',
	})
	expect(signedIn.status).toBe('ok')
})

test('generates and prints a temporary password when none is given', async () => {
	const { code, lines } = await run(['--username', 'giamsat2', '--role', 'auditor', '--name', 'Hà Thị Thu'])
	expect(code).toBe(0)
	expect(lines.join('\n')).toMatch(/temporary password: [a-z2-9]{5}-[a-z2-9]{5}-[a-z2-9]{5}/)
})

test('refuses a missing scope, an unknown role, a short password and a taken username', async () => {
	expect((await run(['--username', 'tn9', '--role', 'volunteer', '--name', 'A'])).code).toBe(2)
	expect((await run(['--username', 'x9', '--role', 'mayor', '--name', 'A'])).code).toBe(2)
	expect(
		(await run(['--username', 'x10', '--role', 'instructor', '--name', 'A', '--password-stdin'], 'short'))
			.code,
	).toBe(2)
	expect((await run(['--username', 'giamsat2', '--role', 'auditor', '--name', 'B'])).code).toBe(1)
})
