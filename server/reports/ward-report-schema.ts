import { index, integer, jsonb, pgTable, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { users } from '#server/identity/schema.ts'
import { reportingPeriods } from '#server/reports/schema.ts'
import { wards } from '#server/ward/schema.ts'

/*
 * The ward's consolidated report for a reporting period (issue 11): the editable words only (a
 * WardReportContent, validated with zod on every read and write); the figures come from the period's
 * snapshot when the report is shown or exported. Every save appends a revision that is never rewritten.
 */

export const wardReports = pgTable(
	'ward_report',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		periodId: uuid()
			.notNull()
			.references(() => reportingPeriods.id),
		content: jsonb().$type<Record<string, unknown>>().notNull(),
		/** Raised at every save: an edit names the version it read (optimistic concurrency). */
		version: integer().notNull().default(1),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex().on(t.periodId), index().on(t.wardId)],
)

/** Each saved version of a ward report (the first draft included). Append-only: a trigger refuses changes. */
export const wardReportRevisions = pgTable(
	'ward_report_revision',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardReportId: uuid()
			.notNull()
			.references(() => wardReports.id),
		version: integer().notNull(),
		content: jsonb().$type<Record<string, unknown>>().notNull(),
		savedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		savedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex().on(t.wardReportId, t.version)],
)
