import { and, count, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { auditLog } from '#server/audit/schema.ts'
import {
	commitCertificationImport,
	prepareCertificationImport,
	readCertificationImport,
} from '#server/certification/import/certification-import.server.ts'
import { unmatchedRowsCsv } from '#server/certification/import/unmatched-rows-csv.ts'
import { issueCertificate } from '#server/certification/issue-certificate.server.ts'
import { certificateImports, certificates } from '#server/certification/schema.ts'
import { insertTestTracks } from '#server/certification/testing/certification-fixtures.ts'
import { createIdentityWard } from '#server/identity/testing/identity-fixtures.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let ward: Awaited<ReturnType<typeof createIdentityWard>>

// As a ward receives it: a title, a header row in Vietnamese, dates in two styles, a stranger, a
// duplicate, a broken ID, a signature line.
const list = [
	'DANH SÁCH CÔNG DÂN ĐƯỢC CÔNG NHẬN ĐẠT CHUẨN KỸ NĂNG SỐ,,,,',
	'STT,Họ và tên,Số CCCD,Ngày công nhận,Mã chứng nhận',
	'1,Nguyễn Văn An,019090001234,15/11/2026,BDHVS-0001',
	'2,Trần Thị Bình,019190005678,2026-11-16,BDHVS-0002',
	'3,Người Nơi Khác,001099012345,16/11/2026,BDHVS-0003',
	'4,Nguyễn Văn An,019090001234,,BDHVS-0004',
	'5,Sai Số,12345,,',
	'6,Phạm Thị Dung,019195004321,17/11/2026,BDHVS-0006',
	',Người lập biểu,,,',
].join('\r\n')

beforeAll(async () => {
	services = await createTestServices()
	ward = await createIdentityWard(services)
	await insertTestTracks(services)
	// Dung already holds the track's certificate (earned here): the import must not add another.
	await issueCertificate(services.db, {
		wardId: ward.wardId,
		residentId: ward.residents[3],
		trackId: 'citizen',
		basis: 'final_assessment',
		issuedByUserId: null,
	})
})
afterAll(async () => {
	await services.close()
})

async function prepare(bytes: Buffer) {
	return prepareCertificationImport(services, {
		wardId: ward.wardId,
		source: 'national_platform',
		trackId: 'citizen',
		fileName: 'cong-nhan.csv',
		bytes,
		userId: null,
	})
}

describe('importing certifications confirmed elsewhere', () => {
	test('previews matched, unmatched, duplicate, already certified and invalid rows', async () => {
		const prepared = await prepare(Buffer.from(list, 'utf8'))
		expect(prepared).toMatchObject({
			ok: true,
			counts: { rows: 6, matched: 2, unmatched: 1, duplicate: 1, alreadyCertified: 1, invalid: 1, issued: 0 },
		})
		if (!prepared.ok) return
		const [stored] = await services.db
			.select()
			.from(certificateImports)
			.where(eq(certificateImports.id, prepared.importId))
		// Personal IDs are never stored in clear.
		expect(stored!.rowsEncrypted).not.toContain('019090001234')
		const read = await readCertificationImport(services, ward.wardId, prepared.importId)
		const csv = unmatchedRowsCsv(read!.rows)
		expect(csv).toContain('001099012345,Người Nơi Khác,2026-11-16,BDHVS-0003,Không có người dân')
		expect(csv).toContain('12345,Sai Số')
		expect(csv).not.toContain('Trần Thị Bình')
	})

	test('commits in one transaction; importing the same list again changes nothing', async () => {
		const first = await prepare(Buffer.from(list, 'utf8'))
		if (!first.ok) throw new Error('prepare')
		const committed = await commitCertificationImport(services, {
			wardId: ward.wardId,
			importId: first.importId,
			userId: null,
			actorLabel: 'test',
		})
		expect(committed).toMatchObject({ ok: true, counts: { issued: 2 } })
		const an = await services.db
			.select()
			.from(certificates)
			.where(and(eq(certificates.residentId, ward.residents[0]), eq(certificates.trackId, 'citizen')))
		expect(an).toHaveLength(1)
		expect(an[0]).toMatchObject({
			basis: 'national_platform',
			sourceId: 'BDHVS-0001',
			issuedOn: '2026-11-15',
		})
		expect(
			await commitCertificationImport(services, {
				wardId: ward.wardId,
				importId: first.importId,
				userId: null,
				actorLabel: 'test',
			}),
		).toEqual({ ok: false, reason: 'alreadyCommitted' })

		const before = await services.db.select({ n: count() }).from(certificates)
		const again = await prepare(Buffer.from(list, 'utf8'))
		expect(again).toMatchObject({ ok: true, counts: { matched: 0, alreadyCertified: 3 } })
		if (!again.ok) return
		const second = await commitCertificationImport(services, {
			wardId: ward.wardId,
			importId: again.importId,
			userId: null,
			actorLabel: 'test',
		})
		expect(second).toMatchObject({ ok: true, counts: { issued: 0 } })
		expect(await services.db.select({ n: count() }).from(certificates)).toEqual(before)
		const audits = await services.db
			.select({ details: auditLog.details })
			.from(auditLog)
			.where(eq(auditLog.action, 'certificate.imported'))
		expect(audits).toHaveLength(2)
		expect(JSON.stringify(audits)).not.toContain('019090001234')
	})

	test('refuses a file without a personal ID column, and a non-spreadsheet, writing nothing', async () => {
		const before = await services.db.select({ n: count() }).from(certificateImports)
		const noId = await prepare(Buffer.from('Họ và tên,Ngày\r\nNguyễn Văn An,15/11/2026\r\n', 'utf8'))
		expect(noId).toMatchObject({ ok: false, messageVi: expect.stringContaining('số định danh') })
		const binary = await prepare(Buffer.from([0, 1, 2, 3, 255, 254, 0, 0, 9]))
		expect(binary.ok).toBe(false)
		expect(await services.db.select({ n: count() }).from(certificateImports)).toEqual(before)
	})
})
