import { sql } from 'drizzle-orm'
import {
	boolean,
	customType,
	date,
	index,
	integer,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core'
import { users } from '#server/identity/schema.ts'
import { households, residents } from '#server/people/schema.ts'
import { organizations, residentialGroups, wards } from '#server/ward/schema.ts'

/*
 * The plan's programmes (issue 7, item 6; seed Part IV.6): the digital-ambassador network, "Gia đình số",
 * "Mỗi công dân – Một danh tính số", "Chợ số – Nông thôn số" and pilot models such as "Bình dân học AI".
 * Progress is computed from the registry (VNeID level, certificates, digital practices); only what the
 * registry cannot know lives here.
 */

const bytea = customType<{ data: Uint8Array<ArrayBuffer>; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	toDriver: (value) => Buffer.from(value),
	fromDriver: (value) => new Uint8Array(value),
})

/** Đại sứ số → hộ gia đình they look after. History kept: an assignment ends, it is never deleted. */
export const ambassadorAssignments = pgTable(
	'ambassador_assignment',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		ambassadorResidentId: uuid()
			.notNull()
			.references(() => residents.id),
		householdId: uuid()
			.notNull()
			.references(() => households.id),
		assignedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		assignedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		endedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		endedAt: timestamp({ withTimezone: true }),
	},
	(t) => [
		// One ambassador looks after a household at a time.
		uniqueIndex().on(t.householdId).where(sql`${t.endedAt} is null`),
		index().on(t.ambassadorResidentId),
		index().on(t.wardId),
	],
)

/**
 * What "Gia đình số" requires, as the ward sets it (there is no national list). Each kind is computed
 * from the data; `threshold` is the adult age for the all-adults criteria, the number of members otherwise.
 */
export const digitalFamilyCriterionKinds = [
	'adultsVneidLevel2',
	'cashlessPayment',
	'memberCertified',
	'eCommerce',
	'ambassadorAssigned',
] as const
export type DigitalFamilyCriterionKind = (typeof digitalFamilyCriterionKinds)[number]

export const digitalFamilyCriteria = pgTable(
	'digital_family_criterion',
	{
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		kind: text({ enum: digitalFamilyCriterionKinds }).notNull(),
		enabled: boolean().notNull(),
		threshold: smallint().notNull(),
		updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.wardId, t.kind] })],
)

/** Digital practices the programmes count, which the registry does not otherwise hold. */
export const digitalPractices = ['cashlessPayment', 'eCommerce'] as const
export type DigitalPractice = (typeof digitalPractices)[number]

/** A resident uses cashless payment / sells or buys online: seen on a visit, in a class, or told to staff. */
export const residentDigitalPractices = pgTable(
	'resident_digital_practice',
	{
		residentId: uuid()
			.notNull()
			.references(() => residents.id),
		practice: text({ enum: digitalPractices }).notNull(),
		source: text({ enum: ['visit', 'class', 'staff'] }).notNull(),
		since: date().notNull(),
		recordedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.residentId, t.practice] }), index().on(t.practice)],
)

/**
 * Who "Chợ số – Nông thôn số" is for in this ward: residents of some target groups and members of some
 * organisations (a market board, a traders' association, a cooperative).
 */
export const digitalMarketAudiences = pgTable(
	'digital_market_audience',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		targetGroupCode: text(),
		organizationId: uuid().references(() => organizations.id),
	},
	(t) => [
		uniqueIndex().on(t.wardId, t.targetGroupCode).where(sql`${t.targetGroupCode} is not null`),
		uniqueIndex().on(t.wardId, t.organizationId).where(sql`${t.organizationId} is not null`),
	],
)

export const pilotModelKinds = ['aiLiteracy', 'other'] as const
export const pilotModelStatuses = ['planned', 'active', 'completed', 'suspended'] as const
export type PilotModelStatus = (typeof pilotModelStatuses)[number]

/** Mô hình điểm, e.g. "Bình dân học AI" (target 9: at least one). */
export const pilotModels = pgTable(
	'pilot_model',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		kind: text({ enum: pilotModelKinds }).notNull(),
		name: text().notNull(),
		goal: text().notNull(),
		status: text({ enum: pilotModelStatuses }).notNull().default('planned'),
		organizationId: uuid().references(() => organizations.id),
		residentialGroupId: uuid().references(() => residentialGroups.id),
		startedOn: date(),
		version: integer().notNull().default(1),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index().on(t.wardId, t.kind)],
)

export const pilotModelMembers = pgTable(
	'pilot_model_member',
	{
		pilotModelId: uuid()
			.notNull()
			.references(() => pilotModels.id, { onDelete: 'cascade' }),
		residentId: uuid()
			.notNull()
			.references(() => residents.id),
		/** Vai trò: chủ nhiệm, thành viên, hướng dẫn viên — as the ward writes it. */
		role: text(),
		addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.pilotModelId, t.residentId] }), index().on(t.residentId)],
)

/** Minh chứng: a link (an article, a video) or a small file (a photo, a decision), kept in the database. */
export const pilotModelEvidence = pgTable(
	'pilot_model_evidence',
	{
		id: uuid().primaryKey().defaultRandom(),
		pilotModelId: uuid()
			.notNull()
			.references(() => pilotModels.id, { onDelete: 'cascade' }),
		title: text().notNull(),
		url: text(),
		fileName: text(),
		contentType: text(),
		bytes: bytea(),
		sizeBytes: integer(),
		addedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index().on(t.pilotModelId)],
)
