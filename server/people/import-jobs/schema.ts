import { customType, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '#server/identity/schema.ts'
import { wards } from '#server/ward/schema.ts'

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
	dataType: () => 'bytea',
})

export const importBatchStatuses = ['preview', 'queued', 'running', 'done', 'failed'] as const
export type ImportBatchStatus = (typeof importBatchStatuses)[number]

export interface ImportBatchCounts {
	new: number
	updated: number
	unchanged: number
	rejected: number
	skipped: number
	households: number
}

/**
 * One uploaded file on its way into the registry: preview, the person's corrections (mapping, group per
 * sheet), then the background job's progress and outcome. In the database, not on disk, so any app
 * server can show it and the job can run on whichever server picks it up.
 */
export const importBatches = pgTable(
	'import_batch',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		kind: text({ enum: ['residents'] })
			.notNull()
			.default('residents'),
		createdBy: uuid().references(() => users.id),
		/** The username (or 'cli') for the audit entry the job writes. */
		actorLabel: text(),
		fileName: text().notNull(),
		fileSize: integer().notNull(),
		status: text({ enum: importBatchStatuses }).notNull().default('preview'),
		/** ImportMapping (server/people/import/column-mapping.ts) as corrected on the preview page. */
		mapping: jsonb(),
		/** Sheet name → residential group id, as matched or chosen on the preview page. */
		groupChoices: jsonb().$type<Record<string, string>>(),
		/** 'reading' | 'checking' | 'writing' | 'statistics' while running. */
		phase: text(),
		progressDone: integer().notNull().default(0),
		progressTotal: integer().notNull().default(0),
		counts: jsonb().$type<ImportBatchCounts>(),
		/** Why the job failed, in Vietnamese; nothing was written. */
		errorMessage: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		startedAt: timestamp({ withTimezone: true }),
		finishedAt: timestamp({ withTimezone: true }),
	},
	(t) => [index().on(t.wardId, t.createdAt)],
)

/** The uploaded bytes, apart from the batch row so listing batches never loads them. */
export const importFiles = pgTable('import_file', {
	batchId: uuid()
		.primaryKey()
		.references(() => importBatches.id, { onDelete: 'cascade' }),
	bytes: bytea().notNull(),
})
