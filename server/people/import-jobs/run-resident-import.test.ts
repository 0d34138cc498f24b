import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import {
	createImportBatch,
	getImportBatch,
	markImportQueued,
} from '#server/people/import-jobs/import-batches.server.ts'
import { prepareResidentImport } from '#server/people/import-jobs/prepare-resident-import.server.ts'
import { rowsOf } from '#server/people/import-jobs/rows-of.ts'
import { runResidentImportBatch } from '#server/people/import-jobs/run-resident-import.server.ts'
import { buildSampleResidentWorkbook } from '#server/people/import-jobs/test-workbook.ts'
import { residents } from '#server/people/schema.ts'
import { updateResident } from '#server/people/update-resident.server.ts'
import { lookupHash } from '#server/security/personal-data.server.ts'
import { allowConsoleError } from '#tests/support/console-guard.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let wardId: string

beforeAll(async () => {
	services = await createTestServices()
	await seedDemoWard(services, { residents: 60, seed: 11 })
	wardId = (await services.db.query.wards.findFirst())!.id
})
afterAll(async () => {
	await services.close()
})

async function counts() {
	const [row] = rowsOf<{ residents: number; households: number; audits: number }>(
		await services.db.execute(sql`select
			(select count(*)::int from resident) as residents,
			(select count(*)::int from household) as households,
			(select count(*)::int from audit_log where action = 'residents.imported') as audits`),
	)
	return row!
}

async function importFile(bytes: Buffer, options: Parameters<typeof runResidentImportBatch>[2] = {}) {
	const batchId = await createImportBatch(services.db, {
		wardId,
		createdBy: null,
		actorLabel: 'test',
		fileName: 'to-1.xlsx',
		bytes,
	})
	expect(await markImportQueued(services.db, { wardId, batchId })).toBe(true)
	const result = await runResidentImportBatch(services, batchId, { today: '2026-06-01', ...options })
	return { batchId, result }
}

test('the preview matches the sheet to its group, counts new rows and rejects the bad one with a reason', async () => {
	const plan = await prepareResidentImport(services, {
		wardId,
		bytes: await buildSampleResidentWorkbook(),
		fileName: 'to-1.xlsx',
		today: '2026-06-01',
	})
	const group = plan.groups.find((g) => g.id === plan.sheets[0]!.groupId)
	expect(group?.code).toBe('TDP01')
	expect(plan.counts).toMatchObject({ new: 3, updated: 0, unchanged: 0, rejected: 1 })
	expect(plan.rejected[0]).toMatchObject({ sheetName: 'Tổ 1', rowNumber: 7 })
	expect(plan.rejected[0]!.errors[0]!.messageVi).toMatch(/định danh|CCCD|12 chữ số/i)
})

test('a failure late in the write leaves nothing behind', async () => {
	allowConsoleError(/resident import failed/)
	const before = await counts()
	const bytes = await buildSampleResidentWorkbook({ sheetName: 'Tổ 2', rows: 2500 })
	const { batchId, result } = await importFile(bytes, {
		duringWrite: (done) => {
			if (done >= 2000) throw new Error('injected failure')
		},
	})
	expect(result.status).toBe('failed')
	expect(await counts()).toEqual(before)
	const batch = await getImportBatch(services.db, { wardId, batchId })
	expect(batch).toMatchObject({ status: 'failed' })
	expect(batch!.errorMessage).toMatch(/chưa có gì được ghi/)
})

test('an import creates residents and households, encrypted; the same file again changes nothing', async () => {
	const before = await counts()
	const bytes = await buildSampleResidentWorkbook()
	const first = await importFile(bytes)
	expect(first.result).toMatchObject({
		status: 'done',
		counts: { new: 3, updated: 0, unchanged: 0, rejected: 1, households: 1 },
	})
	const after = await counts()
	expect(after).toEqual({
		residents: before.residents + 3,
		households: before.households + 1,
		audits: before.audits + 1,
	})
	const stored = await services.db.query.residents.findFirst({
		where: eq(residents.personalIdHash, lookupHash(services.keyring, 'personalId', '001085012345')),
	})
	expect(stored).toMatchObject({ fullName: 'Nguyễn Văn Nhập', sex: 'male', birthDate: '1985-03-12' })
	expect(stored!.personalIdCipher).not.toContain('001085012345')
	expect(stored!.phoneHash).toBe(lookupHash(services.keyring, 'phone', '0912345678'))
	const groups = rowsOf<{ code: string }>(
		await services.db.execute(
			sql`select target_group_code as code from resident_target_group where resident_id = ${stored!.id}`,
		),
	)
	expect(groups.map((g) => g.code)).toContain('adultCitizen')

	const versionBefore = stored!.version
	const second = await importFile(bytes)
	expect(second.result).toMatchObject({
		status: 'done',
		counts: { new: 0, updated: 0, unchanged: 3, rejected: 1 },
	})
	const again = await counts()
	expect(again.residents).toBe(after.residents)
	expect(again.households).toBe(after.households)
	const unchanged = await services.db.query.residents.findFirst({ where: eq(residents.id, stored!.id) })
	expect(unchanged!.version).toBe(versionBefore)
})

test('a resident changed on screen since is updated from the file, with a new version; blanks erase nothing', async () => {
	const stored = await services.db.query.residents.findFirst({
		where: eq(residents.personalIdHash, lookupHash(services.keyring, 'personalId', '001190123456')),
	})
	const edited = await updateResident(services, {
		wardId,
		residentId: stored!.id,
		expectedVersion: stored!.version,
		changes: { relationToHead: 'Con dâu', occupation: 'Giáo viên' },
	})
	expect(edited.ok).toBe(true)
	const { result } = await importFile(await buildSampleResidentWorkbook())
	expect(result).toMatchObject({ status: 'done', counts: { new: 0, updated: 1, unchanged: 2 } })
	const after = await services.db.query.residents.findFirst({ where: eq(residents.id, stored!.id) })
	expect(after).toMatchObject({ relationToHead: 'Vợ', occupation: 'Giáo viên', version: stored!.version + 2 })
	// An edit form opened before the import now gets a conflict rather than overwriting it.
	const stale = await updateResident(services, {
		wardId,
		residentId: stored!.id,
		expectedVersion: stored!.version + 1,
		changes: { occupation: 'Nông dân' },
	})
	expect(stale.ok).toBe(false)
})

test('a batch runs once even if the job is delivered twice', async () => {
	const { batchId } = await importFile(await buildSampleResidentWorkbook())
	expect(await runResidentImportBatch(services, batchId)).toEqual({ status: 'skipped' })
})
