import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { findCertificateByCode } from '#server/certification/certificate-record.server.ts'
import { certificateQrUrl } from '#server/certification/certificate-token.server.ts'
import { issueCertificate } from '#server/certification/issue-certificate.server.ts'
import { revokeCertificate } from '#server/certification/revoke-certificate.server.ts'
import { insertTestTracks } from '#server/certification/testing/certification-fixtures.ts'
import {
	countVerifyRequest,
	listPublishedKeys,
	VERIFY_RATE_LIMIT,
	verifyCertificate,
} from '#server/certification/verify-certificate.server.ts'
import { createIdentityWard } from '#server/identity/testing/identity-fixtures.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let ward: Awaited<ReturnType<typeof createIdentityWard>>
let code: string

beforeAll(async () => {
	services = await createTestServices()
	services.env = { ...services.env, CERTIFICATE_SIGNING_KEY: Buffer.alloc(32, 9).toString('base64') }
	ward = await createIdentityWard(services)
	await insertTestTracks(services)
	const cert = await issueCertificate(services.db, {
		wardId: ward.wardId,
		residentId: ward.residents[0],
		trackId: 'citizen',
		basis: 'final_assessment',
		issuedByUserId: null,
		issuedOn: '2026-11-20',
	})
	code = cert.code
})
afterAll(async () => {
	await services.close()
})

async function qrToken(): Promise<string> {
	const record = await findCertificateByCode(services.db, code)
	const url = new URL(certificateQrUrl(services, record!, 'https://hocvuso.example.vn/'))
	expect(url.pathname).toBe(`/xac-minh/${code}`)
	return url.searchParams.get('ky')!
}

describe('the public verification', () => {
	test('shows validity, track, date, ward and a masked name — and nothing else personal', async () => {
		const result = await verifyCertificate(services, code.toLowerCase().replace('-', ''), null)
		expect(result).toEqual({
			state: 'valid',
			code,
			trackNameVi: 'Công dân số',
			trackNameEn: 'Digital citizen',
			issuedOn: '2026-11-20',
			wardKind: 'ward',
			wardName: 'Phường Thử Nghiệm',
			provinceName: 'Thái Nguyên',
			maskedName: 'N*** V** A*',
			revokedOn: null,
			signature: 'absent',
		})
		const shown = JSON.stringify(result)
		// The fixture resident: Nguyễn Văn An, ID 019090001234, phone 0912345678, born 1980.
		for (const secret of ['Nguyễn', 'Văn', 'An"', '019090001234', '0912345678', '1980', ward.residents[0]]) {
			expect(shown).not.toContain(secret)
		}
		for (const group of ward.groups) expect(shown).not.toContain(group)
	})

	test("checks the QR code's signature against the ward's key", async () => {
		const token = await qrToken()
		expect((await verifyCertificate(services, code, token)).state).toBe('valid')
		expect(await verifyCertificate(services, code, token)).toMatchObject({ signature: 'valid' })
		const [payload, signature] = token.split('.') as [string, string]
		const forged = Buffer.from(
			Buffer.from(payload, 'base64url').toString('utf8').replace('2026-11-20', '2020-01-01'),
		).toString('base64url')
		expect(await verifyCertificate(services, code, `${forged}.${signature}`)).toMatchObject({
			signature: 'invalid',
		})
		expect(await verifyCertificate(services, code, 'garbage')).toMatchObject({ signature: 'invalid' })
		const keys = await listPublishedKeys(services)
		expect(keys.find((k) => k.wardName === 'Phường Thử Nghiệm')?.keyId).toBe(
			Buffer.from(payload, 'base64url').toString('utf8').split('|')[1],
		)
	})

	test('an unknown or malformed code reveals nothing', async () => {
		expect(await verifyCertificate(services, 'ABCDE-FGHJK', null)).toEqual({ state: 'unknown' })
		expect(await verifyCertificate(services, "' or 1=1 --", null)).toEqual({ state: 'unknown' })
	})

	test('a revoked certificate shows as revoked, without the reason', async () => {
		const cert = await issueCertificate(services.db, {
			wardId: ward.wardId,
			residentId: ward.residents[1],
			trackId: 'citizen',
			basis: 'vneid',
			issuedByUserId: null,
		})
		const outcome = await revokeCertificate(services.db, {
			wardId: ward.wardId,
			certificateId: cert.id,
			reason: 'Nhập nhầm người (bí mật)',
			userId: null,
			actorLabel: 'test',
		})
		expect(outcome).toEqual({ ok: true })
		const result = await verifyCertificate(services, cert.code, null)
		expect(result).toMatchObject({ state: 'revoked', maskedName: 'T*** T** B***' })
		expect(JSON.stringify(result)).not.toContain('bí mật')
	})

	test('is rate-limited per address', async () => {
		const now = new Date('2026-12-01T00:00:00Z')
		for (let i = 0; i < VERIFY_RATE_LIMIT.limit - 1; i++) {
			expect((await countVerifyRequest(services, '203.0.113.9', now)).blocked).toBe(false)
		}
		expect((await countVerifyRequest(services, '203.0.113.9', now)).blocked).toBe(true)
		expect((await countVerifyRequest(services, '203.0.113.10', now)).blocked).toBe(false)
	})
})
