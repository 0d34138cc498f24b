import { sql } from 'drizzle-orm'
import {
	boolean,
	customType,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	smallint,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core'
import { users } from '#server/identity/schema.ts'
import { residents } from '#server/people/schema.ts'
import { wards } from '#server/ward/schema.ts'

/*
 * Learning (issue 5). Content (frameworks, tracks, courses, lessons, practice items, images) is
 * installation-wide and imported from content/ at start-up; every change, from the files or from the
 * authoring pages, is a row of learning_revision, and the other content tables hold what is published.
 * Learners, enrolments, progress and activities belong to a ward. See docs/decisions/009-learning-*.md.
 */

const bytea = customType<{ data: Uint8Array<ArrayBuffer>; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	toDriver: (value) => Buffer.from(value),
	fromDriver: (value) => new Uint8Array(value),
})

export const contentEntityKinds = ['framework', 'track', 'course', 'lesson'] as const
export type ContentEntityKind = (typeof contentEntityKinds)[number]

/** Where a revision came from: the content files shipped with hocvuso, or ward staff on the authoring pages. */
export const revisionOrigins = ['files', 'staff'] as const
export type RevisionOrigin = (typeof revisionOrigins)[number]

/** draft: saved, not shown to learners; published: what learners see; superseded: published before. */
export const revisionStatuses = ['draft', 'published', 'superseded'] as const
export type RevisionStatus = (typeof revisionStatuses)[number]

/**
 * Every version of every piece of content, never updated except for its status. `data` is the whole
 * entity as the content schemas describe it (a lesson's front matter plus `body`), so any version can
 * be shown, compared or published again.
 */
export const learningRevisions = pgTable(
	'learning_revision',
	{
		id: uuid().primaryKey().defaultRandom(),
		entityKind: text({ enum: contentEntityKinds }).notNull(),
		entityId: text().notNull(),
		/** 1, 2, 3… per entity, for every saved version (drafts included). */
		revision: integer().notNull(),
		status: text({ enum: revisionStatuses }).notNull(),
		origin: text({ enum: revisionOrigins }).notNull(),
		/** SHA-256 of the canonical JSON of `data`: the content version hash. */
		contentHash: text().notNull(),
		data: jsonb().$type<Record<string, unknown>>().notNull(),
		/** What changed, in the author's words (optional). */
		note: text(),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		publishedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		publishedAt: timestamp({ withTimezone: true }),
	},
	(t) => [
		uniqueIndex().on(t.entityKind, t.entityId, t.revision),
		index().on(t.entityKind, t.entityId, t.status),
	],
)

/** One import of the content folder; `filesHash` lets a start-up skip a folder it has already imported. */
export const learningContentImports = pgTable('learning_content_import', {
	id: uuid().primaryKey().defaultRandom(),
	/** SHA-256 over the folder's file names and bytes. */
	filesHash: text().notNull().unique(),
	importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	/** Counts of created, changed, kept-as-draft and unchanged entities. */
	summary: jsonb().$type<Record<string, number>>().notNull(),
})

/** A skills framework (TT 02/2025 competence framework, QĐ 757 basic skills framework) as published. */
export const skillFrameworks = pgTable('skill_framework', {
	id: text().primaryKey(),
	kind: text({ enum: ['competenceFramework', 'basicSkillsFramework'] }).notNull(),
	titleVi: text().notNull(),
	titleEn: text().notNull(),
	revision: integer().notNull(),
	contentHash: text().notNull(),
	/** The whole published framework (names, descriptions, sources, notes). */
	data: jsonb().$type<Record<string, unknown>>().notNull(),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/** Miền năng lực (TT 02/2025), rewritten from the framework's data at every publication. */
export const skillDomains = pgTable(
	'skill_domain',
	{
		frameworkId: text()
			.notNull()
			.references(() => skillFrameworks.id),
		code: text().notNull(),
		nameVi: text().notNull(),
		nameEn: text().notNull(),
		position: smallint().notNull(),
	},
	(t) => [primaryKey({ columns: [t.frameworkId, t.code] })],
)

/** Năng lực thành phần: what lessons, practice items and (later) questions are tagged with. */
export const skillCompetencies = pgTable(
	'skill_competency',
	{
		frameworkId: text()
			.notNull()
			.references(() => skillFrameworks.id),
		code: text().notNull(),
		domainCode: text().notNull(),
		nameVi: text().notNull(),
		nameEn: text().notNull(),
		description: text(),
		position: smallint().notNull(),
	},
	(t) => [primaryKey({ columns: [t.frameworkId, t.code] })],
)

/** Bậc năng lực CB1…CS2. */
export const skillLevels = pgTable(
	'skill_level',
	{
		frameworkId: text()
			.notNull()
			.references(() => skillFrameworks.id),
		code: text().notNull(),
		number: smallint().notNull(),
		band: text().notNull(),
		nameVi: text().notNull(),
		nameEn: text().notNull(),
		descriptor: text(),
	},
	(t) => [primaryKey({ columns: [t.frameworkId, t.code] })],
)

/** An item of the QĐ 757 basic skills framework, with the TT 02 competencies it builds. */
export const basicSkillItems = pgTable(
	'basic_skill_item',
	{
		frameworkId: text()
			.notNull()
			.references(() => skillFrameworks.id),
		code: text().notNull(),
		groupCode: text().notNull(),
		nameVi: text().notNull(),
		nameEn: text().notNull(),
		competencies: text().array().notNull(),
		/** QĐ 757 audiences (student, citizen, publicEmployee, enterpriseWorker) of the item's group. */
		audiences: text().array().notNull(),
	},
	(t) => [primaryKey({ columns: [t.frameworkId, t.code] })],
)

/** A learning track (lộ trình) for one or more target groups. */
export const learningTracks = pgTable('learning_track', {
	id: text().primaryKey(),
	nameVi: text().notNull(),
	nameEn: text().notNull(),
	description: text().notNull(),
	position: smallint().notNull(),
	targetGroups: text().array().notNull(),
	basicSkillsAudience: text(),
	/** What completing the track requires and means (content/tracks/*.yaml `completion`). */
	completion: jsonb().$type<Record<string, unknown>>().notNull(),
	revision: integer().notNull(),
	contentHash: text().notNull(),
	/** False when the track left the content files; enrolments keep pointing at it. */
	active: boolean().notNull().default(true),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

export const learningCourses = pgTable('learning_course', {
	id: text().primaryKey(),
	title: text().notNull(),
	summary: text().notNull(),
	level: text().notNull(),
	targetGroups: text().array().notNull(),
	revision: integer().notNull(),
	contentHash: text().notNull(),
	active: boolean().notNull().default(true),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/** A track's courses in order; `required` courses must be finished to complete the track. */
export const learningTrackCourses = pgTable(
	'learning_track_course',
	{
		trackId: text()
			.notNull()
			.references(() => learningTracks.id),
		courseId: text()
			.notNull()
			.references(() => learningCourses.id),
		position: smallint().notNull(),
		required: boolean().notNull(),
	},
	(t) => [primaryKey({ columns: [t.trackId, t.courseId] }), index().on(t.courseId)],
)

/**
 * A lesson as learners see it: the published revision's content. A lesson created on the authoring page
 * exists here from its first draft with `status = 'draft'` and the draft's content, and stays hidden
 * from learners until published.
 */
export const learningLessons = pgTable(
	'learning_lesson',
	{
		id: text().primaryKey(),
		courseId: text()
			.notNull()
			.references(() => learningCourses.id),
		position: smallint().notNull(),
		status: text({ enum: ['draft', 'published', 'withdrawn'] }).notNull(),
		title: text().notNull(),
		summary: text().notNull(),
		minutes: smallint().notNull(),
		level: text().notNull(),
		competencies: text().array().notNull(),
		basicSkills: text().array().notNull(),
		/** Markdown; rendered by renderLessonHtml (inert HTML) for every display. */
		body: text().notNull(),
		images: jsonb().$type<{ file: string; alt: string }[]>().notNull(),
		sources: jsonb().$type<{ title: string; note?: string }[]>().notNull(),
		/** The published revision number (0 while only drafts exist). */
		revision: integer().notNull(),
		contentHash: text().notNull(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index().on(t.courseId, t.position)],
)

/** The competencies a published lesson builds, one row each (for progress by competency and indicators). */
export const learningLessonCompetencies = pgTable(
	'learning_lesson_competency',
	{
		lessonId: text()
			.notNull()
			.references(() => learningLessons.id),
		competencyCode: text().notNull(),
	},
	(t) => [primaryKey({ columns: [t.lessonId, t.competencyCode] }), index().on(t.competencyCode)],
)

export const practiceItemKinds = ['singleChoice', 'multipleChoice', 'trueFalse'] as const

/**
 * A published practice item. The answer key stays on the server: pages show it only after the learner
 * has answered (scoring is done here, never in the browser).
 */
export const practiceItems = pgTable(
	'practice_item',
	{
		lessonId: text()
			.notNull()
			.references(() => learningLessons.id),
		itemId: text().notNull(),
		position: smallint().notNull(),
		kind: text({ enum: practiceItemKinds }).notNull(),
		competencyCode: text().notNull(),
		prompt: text().notNull(),
		options: jsonb().$type<{ id: string; text: string }[]>().notNull(),
		/** Option ids, or [true] / [false] for a true/false item. */
		answer: jsonb().$type<(string | boolean)[]>().notNull(),
		explanation: text().notNull(),
	},
	(t) => [primaryKey({ columns: [t.lessonId, t.itemId] })],
)

/** Images of a course folder, served from the database so every app server has them. */
export const learningImages = pgTable(
	'learning_image',
	{
		courseId: text()
			.notNull()
			.references(() => learningCourses.id),
		fileName: text().notNull(),
		contentType: text().notNull(),
		bytes: bytea().notNull(),
		/** SHA-256 of the bytes; part of the image URL, so browsers and the offline cache keep it for good. */
		sha256: text().notNull(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.courseId, t.fileName] })],
)

/**
 * A person who learns. Today every learner signs in (userId); a resident without an account (e.g. in a
 * community class, issue 7) can be a learner too, and the account is linked when it appears.
 */
export const learners = pgTable(
	'learner',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		userId: uuid().references(() => users.id, { onDelete: 'set null' }),
		residentId: uuid().references(() => residents.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex().on(t.userId).where(sql`${t.userId} is not null`),
		uniqueIndex().on(t.residentId).where(sql`${t.residentId} is not null`),
		index().on(t.wardId),
	],
)

/** A learner following a track. The current track is the active enrolment chosen last. */
export const learningEnrolments = pgTable(
	'learning_enrolment',
	{
		id: uuid().primaryKey().defaultRandom(),
		learnerId: uuid()
			.notNull()
			.references(() => learners.id),
		trackId: text()
			.notNull()
			.references(() => learningTracks.id),
		status: text({ enum: ['active', 'completed', 'left'] })
			.notNull()
			.default('active'),
		/** Who enrolled the learner: themself, or staff / an instructor (later issues). */
		enrolledBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		enrolledAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		chosenAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		completedAt: timestamp({ withTimezone: true }),
	},
	(t) => [uniqueIndex().on(t.learnerId, t.trackId), index().on(t.trackId, t.status)],
)

/** Where a learner is in one lesson: the summary the pages read, kept up to date from the activities. */
export const lessonProgress = pgTable(
	'lesson_progress',
	{
		learnerId: uuid()
			.notNull()
			.references(() => learners.id),
		lessonId: text()
			.notNull()
			.references(() => learningLessons.id),
		status: text({ enum: ['started', 'completed'] }).notNull(),
		/** The lesson revision last opened (or completed). */
		lessonRevision: integer().notNull(),
		firstOpenedAt: timestamp({ withTimezone: true }).notNull(),
		lastOpenedAt: timestamp({ withTimezone: true }).notNull(),
		completedAt: timestamp({ withTimezone: true }),
		/** Reading time reported by the page (or estimated when JavaScript is off). */
		secondsSpent: integer().notNull().default(0),
		/** The last section (## heading, 0 = the start) the learner reached. */
		lastPosition: smallint().notNull().default(0),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.learnerId, t.lessonId] }), index().on(t.lessonId, t.status)],
)

/**
 * Per learner, when each published lesson they completed was completed, and which courses they have
 * finished (every lesson published now) and when: what the indicators read to count lessons and finished
 * courses on any day, instead of aggregating every lesson_progress row of the ward on each dashboard
 * view (issue 8's budget). Arrays are sorted by time (courses by when they were finished), so "by that
 * day" is usually the whole array. Kept by database triggers on lesson_progress and on learning_lesson
 * (migration 0017), so no code path that writes progress can leave it behind.
 * See docs/decisions/020-learning-summary-for-indicators.md.
 */
export const learnerLearningSummary = pgTable('learner_learning_summary', {
	learnerId: uuid()
		.primaryKey()
		.references(() => learners.id, { onDelete: 'cascade' }),
	lessonsCompletedAt: timestamp({ withTimezone: true }).array().notNull(),
	coursesFinished: text().array().notNull(),
	coursesFinishedAt: timestamp({ withTimezone: true }).array().notNull(),
})

/** classAttended: the learner attended a class session where this lesson was taught (server/classes). */
export const learningActivityKinds = [
	'positionSaved',
	'practiceAnswered',
	'lessonCompleted',
	'classAttended',
] as const
export type LearningActivityKind = (typeof learningActivityKinds)[number]

/**
 * Everything a learner did that changes progress, once each: `id` is generated by the page (or by the
 * browser's offline queue), so a form posted twice or a queue synced twice is applied exactly once.
 * Practice answers stay here, with whether they were right, for mastery and later indicators.
 */
export const learningActivities = pgTable(
	'learning_activity',
	{
		id: uuid().primaryKey(),
		learnerId: uuid()
			.notNull()
			.references(() => learners.id),
		kind: text({ enum: learningActivityKinds }).notNull(),
		lessonId: text()
			.notNull()
			.references(() => learningLessons.id),
		lessonRevision: integer().notNull(),
		itemId: text(),
		answer: jsonb().$type<(string | boolean)[]>(),
		correct: boolean(),
		position: smallint(),
		seconds: integer(),
		/** When it happened on the learner's device (clamped to the last 30 days). */
		occurredAt: timestamp({ withTimezone: true }).notNull(),
		receivedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** 'offline' when it came through the browser's queue. */
		origin: text({ enum: ['online', 'offline'] }).notNull(),
	},
	(t) => [index().on(t.learnerId, t.lessonId), index().on(t.lessonId, t.kind)],
)
