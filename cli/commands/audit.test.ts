import { afterAll, beforeAll, expect, test } from 'vitest'
import { runAuditVerify } from '#cli/commands/audit.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
beforeAll(async () => {
	services = await createTestServices()
})
afterAll(async () => {
	await services.close()
})

const actor = { userId: null, label: 'cli-test', wardId: null }

test('`audit verify` says OK on an intact chain and names the first entry altered in the database', async () => {
	for (let i = 0; i < 5; i++)
		await recordAudit(services.db, { actor, action: 'auth.signIn', details: { attempt: i } })
	const ok: string[] = []
	expect(await runAuditVerify(services.database, (l) => ok.push(l))).toBe(0)
	expect(ok[0]).toMatch(/^OK: 5 /)

	// Tamper the way an operator with database rights could: triggers off, one row edited.
	const [third] = await services.database.query<{ seq: string | number }>(
		'select seq from audit_log order by seq offset 2 limit 1',
	)
	await services.database.query('alter table audit_log disable trigger audit_log_no_update_delete')
	await services.database.query(`update audit_log set actor_label = 'someone-else' where seq = $1`, [
		third?.seq,
	])
	await services.database.query('alter table audit_log enable trigger audit_log_no_update_delete')

	const broken: string[] = []
	expect(await runAuditVerify(services.database, (l) => broken.push(l))).toBe(1)
	expect(broken[0]).toContain(`#${Number(third?.seq)}`)
	expect(broken[0]).toMatch(/altered/)
})
