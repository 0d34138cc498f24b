import { sql } from 'drizzle-orm'
import {
	check,
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
import { organizations, wards } from '#server/ward/schema.ts'

/*
 * Issue 11 parts 1–3: reporting periods, the units that must report, their reports with an
 * append-only history, and the reminders (in-app notifications and messages through a channel).
 */

export const reportingPeriodKinds = ['semiannual', 'annual', 'adhoc'] as const
export type ReportingPeriodKind = (typeof reportingPeriodKinds)[number]

/**
 * The ward's due dates for the regular reports (configuration as data, per ward): the plan's defaults
 * are 15 May for the 6-month report and 15 November for the annual one (reporting-defaults.ts).
 */
export const reportingSchedules = pgTable(
	'reporting_schedule',
	{
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		kind: text({ enum: ['semiannual', 'annual'] }).notNull(),
		dueMonth: smallint().notNull(),
		dueDay: smallint().notNull(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex().on(t.wardId, t.kind),
		check(
			'reporting_schedule_due_valid',
			sql`${t.dueMonth} between 1 and 12 and ${t.dueDay} between 1 and 31`,
		),
	],
)

/** A reporting period (kỳ báo cáo): what it covers and when the units' reports are due. */
export const reportingPeriods = pgTable(
	'reporting_period',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		kind: text({ enum: reportingPeriodKinds }).notNull(),
		year: smallint().notNull(),
		/** e.g. "Báo cáo 6 tháng đầu năm 2026". */
		label: text().notNull(),
		/** The days the figures cover (inclusive), in the ward's calendar. */
		startsOn: date().notNull(),
		endsOn: date().notNull(),
		/** Units' reports are due by the end of this day (Vietnam time). */
		dueOn: date().notNull(),
		/** Closed: no more submissions or reviews; the ward's consolidated report and emulation freeze. */
		status: text({ enum: ['open', 'closed'] })
			.notNull()
			.default('open'),
		closedAt: timestamp({ withTimezone: true }),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index().on(t.wardId, t.year),
		// One 6-month and one annual period a year; ad hoc ones as many as needed.
		uniqueIndex().on(t.wardId, t.kind, t.year).where(sql`${t.kind} <> 'adhoc'`),
		check('reporting_period_dates', sql`${t.startsOn} <= ${t.endsOn}`),
	],
)

/** The units that must report for a period: filled from the ward's organisations, editable by the ward. */
export const reportUnits = pgTable(
	'report_unit',
	{
		periodId: uuid()
			.notNull()
			.references(() => reportingPeriods.id, { onDelete: 'cascade' }),
		organizationId: uuid()
			.notNull()
			.references(() => organizations.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex().on(t.periodId, t.organizationId), index().on(t.organizationId)],
)

export const unitReportStatuses = ['draft', 'submitted', 'returned', 'accepted'] as const
export type UnitReportStatus = (typeof unitReportStatuses)[number]

/**
 * A unit's report for a period: the current state. Each change also appends a unit_report_revision
 * (never updated or deleted), so what was submitted, returned and accepted stays on record.
 */
export const unitReports = pgTable(
	'unit_report',
	{
		id: uuid().primaryKey().defaultRandom(),
		periodId: uuid()
			.notNull()
			.references(() => reportingPeriods.id),
		organizationId: uuid()
			.notNull()
			.references(() => organizations.id),
		status: text({ enum: unitReportStatuses }).notNull().default('draft'),
		/** Optimistic concurrency: a change names the version it read (the revision count). */
		version: integer().notNull().default(1),
		/** The figures as the unit reports them (UnitReportFigures, unit-report-content.ts). */
		figures: jsonb().$type<Record<string, number>>().notNull(),
		/** What the system counted when the draft was started or refreshed, for comparison. */
		systemFigures: jsonb().$type<Record<string, number>>().notNull(),
		/** Kết quả đạt được; mô hình hay, cách làm hiệu quả; khó khăn, vướng mắc; đề xuất, kiến nghị. */
		results: text().notNull().default(''),
		goodPractices: text().notNull().default(''),
		difficulties: text().notNull().default(''),
		proposals: text().notNull().default(''),
		/** The ward's last comment when returning or accepting. */
		reviewComment: text(),
		submittedAt: timestamp({ withTimezone: true }),
		reviewedAt: timestamp({ withTimezone: true }),
		updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex().on(t.periodId, t.organizationId), index().on(t.periodId, t.status)],
)

export const unitReportActions = ['saveDraft', 'submit', 'return', 'accept'] as const
export type UnitReportAction = (typeof unitReportActions)[number]

/** Every state of a unit report, appended; the database refuses UPDATE, DELETE and TRUNCATE. */
export const unitReportRevisions = pgTable(
	'unit_report_revision',
	{
		id: uuid().primaryKey().defaultRandom(),
		unitReportId: uuid()
			.notNull()
			.references(() => unitReports.id),
		/** The report's version this revision produced (1, 2, …). */
		version: integer().notNull(),
		action: text({ enum: unitReportActions }).notNull(),
		status: text({ enum: unitReportStatuses }).notNull(),
		figures: jsonb().$type<Record<string, number>>().notNull(),
		results: text().notNull(),
		goodPractices: text().notNull(),
		difficulties: text().notNull(),
		proposals: text().notNull(),
		comment: text(),
		actorId: uuid().references(() => users.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex().on(t.unitReportId, t.version)],
)

export const reminderThresholds = ['d7', 'd2', 'overdue'] as const
export type ReminderThreshold = (typeof reminderThresholds)[number]

/**
 * One row per unit, period and threshold reminded: inserted before anything is sent, in the same
 * transaction, so several app servers (or a rerun) remind a unit once per threshold.
 */
export const reportReminders = pgTable(
	'report_reminder',
	{
		periodId: uuid()
			.notNull()
			.references(() => reportingPeriods.id, { onDelete: 'cascade' }),
		organizationId: uuid()
			.notNull()
			.references(() => organizations.id),
		threshold: text({ enum: reminderThresholds }).notNull(),
		recipientCount: integer().notNull(),
		sentAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex().on(t.periodId, t.organizationId, t.threshold)],
)

/** In-app notifications of a signed-in person (the bell). */
export const notifications = pgTable(
	'notification',
	{
		id: uuid().primaryKey().defaultRandom(),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		kind: text({ enum: ['reportReminder', 'reportReturned', 'reportAccepted'] }).notNull(),
		title: text().notNull(),
		body: text().notNull(),
		/** A path inside the app, e.g. /bao-cao/don-vi/…; never an outside URL. */
		link: text().notNull(),
		readAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index().on(t.userId, t.createdAt)],
)

export const messageChannels = ['email', 'sms'] as const
export type MessageChannelKind = (typeof messageChannels)[number]

/**
 * Messages handed to the e-mail/SMS channel. The local stand-in only records them here (no gateway);
 * the recipient is an account — its address is resolved by a real channel, never stored in clear here.
 */
export const messageOutbox = pgTable(
	'message_outbox',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		recipientUserId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		channel: text({ enum: messageChannels }).notNull(),
		subject: text().notNull(),
		body: text().notNull(),
		status: text({ enum: ['recorded', 'sent', 'failed'] })
			.notNull()
			.default('recorded'),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index().on(t.wardId, t.createdAt)],
)
