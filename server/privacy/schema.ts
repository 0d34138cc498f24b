import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '#server/identity/schema.ts'
import { residents } from '#server/people/schema.ts'
import { consentDecisions, consentMethods, consentPurposes } from '#server/privacy/consent-vocabulary.ts'
import { wards } from '#server/ward/schema.ts'

/**
 * One decision of a person about one purpose. Append-only: the current state is the latest row per
 * purpose, and the history shows who recorded what and when (proof of consent, Art. 11 §6).
 */
export const consentRecords = pgTable(
	'consent_record',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		residentId: uuid()
			.notNull()
			.references(() => residents.id),
		purpose: text({ enum: consentPurposes }).notNull(),
		decision: text({ enum: consentDecisions }).notNull(),
		method: text({ enum: consentMethods }).notNull(),
		/** The staff member or volunteer who recorded it, or the person themself (online). */
		recordedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		note: text(),
	},
	(t) => [index().on(t.residentId, t.purpose, t.recordedAt)],
)
