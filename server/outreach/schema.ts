import { sql } from 'drizzle-orm'
import {
	date,
	index,
	integer,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uuid,
} from 'drizzle-orm/pg-core'
import { users } from '#server/identity/schema.ts'
import { visitActions, visitOutcomes, vneidReportResults } from '#server/outreach/visit-vocabulary.ts'
import { households, residents } from '#server/people/schema.ts'
import { dossierFollowUps } from '#server/procedures/schema.ts'
import { residentialGroups, wards } from '#server/ward/schema.ts'

/*
 * Door-to-door outreach (issue 7, items 3–5 and 7): "đi từng ngõ, gõ từng nhà, hướng dẫn từng người".
 * A visit is logged on the volunteer's phone, often without network, and synced later: its id is made
 * on the phone and is the idempotency key (a second delivery of the same visit changes nothing).
 */

/** Thăm hộ: one visit to a household by a volunteer. */
export const outreachVisits = pgTable(
	'outreach_visit',
	{
		/** Made by the phone (UUID): the idempotency key of the offline sync. */
		id: uuid().primaryKey(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		householdId: uuid()
			.notNull()
			.references(() => households.id),
		/** The household's group when visited: scope of who sees it, and the team in the figures. */
		residentialGroupId: uuid()
			.notNull()
			.references(() => residentialGroups.id),
		volunteerUserId: uuid()
			.notNull()
			.references(() => users.id),
		outcome: text({ enum: visitOutcomes }).notNull(),
		nextVisitOn: date({ mode: 'string' }),
		/** Free text, personal data redacted before storing. */
		note: text(),
		/** When it happened, by the phone's clock (clamped to the last 30 days, never in the future). */
		visitedAt: timestamp({ withTimezone: true }).notNull(),
		/** When the server stored it: later than visitedAt for a visit logged offline. */
		syncedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		origin: text({ enum: ['online', 'offline'] }).notNull(),
	},
	(t) => [
		index().on(t.householdId, t.visitedAt),
		index().on(t.wardId, t.volunteerUserId, t.visitedAt),
		index().on(t.residentialGroupId, t.visitedAt),
		// Follow-ups due: the latest visit per household with a next date.
		index('outreach_visit_next_idx')
			.on(t.residentialGroupId, t.nextVisitOn)
			.where(sql`${t.nextVisitOn} is not null`),
	],
)

/** The people of the household the volunteer met (a row = reached), and what was done for each. */
export const outreachVisitPeople = pgTable(
	'outreach_visit_person',
	{
		visitId: uuid()
			.notNull()
			.references(() => outreachVisits.id, { onDelete: 'cascade' }),
		residentId: uuid()
			.notNull()
			.references(() => residents.id),
		actions: text({ enum: visitActions }).array().notNull().default(sql`'{}'::text[]`),
		/** The person's VNeID level and record version on the volunteer's copy of the worklist. */
		vneidLevelSeen: smallint(),
		residentVersionSeen: integer(),
		vneidResult: text({ enum: vneidReportResults }),
		/** The level on the server when a conflict was found (shown to the volunteer). */
		vneidLevelOnServer: smallint(),
		/** The online filing recorded with the visit (procedures' follow-up, with its dossier code). */
		dossierFollowUpId: uuid().references(() => dossierFollowUps.id),
	},
	(t) => [
		primaryKey({ columns: [t.visitId, t.residentId] }),
		index().on(t.residentId),
		index('outreach_visit_person_conflict_idx').on(t.visitId).where(sql`${t.vneidResult} = 'conflict'`),
	],
)
