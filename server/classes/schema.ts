import { sql } from 'drizzle-orm'
import { index, integer, pgTable, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import { type ClassKind, classKinds } from '#server/classes/class-kinds.ts'
import { users } from '#server/identity/schema.ts'
import { learners, learningCourses, learningLessons } from '#server/learning/schema.ts'
import { organizations, wards } from '#server/ward/schema.ts'

/*
 * Community classes (issue 7, items 1–2): a class of one kind the plan names, its sessions, who is
 * enrolled and who attended. People are `learner` rows (server/learning), so a resident without an
 * account — a walk-in, an elderly person without a phone — has the same learning record as one who signs in.
 */

export { type ClassKind, classKinds }

/** Lớp học. `version` guards edits against overwriting each other. */
export const communityClasses = pgTable(
	'community_class',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		kind: text({ enum: classKinds }).notNull(),
		title: text().notNull(),
		description: text(),
		place: text().notNull(),
		instructorId: uuid()
			.notNull()
			.references(() => users.id),
		/** The unit that organises it (a party cell, a school, an agency); its focal point may manage it. */
		organizerOrganizationId: uuid().references(() => organizations.id),
		capacity: smallint().notNull(),
		status: text({ enum: ['open', 'closed'] })
			.notNull()
			.default('open'),
		version: integer().notNull().default(1),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index().on(t.wardId, t.status), index().on(t.organizerOrganizationId), index().on(t.instructorId)],
)

/** What the class teaches from: whole courses or single lessons of the learning content. */
export const classMaterials = pgTable(
	'class_material',
	{
		id: uuid().primaryKey().defaultRandom(),
		classId: uuid()
			.notNull()
			.references(() => communityClasses.id, { onDelete: 'cascade' }),
		courseId: text().references(() => learningCourses.id),
		lessonId: text().references(() => learningLessons.id),
		position: smallint().notNull(),
	},
	(t) => [
		index().on(t.classId, t.position),
		uniqueIndex().on(t.classId, t.courseId).where(sql`${t.courseId} is not null`),
		uniqueIndex().on(t.classId, t.lessonId).where(sql`${t.lessonId} is not null`),
	],
)

/** Buổi học. `lessonId`: the lesson taught, which attendance adds to each attendee's learning record. */
export const classSessions = pgTable(
	'class_session',
	{
		id: uuid().primaryKey().defaultRandom(),
		classId: uuid()
			.notNull()
			.references(() => communityClasses.id, { onDelete: 'cascade' }),
		startsAt: timestamp({ withTimezone: true }).notNull(),
		endsAt: timestamp({ withTimezone: true }).notNull(),
		topic: text().notNull(),
		/** When this session is held somewhere else than the class's usual place. */
		place: text(),
		lessonId: text().references(() => learningLessons.id),
		status: text({ enum: ['scheduled', 'cancelled'] })
			.notNull()
			.default('scheduled'),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index().on(t.classId, t.startsAt)],
)

export const enrolmentSources = ['staff', 'walkIn', 'self'] as const

/** A learner enrolled in a class; at most `capacity` enrolled at a time. */
export const classEnrolments = pgTable(
	'class_enrolment',
	{
		id: uuid().primaryKey().defaultRandom(),
		classId: uuid()
			.notNull()
			.references(() => communityClasses.id, { onDelete: 'cascade' }),
		learnerId: uuid()
			.notNull()
			.references(() => learners.id),
		status: text({ enum: ['enrolled', 'withdrawn'] })
			.notNull()
			.default('enrolled'),
		source: text({ enum: enrolmentSources }).notNull(),
		enrolledBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		enrolledAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		withdrawnAt: timestamp({ withTimezone: true }),
	},
	(t) => [uniqueIndex().on(t.classId, t.learnerId), index().on(t.learnerId)],
)

/** qr: the learner scanned the rotating code; list: ticked by the instructor; walkIn: registered at the door. */
export const attendanceMethods = ['qr', 'list', 'walkIn'] as const
export type AttendanceMethod = (typeof attendanceMethods)[number]

/**
 * Điểm danh: one row per person and session. Its id is also the id of the `classAttended` learning
 * activity it creates, so the learning record gets it exactly once.
 */
export const classAttendances = pgTable(
	'class_attendance',
	{
		id: uuid().primaryKey().defaultRandom(),
		sessionId: uuid()
			.notNull()
			.references(() => classSessions.id, { onDelete: 'cascade' }),
		learnerId: uuid()
			.notNull()
			.references(() => learners.id),
		method: text({ enum: attendanceMethods }).notNull(),
		recordedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		recordedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex().on(t.sessionId, t.learnerId), index().on(t.learnerId)],
)
