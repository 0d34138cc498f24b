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
	uuid,
} from 'drizzle-orm/pg-core'
import { users } from '#server/identity/schema.ts'
import { learners, learningCourses, learningTracks } from '#server/learning/schema.ts'
import { residents } from '#server/people/schema.ts'
import { wards } from '#server/ward/schema.ts'

/*
 * Assessment (issue 6): the question bank, attempts (placement, course quiz, final assessment), mastery per
 * learner × competency, and oral / in-class assessments confirmed by an instructor or volunteer.
 * Items are installation-wide like lessons (content/questions/*.yaml, imported at start-up, or written by
 * staff); attempts, mastery and oral assessments belong to a ward. The answer key never leaves the server:
 * pages get options under opaque per-attempt tokens and the key only after the item is answered.
 */

const bytea = customType<{ data: Uint8Array<ArrayBuffer>; driverData: Uint8Array }>({
	dataType: () => 'bytea',
	toDriver: (value) => Buffer.from(value),
	fromDriver: (value) => new Uint8Array(value),
})

export const assessmentItemKinds = [
	'singleChoice',
	'multipleChoice',
	'trueFalse',
	/** Put the options in the right order; the answer is every option id in order. */
	'ordering',
	/** Pair each option with one target; the answer is "optionId:targetId" for every option. */
	'matching',
	/** Done in front of an instructor or volunteer, who confirms it (never served in an online attempt). */
	'practical',
] as const
export type AssessmentItemKind = (typeof assessmentItemKinds)[number]

/** The stored key: option ids; [true]/[false]; ordered option ids; "a:x" pairs; [] for a practical task. */
export type AssessmentAnswerKey = (string | boolean)[]

/** A question of the bank, tagged with one TT 02 competency and a level (CB1…CS2). */
export const assessmentItems = pgTable(
	'assessment_item',
	{
		id: text().primaryKey(),
		courseId: text()
			.notNull()
			.references(() => learningCourses.id),
		competencyCode: text().notNull(),
		level: text().notNull(),
		kind: text({ enum: assessmentItemKinds }).notNull(),
		prompt: text().notNull(),
		options: jsonb().$type<{ id: string; text: string }[]>().notNull(),
		/** The right-hand column of a matching item. */
		targets: jsonb().$type<{ id: string; text: string }[]>(),
		answer: jsonb().$type<AssessmentAnswerKey>().notNull(),
		/** Shown after answering (and to the instructor for a practical task: what to watch for). */
		explanation: text().notNull(),
		/** sha256 of an assessment_image, with its description for screen readers. */
		imageSha256: text().references(() => assessmentImages.sha256),
		imageAlt: text(),
		/** 'files': content/questions; 'staff': written or imported on the staff pages (never overwritten by files). */
		origin: text({ enum: ['files', 'staff'] }).notNull(),
		/** Retired items are not served again; attempts that served them keep pointing at them. */
		active: boolean().notNull().default(true),
		/** 1, 2, 3… bumped at every change. */
		revision: integer().notNull().default(1),
		contentHash: text().notNull(),
		updatedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index().on(t.courseId, t.active), index().on(t.competencyCode, t.level)],
)

/** Item pictures (content files or staff uploads), addressed by their hash so browsers can keep them. */
export const assessmentImages = pgTable('assessment_image', {
	sha256: text().primaryKey(),
	contentType: text().notNull(),
	bytes: bytea().notNull(),
	createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

export const attemptKinds = ['placement', 'courseQuiz', 'finalAssessment'] as const
export type AttemptKind = (typeof attemptKinds)[number]

/** One sitting of a placement test, a course quiz or a track's final assessment. */
export const assessmentAttempts = pgTable(
	'assessment_attempt',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		learnerId: uuid()
			.notNull()
			.references(() => learners.id),
		kind: text({ enum: attemptKinds }).notNull(),
		/** The course of a quiz. */
		courseId: text().references(() => learningCourses.id),
		/** The track of a final assessment or of the placement. */
		trackId: text().references(() => learningTracks.id),
		status: text({ enum: ['inProgress', 'submitted'] })
			.notNull()
			.default('inProgress'),
		/** Items the attempt serves (placement: the most it may serve). */
		plannedItems: smallint().notNull(),
		passMarkPercent: smallint(),
		startedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		/** Set when the attempt has a time limit: answers after it are not counted. */
		deadlineAt: timestamp({ withTimezone: true }),
		submittedAt: timestamp({ withTimezone: true }),
		correctCount: smallint(),
		scorePercent: smallint(),
		passed: boolean(),
		/** Placement: the level reached per competency and the lessons the learner may skip. */
		result: jsonb().$type<Record<string, unknown>>(),
	},
	(t) => [index().on(t.learnerId, t.kind, t.startedAt), index().on(t.wardId, t.kind, t.submittedAt)],
)

/**
 * An item as served in one attempt: the option order shown and the opaque token of each option (the page
 * posts tokens, never option ids, so neither the key nor the stored order can be read from the form).
 */
export const assessmentAttemptItems = pgTable(
	'assessment_attempt_item',
	{
		attemptId: uuid()
			.notNull()
			.references(() => assessmentAttempts.id, { onDelete: 'cascade' }),
		position: smallint().notNull(),
		itemId: text()
			.notNull()
			.references(() => assessmentItems.id),
		/** The item revision served (the key it is scored against). */
		itemRevision: integer().notNull(),
		competencyCode: text().notNull(),
		level: text().notNull(),
		/** Options in the order shown, each with its token for this attempt. */
		optionTokens: jsonb().$type<{ token: string; optionId: string }[]>().notNull(),
		/** Matching targets in the order shown, with their tokens. */
		targetTokens: jsonb().$type<{ token: string; targetId: string }[]>(),
		/** What the learner answered, decoded to option ids (same form as the key). */
		answer: jsonb().$type<AssessmentAnswerKey>(),
		correct: boolean(),
		answeredAt: timestamp({ withTimezone: true }),
	},
	(t) => [primaryKey({ columns: [t.attemptId, t.position] }), index().on(t.itemId)],
)

export const masteryStates = ['notStarted', 'familiar', 'proficient', 'mastered'] as const
export type MasteryState = (typeof masteryStates)[number]

/** Where a learner stands in one competency; moves up with right answers and back with later mistakes. */
export const competencyMastery = pgTable(
	'competency_mastery',
	{
		learnerId: uuid()
			.notNull()
			.references(() => learners.id),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		competencyCode: text().notNull(),
		state: text({ enum: masteryStates }).notNull(),
		/** The latest outcomes (true = right), newest last, at most 8: what the transitions read. */
		recent: jsonb().$type<boolean[]>().notNull(),
		/** Highest level (CB1…) answered right in this competency. */
		highestLevel: text(),
		/** Set when an instructor or volunteer confirmed the state (oral, in-class or practical). */
		confirmedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.learnerId, t.competencyCode] }), index().on(t.wardId, t.competencyCode)],
)

export const oralAssessmentModes = ['oral', 'inClass'] as const
export const oralOutcomes = ['notYet', 'familiar', 'proficient', 'mastered'] as const
export type OralOutcome = (typeof oralOutcomes)[number]

/**
 * An oral or in-class assessment of a resident who cannot use a phone alone, recorded by the instructor or
 * volunteer who saw it. With a track and `passed`, it stands for that track's final assessment.
 */
export const oralAssessments = pgTable(
	'oral_assessment',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		learnerId: uuid()
			.notNull()
			.references(() => learners.id),
		residentId: uuid()
			.notNull()
			.references(() => residents.id),
		mode: text({ enum: oralAssessmentModes }).notNull(),
		trackId: text().references(() => learningTracks.id),
		/** For a track: whether the resident met its requirements in front of the assessor. */
		passed: boolean(),
		note: text(),
		confirmedBy: uuid()
			.notNull()
			.references(() => users.id),
		confirmedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index().on(t.residentId, t.confirmedAt), index().on(t.wardId, t.confirmedAt)],
)

/** One competency judged (or one practical task confirmed) in an oral assessment. */
export const oralAssessmentResults = pgTable(
	'oral_assessment_result',
	{
		oralAssessmentId: uuid()
			.notNull()
			.references(() => oralAssessments.id, { onDelete: 'cascade' }),
		position: smallint().notNull(),
		competencyCode: text().notNull(),
		outcome: text({ enum: oralOutcomes }).notNull(),
		/** The practical task confirmed, when the result is one. */
		itemId: text().references(() => assessmentItems.id),
	},
	(t) => [primaryKey({ columns: [t.oralAssessmentId, t.position] }), index().on(t.itemId)],
)
