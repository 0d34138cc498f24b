import {
	boolean,
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
import { residentialGroups, wards } from '#server/ward/schema.ts'

/** Hộ gia đình. `version` guards against concurrent edits overwriting each other. */
export const households = pgTable(
	'household',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		residentialGroupId: uuid()
			.notNull()
			.references(() => residentialGroups.id),
		/** Household number as the ward keeps it (số hộ). */
		code: text().notNull(),
		address: text(),
		/** Hộ nghèo / hộ cận nghèo per the ward's annual review. */
		povertyStatus: text({ enum: ['none', 'poor', 'nearPoor'] })
			.notNull()
			.default('none'),
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex().on(t.wardId, t.code), index().on(t.residentialGroupId)],
)

export const sexes = ['male', 'female'] as const
export type Sex = (typeof sexes)[number]

export const residenceKinds = ['permanent', 'temporary', 'nonResident'] as const
export const residentStatuses = ['active', 'movedAway', 'deceased'] as const

/**
 * VNeID electronic identity level (Nghị định 59/2022/NĐ-CP): 0 = none, 1 = level 1, 2 = level 2.
 */
export const vneidLevels = [0, 1, 2] as const
export type VneidLevel = (typeof vneidLevels)[number]

/**
 * A person in the ward's registry. Personal ID and phone are stored only encrypted, with a keyed
 * hash for exact look-up (Decree 13/2023/NĐ-CP).
 */
export const residents = pgTable(
	'resident',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		householdId: uuid().references(() => households.id),
		/** Denormalised from the household so scoped lists filter on one column. */
		residentialGroupId: uuid().references(() => residentialGroups.id),
		fullName: text().notNull(),
		/** Lower-case, diacritics removed: what search matches against. */
		searchName: text().notNull(),
		sex: text({ enum: sexes }).notNull(),
		birthDate: date(),
		birthYear: smallint().notNull(),
		personalIdCipher: text(),
		personalIdHash: text(),
		phoneCipher: text(),
		phoneHash: text(),
		relationToHead: text(),
		ethnicity: text().notNull().default('Kinh'),
		hasDisability: boolean().notNull().default(false),
		occupation: text(),
		residence: text({ enum: residenceKinds }).notNull().default('permanent'),
		status: text({ enum: residentStatuses }).notNull().default('active'),
		statusChangedAt: timestamp({ withTimezone: true }),
		vneidLevel: smallint().notNull().default(0),
		vneidUpdatedAt: timestamp({ withTimezone: true }),
		/** Set when the person's data was erased on request: identifying fields blanked, history kept. */
		anonymisedAt: timestamp({ withTimezone: true }),
		version: integer().notNull().default(1),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index().on(t.wardId, t.residentialGroupId),
		index().on(t.householdId),
		uniqueIndex().on(t.wardId, t.personalIdHash),
		index().on(t.phoneHash),
		// The resident list's default order: first pages come straight off the index.
		index('resident_list_order_idx').on(t.wardId, t.status, t.searchName, t.id),
	],
)

export const targetGroupCodes = [
	'publicEmployee',
	'student',
	'enterpriseWorker',
	'adultCitizen',
	'elderly',
	'disabled',
	'ethnicMinority',
	'poorHousehold',
	'communityTechTeam',
	'digitalAmbassador',
] as const
export type TargetGroupCode = (typeof targetGroupCodes)[number]

/** Nhóm đối tượng. Rows are data so a ward can add its own groups. */
export const targetGroups = pgTable('target_group', {
	code: text().primaryKey(),
	nameVi: text().notNull(),
	nameEn: text().notNull(),
	descriptionVi: text().notNull(),
	/** Derived groups are recomputed from the registry; others are assigned by hand. */
	derivation: text({ enum: ['manual', 'age', 'household', 'membership', 'profile'] }).notNull(),
	sortOrder: integer().notNull().default(0),
})

export const residentTargetGroups = pgTable(
	'resident_target_group',
	{
		residentId: uuid()
			.notNull()
			.references(() => residents.id, { onDelete: 'cascade' }),
		targetGroupCode: text()
			.notNull()
			.references(() => targetGroups.code),
		source: text({ enum: ['manual', 'derived'] }).notNull(),
		since: date(),
	},
	(t) => [primaryKey({ columns: [t.residentId, t.targetGroupCode] }), index().on(t.targetGroupCode)],
)
