import { desc } from 'drizzle-orm'
import type { AppLoadContext } from 'react-router'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { auditLog } from '#server/audit/schema.ts'
import { verifyAuditChain } from '#server/audit/verify-audit-chain.server.ts'
import {
	createIdentityWard,
	createUserWithRole,
	type IdentityWard,
	signedInCookie,
} from '#server/identity/testing/identity-fixtures.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'
import { loader as exportLoader } from './export-residents.ts'
import { loader as listLoader } from './residents.tsx'

// Every bulk read of personal data leaves an audit entry saying who, from where, what was asked and how
// many rows — through the real loaders of the resident list and its export, as people call them.

let services: TestServices
let ward: IdentityWard
beforeAll(async () => {
	services = await createTestServices()
	ward = await createIdentityWard(services)
})
afterAll(async () => {
	await services.close()
})

type Loader = (args: { request: Request; context: AppLoadContext; params: Record<string, string> }) => unknown

async function callAs(loader: Loader, userId: string, path: string, requestId: string) {
	const request = new Request(`http://localhost${path}`, {
		headers: { Cookie: await signedInCookie(services, userId) },
	})
	const context = { app: services, requestId, clientIp: '203.0.113.7' } as AppLoadContext
	return loader({ request, context, params: {} })
}

async function lastEntry() {
	const [entry] = await services.db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(1)
	return entry
}

describe('bulk reads of personal data are audited', () => {
	test('the resident list: who, from where, the filters, how many rows — never the search text', async () => {
		const leader = await createUserWithRole(services, ward, 'groupLeader')
		const page = (await callAs(listLoader as Loader, leader.id, `/nguoi-dan?sex=male`, 'req-list-1')) as {
			page: { items: unknown[] }
		}
		// The leader's residential group holds two residents, both men.
		expect(page.page.items).toHaveLength(2)
		const entry = await lastEntry()
		expect(entry).toMatchObject({
			action: 'personalData.bulkRead',
			actorUserId: leader.id,
			actorLabel: leader.username,
			ip: '203.0.113.7',
			requestId: 'req-list-1',
			entityType: 'resident',
		})
		expect(entry?.details).toMatchObject({ purpose: 'residents.list', rowCount: 2, filters: { sex: 'male' } })

		// A phone number typed into the search box: the audit log refuses anything that looks like one,
		// so the page loading at all shows the text was left out; the entry says only that one searched.
		await callAs(listLoader as Loader, leader.id, '/nguoi-dan?q=0912345678', 'req-list-2')
		const searched = await lastEntry()
		expect(searched).toMatchObject({ action: 'personalData.bulkRead', requestId: 'req-list-2' })
		expect(searched?.details).toMatchObject({ purpose: 'residents.list', filters: { search: true } })
		expect(JSON.stringify(searched?.details)).not.toContain('0912345678')
	})

	test('the export: its own action, the format and whether identifiers were revealed', async () => {
		const admin = await createUserWithRole(services, ward, 'wardAdmin')
		const response = (await callAs(
			exportLoader as Loader,
			admin.id,
			'/nguoi-dan/xuat?dinhDang=csv',
			'req-export-1',
		)) as Response
		expect(response.status).toBe(200)
		const csv = await response.text()
		const entry = await lastEntry()
		expect(entry).toMatchObject({
			action: 'personalData.export',
			actorUserId: admin.id,
			ip: '203.0.113.7',
			requestId: 'req-export-1',
		})
		// Every resident of the ward, one line each under the header.
		expect(entry?.details).toMatchObject({
			purpose: 'residents.export',
			rowCount: ward.residents.length,
			filters: { format: 'csv', personalIdRevealed: true, phoneRevealed: true },
		})
		expect(csv.trim().split('\n')).toHaveLength(ward.residents.length + 1)
		expect((await verifyAuditChain(services.database)).ok).toBe(true)
	})
})
