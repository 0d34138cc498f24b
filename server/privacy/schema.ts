import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { users } from '#server/identity/schema.ts'
import { residents } from '#server/people/schema.ts'
import { wards } from '#server/ward/schema.ts'

/**
 * What a person may agree to beyond the ward's public duties (Decree 13/2023/NĐ-CP, Art. 11): each is
 * asked, recorded and withdrawn on its own. See server/privacy/personal-data-register.ts.
 */
export const consentPurposes = ['learningProfile', 'outreachContact', 'publicRecognition', 'photos'] as const
export type ConsentPurpose = (typeof consentPurposes)[number]

export const consentDecisions = ['given', 'withdrawn'] as const
export const consentMethods = ['paper', 'inPerson', 'online'] as const

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
