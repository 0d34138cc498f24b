import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { verifyAuditChain } from '#server/audit/verify-audit-chain.server.ts'
import { createUserAccount } from '#server/identity/create-user-account.server.ts'
import type { PolicySubject } from '#server/identity/permissions.ts'
import { signInWithPassword } from '#server/identity/sign-in-with-password.server.ts'
import { createIdentityWard, type IdentityWard } from '#server/identity/testing/identity-fixtures.ts'
import { readResidentIdentifiers } from '#server/security/reveal-personal-data.server.ts'
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

const audit = {
	actor: { userId: null, label: 'vitest', wardId: null },
	ip: '127.0.0.1',
	requestId: 'reveal-test',
}
const as = (role: PolicySubject['roles'][number]['role'], scopeId: string | null = null): PolicySubject => ({
	id: 'u',
	wardId: ward.wardId,
	residentId: null,
	roles: [
		{
			role,
			scopeKind:
				role === 'groupLeader' || role === 'volunteer'
					? 'residentialGroup'
					: role === 'focalPoint'
						? 'organization'
						: 'ward',
			scopeId,
		},
	],
})

async function revealCount(): Promise<number> {
	const rows = await services.database.query<{ n: string | number }>(
		`select count(*) as n from audit_log where action = 'personalData.reveal'`,
	)
	return Number(rows[0]?.n ?? 0)
}

describe('revealing a resident’s personal ID and phone', () => {
	test('shows them masked by default, and logs nothing', async () => {
		const before = await revealCount()
		const shown = await readResidentIdentifiers(services, audit, as('steeringStaff'), ward.residents[0])
		expect(shown).toEqual({ personalId: '0190******34', phone: '091****678', revealed: [], revealable: [] })
		expect(await revealCount()).toBe(before)
	})

	test('reveals in full only to a role that may, and records each reveal', async () => {
		const before = await revealCount()
		const shown = await readResidentIdentifiers(services, audit, as('wardAdmin'), ward.residents[0], {
			reveal: ['personalId', 'phone'],
		})
		expect(shown).toMatchObject({
			personalId: '019090001234',
			phone: '0912345678',
			revealed: ['personalId', 'phone'],
		})
		expect(await revealCount()).toBe(before + 1)
		const [entry] = await services.database.query<{ entity_id: string; details: unknown }>(
			`select entity_id, details from audit_log where action = 'personalData.reveal' order by seq desc limit 1`,
		)
		expect(entry).toEqual({ entity_id: ward.residents[0], details: { fields: ['personalId', 'phone'] } })
	})

	test('a volunteer may reveal a phone in their group but never a personal ID', async () => {
		const shown = await readResidentIdentifiers(
			services,
			audit,
			as('volunteer', ward.groups[0]),
			ward.residents[0],
			{
				reveal: ['personalId', 'phone'],
			},
		)
		expect(shown).toMatchObject({ personalId: '0190******34', phone: '0912345678', revealed: ['phone'] })
	})

	test('nothing at all outside the person’s scope', async () => {
		const other = await readResidentIdentifiers(
			services,
			audit,
			as('groupLeader', ward.groups[0]),
			ward.residents[1],
			{
				reveal: ['personalId'],
			},
		)
		expect(other).toBeNull()
	})
})

test('no plaintext personal ID or phone number reaches any table', async () => {
	// Exercise the paths that touch identifiers: storing (fixtures use protectField), revealing, auditing.
	await readResidentIdentifiers(services, audit, as('wardAdmin'), ward.residents[1], {
		reveal: ['personalId', 'phone'],
	})
	// An account with a phone number, and sign-in attempts by phone and by ID (known and unknown),
	// which fill rate_limit and the audit trail.
	const created = await createUserAccount(services, audit, {
		wardId: ward.wardId,
		username: 'co-so-dien-thoai',
		displayName: 'Có số điện thoại',
		phone: ward.people[2]?.phone,
		role: 'instructor',
	})
	expect(created.ok).toBe(true)
	for (const identifier of [ward.people[2]?.phone, ward.people[3]?.phone, ward.people[0]?.personalId]) {
		const attempt = {
			identifier: identifier ?? '',
			password: 'sai',
			ip: '10.0.0.9',
			userAgent: null,
			requestId: 'r',
		}
		expect((await signInWithPassword(services, attempt)).status).toBe('invalid')
	}
	expect(await verifyAuditChain(services.database)).toMatchObject({ ok: true })
	const tables = await services.database.query<{ table_name: string }>(
		`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
	)
	expect(tables.length).toBeGreaterThan(5)
	const secrets = ward.people.flatMap((p) => [p.personalId, p.phone, p.phone.slice(1)])
	for (const { table_name } of tables) {
		const rows = await services.database.query<{ row: string }>(
			`select row_to_json(t)::text as row from "${table_name}" t`,
		)
		const text = rows.map((r) => r.row).join('\n')
		for (const secret of secrets)
			expect(text.includes(secret), `${secret} found in ${table_name}`).toBe(false)
	}
})
