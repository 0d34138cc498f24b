import type { AppServices } from '#server/app-services.server.ts'
import { refreshStatistics } from '#server/db/maintenance.server.ts'
import { isImportFileError } from '#server/people/import/import-file-error.ts'
import { applyResidentImport } from '#server/people/import-jobs/apply-resident-import.server.ts'
import {
	claimImportBatch,
	finishImportBatch,
	getImportBatchById,
	readImportFileBytes,
	recordImportProgress,
} from '#server/people/import-jobs/import-batches.server.ts'
import { prepareResidentImport } from '#server/people/import-jobs/prepare-resident-import.server.ts'
import type { ImportBatchCounts } from '#server/people/import-jobs/schema.ts'

export const IMPORT_RESIDENTS_JOB = 'people.import-residents'

export type ImportPhase = 'reading' | 'checking' | 'writing' | 'statistics'

export interface RunResidentImportOptions {
	/** The CLI's progress line; called often, cheap. */
	onProgress?: (phase: ImportPhase, done: number, total: number) => void
	/** Used when a sheet names no group (the CLI's --group). */
	defaultGroupId?: string
	today?: string
	/** Tests: a callback run inside the write transaction after each chunk; throwing rolls back. */
	duringWrite?: (done: number, total: number) => void | Promise<void>
}

export type RunResidentImportResult =
	| { status: 'done'; counts: ImportBatchCounts }
	| { status: 'failed'; errorMessage: string }
	| { status: 'skipped' }

function todayInVietnam(): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(new Date())
}

/**
 * Runs a queued batch: re-reads its file from the database, prepares it with the saved mapping and group
 * choices, writes it in one transaction, refreshes statistics, and records progress and the outcome on
 * the batch. The background job and `hocvuso import residents` both come here.
 */
export async function runResidentImportBatch(
	services: AppServices,
	batchId: string,
	options: RunResidentImportOptions = {},
): Promise<RunResidentImportResult> {
	const { db } = services
	if (!(await claimImportBatch(db, batchId))) return { status: 'skipped' }
	const batch = await getImportBatchById(db, batchId)
	if (!batch) return { status: 'skipped' }
	const today = options.today ?? todayInVietnam()
	// On PGlite the write transaction holds the only connection: progress rows written from outside it
	// would wait for it. There, progress is written before and after the transaction only.
	const canWriteDuring = services.database.kind === 'postgres'
	let lastWrite = 0
	const report = async (phase: ImportPhase, done: number, total: number, force = false) => {
		options.onProgress?.(phase, done, total)
		const now = Date.now()
		if (force || now - lastWrite > 500) {
			lastWrite = now
			await recordImportProgress(db, batchId, { phase, done, total })
		}
	}
	try {
		const bytes = await readImportFileBytes(db, batchId)
		const plan = await prepareResidentImport(
			services,
			{
				wardId: batch.wardId,
				bytes,
				fileName: batch.fileName,
				mapping: batch.mapping,
				groupChoices: batch.groupChoices ?? undefined,
				defaultGroupId: options.defaultGroupId,
				today,
			},
			(done, total) => options.onProgress?.('checking', done, total),
		)
		const total = plan.counts.new + plan.counts.updated
		await report('writing', 0, total, true)
		const result = await applyResidentImport(services, plan, {
			wardId: batch.wardId,
			batchId,
			today,
			actor: { userId: batch.createdBy, label: batch.actorLabel, wardId: batch.wardId },
			onProgress: async (done, all) => {
				options.onProgress?.('writing', done, all)
				if (canWriteDuring) await report('writing', done, all)
				await options.duringWrite?.(done, all)
			},
		})
		await report('statistics', total, total, true)
		if (total > 0)
			await refreshStatistics(services.database, ['resident', 'household', 'resident_target_group'])
		const counts: ImportBatchCounts = { ...plan.counts, households: result.households }
		await finishImportBatch(db, batchId, { status: 'done', counts })
		return { status: 'done', counts }
	} catch (error) {
		const errorMessage = isImportFileError(error)
			? error.messageVi
			: 'Nhập dữ liệu không thành công nên chưa có gì được ghi. Hãy thử lại; nếu vẫn lỗi, báo cho quản trị viên.'
		if (!isImportFileError(error)) console.error('resident import failed:', batchId, (error as Error).message)
		await finishImportBatch(db, batchId, { status: 'failed', errorMessage })
		return { status: 'failed', errorMessage }
	}
}
