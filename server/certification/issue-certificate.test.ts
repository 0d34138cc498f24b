import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { auditLog } from '#server/audit/schema.ts'
import { CODE_ALPHABET, normalizeCertificateCode } from '#server/certification/certificate-code.ts'
import { CertificateIssueError, issueCertificate } from '#server/certification/issue-certificate.server.ts'
import { certificates } from '#server/certification/schema.ts'
import { insertTestTracks } from '#server/certification/testing/certification-fixtures.ts'
import { createIdentityWard } from '#server/identity/testing/identity-fixtures.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let ward: Awaited<ReturnType<typeof createIdentityWard>>

beforeAll(async () => {
	services = await createTestServices()
	ward = await createIdentityWard(services)
	await insertTestTracks(services)
})
afterAll(async () => {
	await services.close()
})

describe('issueCertificate', () => {
	test('issues one certificate with a well-formed code and an audit entry', async () => {
		const cert = await issueCertificate(services.db, {
			wardId: ward.wardId,
			residentId: ward.residents[0],
			trackId: 'citizen',
			basis: 'final_assessment',
			sourceId: 'attempt-1',
			issuedByUserId: null,
			actorLabel: 'test',
		})
		expect(cert.created).toBe(true)
		expect(cert.status).toBe('valid')
		expect(cert.code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{5}-[${CODE_ALPHABET}]{5}$`))
		expect(normalizeCertificateCode(cert.code.toLowerCase().replace('-', ' '))).toBe(cert.code)
		const [audit] = await services.db
			.select()
			.from(auditLog)
			.where(and(eq(auditLog.action, 'certificate.issued'), eq(auditLog.entityId, cert.id)))
		expect(audit?.details).toMatchObject({ residentId: ward.residents[0], basis: 'final_assessment' })
	})

	test('is idempotent, also when called at the same time', async () => {
		const input = {
			wardId: ward.wardId,
			residentId: ward.residents[1],
			trackId: 'elderly',
			basis: 'oral_assessment' as const,
			issuedByUserId: null,
		}
		const results = await Promise.all([1, 2, 3].map(() => issueCertificate(services.db, input)))
		expect(new Set(results.map((r) => r.id)).size).toBe(1)
		expect(results.filter((r) => r.created)).toHaveLength(1)
		const again = await issueCertificate(services.db, { ...input, basis: 'vneid' })
		expect(again).toMatchObject({ id: results[0]!.id, created: false, basis: 'oral_assessment' })
		const [n] = await services.db
			.select({ n: count() })
			.from(certificates)
			.where(eq(certificates.residentId, ward.residents[1]))
		expect(n!.n).toBe(1)
	})

	test('refuses a resident of another ward and writes nothing', async () => {
		const other = await createIdentityWard(services)
		await expect(
			issueCertificate(services.db, {
				wardId: ward.wardId,
				residentId: other.residents[0],
				trackId: 'citizen',
				basis: 'final_assessment',
				issuedByUserId: null,
			}),
		).rejects.toBeInstanceOf(CertificateIssueError)
		const [n] = await services.db
			.select({ n: count() })
			.from(certificates)
			.where(eq(certificates.residentId, other.residents[0]))
		expect(n!.n).toBe(0)
	})
})

describe('normalizeCertificateCode', () => {
	test('rejects look-alikes and wrong lengths', () => {
		expect(normalizeCertificateCode('ABCDE-FGHJ0')).toBeNull()
		expect(normalizeCertificateCode('ABCDE-FGHJ')).toBeNull()
		expect(normalizeCertificateCode('abcde fghjk')).toBe('ABCDE-FGHJK')
	})
})
