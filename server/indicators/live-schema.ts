import { bigint, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { wards } from '#server/ward/schema.ts'

/*
 * The ward's indicators for today, kept current instead of recomputed from every row at each look
 * (decision 022). Each resident's flags (in the denominator / reached, per indicator) and breakdown keys
 * are stored once; the counts per breakdown cell are kept beside them. Triggers on every table an
 * indicator condition reads (drizzle/0019) note the residents a change touches; the next look recomputes
 * those few and moves their counts from the old cells to the new. A new day or an edited definition
 * rebuilds the ward (the nightly job does it before anyone looks).
 */

/** What a ward's kept state was built for: the day counted to and the definitions, as a fingerprint. */
export const indicatorLiveStates = pgTable('indicator_live_state', {
	wardId: uuid()
		.primaryKey()
		.references(() => wards.id),
	asOf: date({ mode: 'string' }).notNull(),
	definitionsKey: text().notNull(),
	builtAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/** One active resident's place in the ward's indicators as of the state's day. */
export const indicatorResidentFlags = pgTable(
	'indicator_resident_flags',
	{
		// No foreign keys: checking two per row tripled a 100,000-resident rebuild on PGlite. A deleted
		// resident's row is deleted by the trigger on resident (drizzle/0019).
		residentId: uuid().primaryKey(),
		wardId: uuid().notNull(),
		groupId: uuid(),
		sex: text(),
		ageBand: text().notNull(),
		targetGroups: text().array().notNull(),
		organizations: uuid().array().notNull(),
		/** Two bits per indicator (in the denominator, reached), 31 indicators to a bigint. */
		masks: bigint({ mode: 'bigint' }).array().notNull(),
	},
	(t) => [index().on(t.wardId)],
)

/** One breakdown cell's counts per indicator (in the order of the definitions the state was built for). */
export const indicatorCells = pgTable(
	'indicator_cell',
	{
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		/** 'all' or a breakdown dimension. */
		dimension: text().notNull(),
		key: text().notNull(),
		denominators: integer().array().notNull(),
		numerators: integer().array().notNull(),
	},
	(t) => [primaryKey({ columns: [t.wardId, t.dimension, t.key] })],
)

/** Residents whose flags may have changed since they were computed (filled by triggers). */
export const indicatorDirtyResidents = pgTable('indicator_dirty_resident', {
	residentId: uuid().primaryKey(),
})
