import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { assistantQuestions } from '#server/assistant/schema.ts'
import { auditLog } from '#server/audit/schema.ts'
import { certificateImports } from '#server/certification/schema.ts'
import { createIdentityWard } from '#server/identity/testing/identity-fixtures.ts'
import { learningTracks } from '#server/learning/schema.ts'
import { importBatches, importFiles } from '#server/people/import-jobs/schema.ts'
import { applyRetention } from '#server/privacy/retention.server.ts'
import { decryptField, encryptField } from '#server/security/personal-data.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let wardId: string
const now = new Date('2026-12-07T03:00:00Z')
const daysAgo = (days: number) => new Date(now.getTime() - days * 24 * 60 * 60 * 1000)
const rules = { importDays: 30, assistantQuestionDays: 365 }

async function batch(
	status: 'preview' | 'done' | 'running',
	createdDaysAgo: number,
	finishedDaysAgo?: number,
) {
	const [row] = await services.db
		.insert(importBatches)
		.values({
			wardId,
			fileName: `danh-sach-${status}-${createdDaysAgo}.xlsx`,
			fileSize: 4,
			status,
			createdAt: daysAgo(createdDaysAgo),
			finishedAt: finishedDaysAgo === undefined ? null : daysAgo(finishedDaysAgo),
		})
		.returning({ id: importBatches.id })
	await services.db.insert(importFiles).values({ batchId: row!.id, bytes: new Uint8Array([1, 2, 3, 4]) })
	return row!.id
}

async function certificateList(status: 'preview' | 'committed', daysOld: number, rows: unknown[]) {
	const [row] = await services.db
		.insert(certificateImports)
		.values({
			wardId,
			source: 'vneid',
			trackId: 'retention-track',
			fileName: 'ds-vneid.xlsx',
			status,
			rowsEncrypted: encryptField(services.keyring, JSON.stringify(rows)),
			counts: {
				rows: rows.length,
				matched: 0,
				unmatched: rows.length,
				duplicate: 0,
				alreadyCertified: 0,
				invalid: 0,
				issued: 0,
			},
			createdAt: daysAgo(daysOld),
			committedAt: status === 'committed' ? daysAgo(daysOld) : null,
		})
		.returning({ id: certificateImports.id })
	return row!.id
}

async function question(daysOld: number) {
	const [row] = await services.db
		.insert(assistantQuestions)
		.values({
			askedAt: daysAgo(daysOld),
			kind: 'procedure',
			channel: 'web',
			question: 'Làm căn cước cho con ở đâu?',
			outcome: 'answered',
			latencyMs: 12,
		})
		.returning({ id: assistantQuestions.id })
	return row!.id
}

beforeAll(async () => {
	services = await createTestServices()
	wardId = (await createIdentityWard(services)).wardId
	await services.db.insert(learningTracks).values({
		id: 'retention-track',
		nameVi: 'Người dân',
		nameEn: 'Citizens',
		description: 'Lộ trình thử',
		position: 1,
		targetGroups: ['adultCitizen'],
		completion: {},
		revision: 1,
		contentHash: 'x',
	})
})
afterAll(async () => {
	await services.close()
})

test('uploaded lists and old questions go when the register says; what is still needed stays', async () => {
	const stalePreview = await batch('preview', 45)
	const freshPreview = await batch('preview', 5)
	const oldImport = await batch('done', 60, 59)
	const recentImport = await batch('done', 10, 10)
	const running = await batch('running', 40)
	const oldList = await certificateList('committed', 40, [
		{ name: 'Nguyễn Văn A', personalId: '001090001234' },
	])
	const recentList = await certificateList('committed', 3, [
		{ name: 'Trần Thị B', personalId: '001090005678' },
	])
	const stalePreviewList = await certificateList('preview', 31, [])
	const oldQuestion = await question(400)
	const recentQuestion = await question(30)

	const outcome = await applyRetention(services, rules, now)
	expect(outcome).toEqual({
		importFilesDeleted: 1,
		stalePreviewsDeleted: 2,
		certificateListsCleared: 1,
		assistantQuestionsDeleted: 1,
	})

	const batches = await services.db.select({ id: importBatches.id }).from(importBatches)
	expect(batches.map((b) => b.id).sort()).toEqual([freshPreview, oldImport, recentImport, running].sort())
	const files = await services.db.select({ id: importFiles.batchId }).from(importFiles)
	expect(files.map((f) => f.id).sort()).toEqual([freshPreview, recentImport, running].sort())
	expect(stalePreview).toBeTruthy()

	const lists = await services.db.select().from(certificateImports)
	expect(lists.map((l) => l.id).sort()).toEqual([oldList, recentList].sort())
	const rowsOf = (id: string) =>
		JSON.parse(decryptField(services.keyring, lists.find((l) => l.id === id)!.rowsEncrypted)) as unknown[]
	expect(rowsOf(oldList)).toEqual([])
	expect(lists.find((l) => l.id === oldList)!.counts).toMatchObject({ rows: 1, unmatched: 1 })
	expect(rowsOf(recentList)).toHaveLength(1)
	expect(stalePreviewList).toBeTruthy()

	const questions = await services.db.select({ id: assistantQuestions.id }).from(assistantQuestions)
	expect(questions.map((q) => q.id)).toEqual([recentQuestion])
	expect(oldQuestion).not.toBe(recentQuestion)

	const [entry] = await services.db
		.select()
		.from(auditLog)
		.where(eq(auditLog.action, 'privacy.retentionApplied'))
	expect(entry?.details).toMatchObject({ importFilesDeleted: 1, certificateListsCleared: 1 })

	// A second run finds nothing more to do and writes no audit entry.
	expect(await applyRetention(services, rules, now)).toEqual({
		importFilesDeleted: 0,
		stalePreviewsDeleted: 0,
		certificateListsCleared: 0,
		assistantQuestionsDeleted: 0,
	})
	const entries = await services.db
		.select()
		.from(auditLog)
		.where(eq(auditLog.action, 'privacy.retentionApplied'))
	expect(entries).toHaveLength(1)
})
