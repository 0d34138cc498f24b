import { and, eq, sql } from 'drizzle-orm'

import type { Database } from '#server/db/client.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { type ImportMapping, ImportMappingSchema } from '#server/people/import/column-mapping.ts'
import { type ImportBatchCounts, importBatches, importFiles } from '#server/people/import-jobs/schema.ts'

/** Stores an uploaded file as a batch in preview; the job and every app server read it from here. */
export async function createImportBatch(
	db: Database,
	input: {
		wardId: string
		createdBy: string | null
		actorLabel: string | null
		fileName: string
		bytes: Buffer
	},
): Promise<string> {
	return db.transaction(async (tx) => {
		const [batch] = await tx
			.insert(importBatches)
			.values({
				wardId: input.wardId,
				createdBy: input.createdBy,
				actorLabel: input.actorLabel,
				fileName: input.fileName.slice(0, 200),
				fileSize: input.bytes.length,
			})
			.returning({ id: importBatches.id })
		await tx.insert(importFiles).values({ batchId: batch!.id, bytes: new Uint8Array(input.bytes) })
		return batch!.id
	})
}

/** One batch of the ward, without its bytes. */
export async function getImportBatch(db: Database, input: { wardId: string; batchId: string }) {
	if (!isUuid(input.batchId)) return undefined
	const [batch] = await db
		.select()
		.from(importBatches)
		.where(and(eq(importBatches.id, input.batchId), eq(importBatches.wardId, input.wardId)))
	if (!batch) return undefined
	const mapping = ImportMappingSchema.safeParse(batch.mapping)
	return { ...batch, mapping: mapping.success ? mapping.data : undefined }
}
export type ImportBatch = NonNullable<Awaited<ReturnType<typeof getImportBatch>>>

export async function readImportFileBytes(db: Database, batchId: string): Promise<Buffer> {
	const [file] = await db
		.select({ bytes: importFiles.bytes })
		.from(importFiles)
		.where(eq(importFiles.batchId, batchId))
	if (!file) throw new Error(`import batch ${batchId} has no file`)
	return Buffer.from(file.bytes)
}

/** Saves the person's corrections; only while the batch is still in preview. */
export async function saveImportChoices(
	db: Database,
	input: { wardId: string; batchId: string; mapping: ImportMapping; groupChoices: Record<string, string> },
): Promise<boolean> {
	const updated = await db
		.update(importBatches)
		.set({ mapping: input.mapping, groupChoices: input.groupChoices })
		.where(
			and(
				eq(importBatches.id, input.batchId),
				eq(importBatches.wardId, input.wardId),
				eq(importBatches.status, 'preview'),
			),
		)
		.returning({ id: importBatches.id })
	return updated.length === 1
}

/** preview → queued, once: a second click or a replayed form does not queue the batch twice. */
export async function markImportQueued(
	db: Database,
	input: { wardId: string; batchId: string },
): Promise<boolean> {
	const updated = await db
		.update(importBatches)
		.set({ status: 'queued', phase: null, progressDone: 0, progressTotal: 0 })
		.where(
			and(
				eq(importBatches.id, input.batchId),
				eq(importBatches.wardId, input.wardId),
				eq(importBatches.status, 'preview'),
			),
		)
		.returning({ id: importBatches.id })
	return updated.length === 1
}

/** queued → running, once: if pg-boss delivers the job twice, the second delivery does nothing. */
export async function claimImportBatch(db: Database, batchId: string): Promise<boolean> {
	const updated = await db
		.update(importBatches)
		.set({ status: 'running', startedAt: sql`now()`, phase: 'reading' })
		.where(and(eq(importBatches.id, batchId), eq(importBatches.status, 'queued')))
		.returning({ id: importBatches.id })
	return updated.length === 1
}

export async function recordImportProgress(
	db: Database,
	batchId: string,
	progress: { phase: string; done: number; total: number },
): Promise<void> {
	await db
		.update(importBatches)
		.set({ phase: progress.phase, progressDone: progress.done, progressTotal: progress.total })
		.where(eq(importBatches.id, batchId))
}

export async function finishImportBatch(
	db: Database,
	batchId: string,
	outcome: { status: 'done'; counts: ImportBatchCounts } | { status: 'failed'; errorMessage: string },
): Promise<void> {
	await db
		.update(importBatches)
		.set({
			status: outcome.status,
			phase: null,
			finishedAt: sql`now()`,
			counts: outcome.status === 'done' ? outcome.counts : undefined,
			errorMessage: outcome.status === 'failed' ? outcome.errorMessage : null,
		})
		.where(eq(importBatches.id, batchId))
}

/** A batch by id alone, for the job (which runs outside any request). */
export async function getImportBatchById(db: Database, batchId: string) {
	const [batch] = await db
		.select({ wardId: importBatches.wardId })
		.from(importBatches)
		.where(eq(importBatches.id, batchId))
	return batch ? getImportBatch(db, { wardId: batch.wardId, batchId }) : undefined
}
