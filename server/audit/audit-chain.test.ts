import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { canonicalJson } from '#server/audit/canonical-json.ts'
import { GENESIS_HASH, recordAudit } from '#server/audit/record-audit.server.ts'
import { verifyAuditChain } from '#server/audit/verify-audit-chain.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

const actor = { userId: null, label: 'vitest', wardId: null }

describe('canonical JSON', () => {
	test('sorts keys at every level and drops undefined members', () => {
		expect(canonicalJson({ b: 1, a: { d: [1, 'x', null], c: true }, z: undefined })).toBe(
			'{"a":{"c":true,"d":[1,"x",null]},"b":1}',
		)
		expect(() => canonicalJson({ n: Number.NaN })).toThrow()
	})
})

describe('audit chain', () => {
	let services: TestServices
	beforeAll(async () => {
		services = await createTestServices()
	})
	afterAll(async () => {
		await services.close()
	})

	test('links each entry to the previous one and verifies', async () => {
		expect(await verifyAuditChain(services.database)).toMatchObject({
			ok: true,
			entries: 0,
			headHash: GENESIS_HASH,
		})
		const first = await recordAudit(services.db, {
			actor,
			action: 'test.first',
			details: { b: 2, a: 'Tổ 1' },
		})
		const second = await recordAudit(services.db, {
			actor: { userId: '7D1E1B8C-3F4A-4C55-9E8B-1B2C3D4E5F60', label: 'quantri', wardId: null },
			action: 'test.second',
			entityType: 'user',
			entityId: 'x',
			ip: '192.168.1.20',
			requestId: 'r-1',
			details: { nested: { list: [1, 2, 3], flag: false }, gone: undefined },
		})
		const rows = await services.database.query<{ prev_hash: string; hash: string }>(
			'select prev_hash, hash from audit_log order by seq',
		)
		expect(rows.map((r) => r.prev_hash)).toEqual([GENESIS_HASH, first.hash])
		expect(rows[1]?.hash).toBe(second.hash)
		expect(await verifyAuditChain(services.database)).toMatchObject({
			ok: true,
			entries: 2,
			headHash: second.hash,
		})
	})

	test('stays one chain when many entries are appended at once', async () => {
		await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				recordAudit(services.db, { actor, action: 'test.parallel', details: { i } }),
			),
		)
		expect(await verifyAuditChain(services.database)).toMatchObject({ ok: true })
	})

	test('joins the transaction of the change it records', async () => {
		const before = await verifyAuditChain(services.database)
		await expect(
			services.db.transaction(async (tx) => {
				await recordAudit(tx, { actor, action: 'test.rolledBack' })
				throw new Error('change failed')
			}),
		).rejects.toThrow('change failed')
		const after = await verifyAuditChain(services.database)
		expect(after).toMatchObject({ ok: true, entries: before.entries })
	})

	test('refuses details that look like a personal ID or phone number', async () => {
		await expect(
			recordAudit(services.db, { actor, action: 'test.bad', details: { note: '019090001234' } }),
		).rejects.toThrow(/personal data/)
		await expect(
			recordAudit(services.db, { actor, action: 'test.bad', details: { p: ['0912 345 678'] } }),
		).rejects.toThrow(/personal data/)
	})

	test('the database refuses to change or delete entries', async () => {
		await expect(services.database.query(`update audit_log set action = 'x'`)).rejects.toThrow(/append-only/)
		await expect(services.database.query('delete from audit_log')).rejects.toThrow(/append-only/)
	})

	test('verification finds an entry altered or removed behind the database’s back', async () => {
		const target = await recordAudit(services.db, { actor, action: 'test.target', details: { amount: 1 } })
		await recordAudit(services.db, { actor, action: 'test.after' })
		// Someone with owner rights switches the triggers off and edits the row.
		await services.database.query('alter table audit_log disable trigger audit_log_no_update_delete')
		await services.database.query(`update audit_log set details = '{"amount": 2}' where seq = $1`, [
			target.seq,
		])
		const altered = await verifyAuditChain(services.database)
		expect(altered).toMatchObject({ ok: false, brokenSeq: target.seq, reason: 'hashMismatch' })
		await services.database.query(`update audit_log set details = '{"amount": 1}' where seq = $1`, [
			target.seq,
		])
		expect(await verifyAuditChain(services.database)).toMatchObject({ ok: true })
		await services.database.query('delete from audit_log where seq = $1', [target.seq])
		const removed = await verifyAuditChain(services.database)
		expect(removed).toMatchObject({ ok: false, brokenSeq: target.seq + 1, reason: 'prevHashMismatch' })
		await services.database.query('alter table audit_log enable trigger audit_log_no_update_delete')
	})
})
