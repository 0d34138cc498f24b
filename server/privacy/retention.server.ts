import { and, eq, inArray, isNotNull, lt, sql } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import { assistantQuestions } from '#server/assistant/schema.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { certificateImports } from '#server/certification/schema.ts'
import { importBatches, importFiles } from '#server/people/import-jobs/schema.ts'
import { encryptField } from '#server/security/personal-data.server.ts'

/** How long each kind of data is kept (the register's "retention", set by the environment). */
export interface RetentionRules {
	importDays: number
	assistantQuestionDays: number
}

export interface RetentionOutcome {
	importFilesDeleted: number
	stalePreviewsDeleted: number
	certificateListsCleared: number
	assistantQuestionsDeleted: number
}

const DAY_MS = 24 * 60 * 60 * 1000

export function retentionRules(env: AppServices['env']): RetentionRules {
	return {
		importDays: env.RETENTION_IMPORT_DAYS,
		assistantQuestionDays: env.RETENTION_ASSISTANT_QUESTION_DAYS,
	}
}

/**
 * Deletes what the register says is no longer needed: uploaded lists' contents after the import (the
 * batch row keeps the file name and counts), previews never imported, the rows of certification lists
 * (the counts stay) and assistant questions past a year. The access log is not pruned here: it is
 * hash-chained (`hocvuso audit verify`) and kept as the record of who touched whose data. Idempotent and safe to run on any server at any time; records one audit entry when it removed anything.
 */
export async function applyRetention(
	services: Pick<AppServices, 'db' | 'keyring'>,
	rules: RetentionRules,
	now = new Date(),
): Promise<RetentionOutcome> {
	const importCutoff = new Date(now.getTime() - rules.importDays * DAY_MS)
	const questionCutoff = new Date(now.getTime() - rules.assistantQuestionDays * DAY_MS)
	const emptyList = encryptField(services.keyring, '[]')

	return services.db.transaction(async (tx) => {
		const stalePreviews = await tx
			.delete(importBatches)
			.where(and(eq(importBatches.status, 'preview'), lt(importBatches.createdAt, importCutoff)))
			.returning({ id: importBatches.id })
		const finished = tx
			.select({ id: importBatches.id })
			.from(importBatches)
			.where(
				and(
					inArray(importBatches.status, ['done', 'failed']),
					isNotNull(importBatches.finishedAt),
					lt(importBatches.finishedAt, importCutoff),
				),
			)
		const files = await tx
			.delete(importFiles)
			.where(inArray(importFiles.batchId, finished))
			.returning({ id: importFiles.batchId })
		const certificatePreviews = await tx
			.delete(certificateImports)
			.where(and(eq(certificateImports.status, 'preview'), lt(certificateImports.createdAt, importCutoff)))
			.returning({ id: certificateImports.id })
		// A committed list keeps its counts; its left-over rows (the unmatched report) go. An empty list
		// encrypts to a fixed length, so lists already emptied are not rewritten on the next run.
		const clearedLists = await tx
			.update(certificateImports)
			.set({ rowsEncrypted: emptyList })
			.where(
				and(
					eq(certificateImports.status, 'committed'),
					lt(certificateImports.committedAt, importCutoff),
					sql`length(${certificateImports.rowsEncrypted}) <> ${emptyList.length}`,
				),
			)
			.returning({ id: certificateImports.id })
		const questions = await tx
			.delete(assistantQuestions)
			.where(lt(assistantQuestions.askedAt, questionCutoff))
			.returning({ id: assistantQuestions.id })
		const outcome: RetentionOutcome = {
			importFilesDeleted: files.length,
			stalePreviewsDeleted: stalePreviews.length + certificatePreviews.length,
			certificateListsCleared: clearedLists.length,
			assistantQuestionsDeleted: questions.length,
		}
		if (Object.values(outcome).some((n) => n > 0)) {
			await recordAudit(tx, {
				actor: { userId: null, label: 'system', wardId: null },
				action: 'privacy.retentionApplied',
				entityType: 'retention',
				entityId: null,
				details: { ...outcome },
			})
		}
		return outcome
	})
}
