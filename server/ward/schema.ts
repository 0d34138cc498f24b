import { sql } from 'drizzle-orm'
import { date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { residents } from '#server/people/schema.ts'

/** A ward or commune (phường/xã): the unit that runs the movement. */
export const wards = pgTable('ward', {
	id: uuid().primaryKey().defaultRandom(),
	/** Administrative unit code, e.g. from the national list of units. */
	code: text().notNull().unique(),
	name: text().notNull(),
	/** "phường" or "xã": used in document headings. */
	kind: text({ enum: ['ward', 'commune'] })
		.notNull()
		.default('ward'),
	provinceName: text().notNull(),
	/** Three-digit province code used in personal ID numbers (TT 07/2016/TT-BCA). */
	provinceIdCode: text().notNull(),
	partyCommitteeName: text(),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/** Tổ dân phố / thôn. */
export const residentialGroups = pgTable(
	'residential_group',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		code: text().notNull(),
		name: text().notNull(),
		sortOrder: integer().notNull().default(0),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex().on(t.wardId, t.code)],
)

export const organizationKinds = [
	'agency',
	'school',
	'enterprise',
	'cooperative',
	'partyCell',
	'massOrganization',
	'communityTechTeam',
	'healthFacility',
	'other',
] as const
export type OrganizationKind = (typeof organizationKinds)[number]

/** Cơ quan, trường học, doanh nghiệp, HTX, chi bộ, đoàn thể, Tổ Công nghệ số cộng đồng… */
export const organizations = pgTable(
	'organization',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		kind: text({ enum: organizationKinds }).notNull(),
		name: text().notNull(),
		shortName: text(),
		/** A community tech team serves one residential group. */
		residentialGroupId: uuid().references(() => residentialGroups.id),
		parentId: uuid(),
		address: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index().on(t.wardId, t.kind)],
)

export const membershipKinds = ['staff', 'student', 'worker', 'member', 'partyMember', 'leader'] as const
export type MembershipKind = (typeof membershipKinds)[number]

export const organizationMemberships = pgTable(
	'organization_membership',
	{
		id: uuid().primaryKey().defaultRandom(),
		organizationId: uuid()
			.notNull()
			.references(() => organizations.id),
		residentId: uuid()
			.notNull()
			.references(() => residents.id),
		kind: text({ enum: membershipKinds }).notNull(),
		/** Chức vụ, lớp, bộ phận — free text as the unit writes it. */
		position: text(),
		startedOn: date(),
		endedOn: date(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index().on(t.organizationId),
		index().on(t.residentId),
		uniqueIndex().on(t.organizationId, t.residentId, t.kind).where(sql`${t.endedOn} is null`),
	],
)
