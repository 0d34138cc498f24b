import { sql } from 'drizzle-orm'
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { residents } from '#server/people/schema.ts'
import { wards } from '#server/ward/schema.ts'

export const roles = [
	'wardAdmin',
	'steeringStaff',
	'focalPoint',
	'groupLeader',
	'volunteer',
	'instructor',
	'learner',
	'auditor',
] as const
export type Role = (typeof roles)[number]

/** A person who signs in: staff, volunteer, instructor, auditor, or a citizen learner. */
export const users = pgTable(
	'user_account',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		username: text(),
		displayName: text().notNull(),
		passwordHash: text(),
		/** Keyed hash of the phone number, so staff may sign in with it. */
		phoneHash: text(),
		residentId: uuid().references(() => residents.id),
		/** Keyed hash of the personal ID from VNeID, for citizens who sign in that way. */
		personalIdHash: text(),
		status: text({ enum: ['active', 'disabled'] })
			.notNull()
			.default('active'),
		/** Set when an administrator issues a temporary password: the person must choose their own. */
		mustChangePassword: boolean().notNull().default(false),
		failedLoginCount: integer().notNull().default(0),
		lockedUntil: timestamp({ withTimezone: true }),
		lastLoginAt: timestamp({ withTimezone: true }),
		locale: text({ enum: ['vi', 'en'] }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex().on(t.username),
		uniqueIndex().on(t.phoneHash),
		uniqueIndex().on(t.personalIdHash),
		index().on(t.residentId),
	],
)

export const scopeKinds = ['ward', 'residentialGroup', 'organization', 'self'] as const
export type ScopeKind = (typeof scopeKinds)[number]

/** A role held within a scope: e.g. volunteer for residential group 5. */
export const roleAssignments = pgTable(
	'role_assignment',
	{
		id: uuid().primaryKey().defaultRandom(),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		role: text({ enum: roles }).notNull(),
		scopeKind: text({ enum: scopeKinds }).notNull(),
		/** residential_group.id or organization.id; null for ward and self scopes. */
		scopeId: uuid(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index().on(t.userId),
		uniqueIndex().on(t.userId, t.role, t.scopeKind, t.scopeId).where(sql`${t.scopeId} is not null`),
		uniqueIndex().on(t.userId, t.role, t.scopeKind).where(sql`${t.scopeId} is null`),
	],
)

/** Server-side sessions: the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
	'session',
	{
		id: uuid().primaryKey().defaultRandom(),
		tokenHash: text().notNull().unique(),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		csrfSecret: text().notNull(),
		ip: text(),
		userAgent: text(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		lastSeenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		expiresAt: timestamp({ withTimezone: true }).notNull(),
	},
	(t) => [index().on(t.userId), index().on(t.expiresAt)],
)

/** Fixed-window counters shared by every app server. */
export const rateLimits = pgTable('rate_limit', {
	key: text().primaryKey(),
	windowStart: timestamp({ withTimezone: true }).notNull(),
	count: integer().notNull(),
})

/** Short-lived state of an OpenID Connect sign-in (state, nonce, PKCE verifier). */
export const oidcLoginStates = pgTable('oidc_login_state', {
	state: text().primaryKey(),
	nonce: text().notNull(),
	codeVerifier: text().notNull(),
	returnTo: text(),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	expiresAt: timestamp({ withTimezone: true }).notNull(),
})
