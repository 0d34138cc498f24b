import { sql } from 'drizzle-orm'
import {
	customType,
	doublePrecision,
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
import { type CommendationAward, commendationAwards } from '#server/emulation/commendation-awards.ts'
import type { CriterionRule } from '#server/emulation/criterion-rules.ts'
import { users } from '#server/identity/schema.ts'
import { reportingPeriods } from '#server/reports/schema.ts'
import { wards } from '#server/ward/schema.ts'

/*
 * Emulation (thi đua, issue 11 item 5): the criteria of each reporting period for units and individuals,
 * hand scores with evidence, the scores frozen when the period closes, and proposed commendations.
 * Subjects are organisations (units) or user accounts (individuals); `subject_id` names one of them.
 */

/** Who a criteria set scores: units (organisations) or individuals (volunteers, ambassadors, instructors). */
export const emulationSubjects = ['unit', 'individual'] as const
export type EmulationSubject = (typeof emulationSubjects)[number]

const bytea = customType<{ data: Uint8Array<ArrayBuffer>; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	toDriver: (value) => Buffer.from(value),
	fromDriver: (value) => new Uint8Array(value),
})

/** One criterion of a period's set for units or for individuals. Never edited once the period closes. */
export const emulationCriteria = pgTable(
	'emulation_criterion',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		periodId: uuid()
			.notNull()
			.references(() => reportingPeriods.id),
		subject: text({ enum: emulationSubjects }).notNull(),
		code: text().notNull(),
		title: text().notNull(),
		weight: doublePrecision().notNull(),
		maxPoints: smallint().notNull(),
		/** The scoring rule (criterion-rules.ts), validated with zod on every write and read. */
		rule: jsonb().$type<CriterionRule>().notNull(),
		position: smallint().notNull(),
		version: integer().notNull().default(1),
		updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex().on(t.periodId, t.subject, t.code), index().on(t.wardId)],
)

/**
 * Hand points on a manual criterion with their evidence (a note, and a link or a file). A new score is a
 * new row — the latest counts, earlier ones stay as the history; rows are never updated.
 */
export const emulationManualScores = pgTable(
	'emulation_manual_score',
	{
		id: uuid().primaryKey().defaultRandom(),
		criterionId: uuid()
			.notNull()
			.references(() => emulationCriteria.id),
		subjectId: uuid().notNull(),
		points: doublePrecision().notNull(),
		note: text().notNull(),
		evidenceUrl: text(),
		evidenceFileName: text(),
		evidenceContentType: text(),
		evidenceBytes: bytea(),
		evidenceSizeBytes: integer(),
		scoredBy: uuid()
			.notNull()
			.references(() => users.id),
		scoredAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index().on(t.criterionId, t.subjectId, t.scoredAt)],
)

/** A cell of a frozen score: the criterion as it stood, the value measured and the points earned. */
export interface FrozenCell {
	criterionId: string
	value: number | null
	points: number
}

/** A criterion as it stood when the period's scores were frozen. */
export interface FrozenCriterion {
	id: string
	code: string
	title: string
	weight: number
	maxPoints: number
	rule: CriterionRule
}

/**
 * The record that a period's scores for units or individuals were frozen, with the criteria used. The
 * database refuses UPDATE, DELETE and TRUNCATE on it and on the frozen scores (migration 0015).
 */
export const emulationFreezes = pgTable(
	'emulation_freeze',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		periodId: uuid()
			.notNull()
			.references(() => reportingPeriods.id),
		subject: text({ enum: emulationSubjects }).notNull(),
		criteria: jsonb().$type<FrozenCriterion[]>().notNull(),
		frozenBy: uuid().references(() => users.id),
		frozenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex().on(t.periodId, t.subject)],
)

/** One subject's frozen score: name as it was, each criterion's value and points, total and rank. */
export const emulationFrozenScores = pgTable(
	'emulation_frozen_score',
	{
		id: uuid().primaryKey().defaultRandom(),
		freezeId: uuid()
			.notNull()
			.references(() => emulationFreezes.id),
		subjectId: uuid().notNull(),
		name: text().notNull(),
		detail: text(),
		cells: jsonb().$type<FrozenCell[]>().notNull(),
		total: doublePrecision().notNull(),
		rank: integer().notNull(),
	},
	(t) => [uniqueIndex().on(t.freezeId, t.subjectId)],
)

export { type CommendationAward, commendationAwards }

/** A proposed commendation (đề nghị khen thưởng) picked from a period's ranking; withdrawn, never deleted. */
export const emulationCommendations = pgTable(
	'emulation_commendation',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		periodId: uuid()
			.notNull()
			.references(() => reportingPeriods.id),
		subject: text({ enum: emulationSubjects }).notNull(),
		subjectId: uuid().notNull(),
		/** Name, rank and total when proposed, as the list shows them. */
		name: text().notNull(),
		rank: integer().notNull(),
		total: doublePrecision().notNull(),
		award: text({ enum: commendationAwards }).notNull(),
		reason: text().notNull(),
		proposedBy: uuid()
			.notNull()
			.references(() => users.id),
		proposedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		withdrawnBy: uuid().references(() => users.id),
		withdrawnAt: timestamp({ withTimezone: true }),
	},
	(t) => [
		uniqueIndex().on(t.periodId, t.subject, t.subjectId).where(sql`${t.withdrawnAt} is null`),
		index().on(t.periodId),
	],
)
