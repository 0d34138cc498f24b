import {
	boolean,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core'
import { users } from '#server/identity/schema.ts'
import { wards } from '#server/ward/schema.ts'

/*
 * Targets and dashboards (issue 8). An indicator is data: who is counted (population and conditions from
 * a small validated vocabulary, see indicator-spec.ts), the target, the period and the breakdowns. Values
 * are computed live; at each month's end a job stores them as snapshots that are never rewritten.
 */

/** One indicator of a ward (chỉ tiêu). `spec` is an IndicatorSpec, validated with zod on every read and write. */
export const indicatorDefinitions = pgTable(
	'indicator_definition',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		/** Short, stable code shown on the dashboard and used by snapshots ("1", "7a"…). */
		code: text().notNull(),
		position: smallint().notNull(),
		name: text().notNull(),
		/** How it is counted, in plain Vietnamese, shown under the tile. */
		explanation: text().notNull(),
		spec: jsonb().$type<Record<string, unknown>>().notNull(),
		/** Raised at every save: an edit names the version it read (optimistic concurrency). */
		version: integer().notNull().default(1),
		/** Hidden from the dashboard; kept so its snapshots keep their meaning. */
		archived: boolean().notNull().default(false),
		updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex().on(t.wardId, t.code)],
)

/**
 * An indicator's value at a month's end, with its breakdowns and the definition it was computed from.
 * Append-only: a trigger (drizzle/ migration) refuses UPDATE, DELETE and TRUNCATE.
 */
export const indicatorSnapshots = pgTable(
	'indicator_snapshot',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		indicatorCode: text().notNull(),
		/** First day of the month the snapshot closes, `YYYY-MM-01`. */
		month: date({ mode: 'string' }).notNull(),
		/** The day counted up to (the month's last day). */
		asOf: date({ mode: 'string' }).notNull(),
		definitionVersion: integer().notNull(),
		/** A copy of the definition used, so the number can be explained later even after edits. */
		definition: jsonb().$type<Record<string, unknown>>().notNull(),
		numerator: integer().notNull(),
		/** Null for a count target (no denominator). */
		denominator: integer(),
		/** { dimension: [{ key, label, numerator, denominator }] } */
		breakdowns: jsonb().$type<Record<string, unknown>>().notNull(),
		/** 'job': the monthly job; 'backfill': computed afterwards from dated events (demo history). */
		origin: text({ enum: ['job', 'backfill'] }).notNull(),
		takenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex().on(t.wardId, t.indicatorCode, t.month), index().on(t.wardId, t.month)],
)
