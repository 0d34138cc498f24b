import {
	boolean,
	index,
	integer,
	jsonb,
	pgTable,
	real,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core'
import { users } from '#server/identity/schema.ts'
import { wards } from '#server/ward/schema.ts'

export const assistantKinds = ['procedure', 'learning'] as const
export type AssistantKind = (typeof assistantKinds)[number]
export const questionChannels = ['web', 'api', 'cli'] as const
export type QuestionChannel = (typeof questionChannels)[number]
export const questionOutcomes = ['answered', 'uncertain', 'notFound'] as const
export type QuestionOutcome = (typeof questionOutcomes)[number]

/**
 * What people asked the assistants and how it went, so staff see what is asked and what failed. The
 * question is stored only after personal data (ID and phone numbers, names, e-mail addresses) has been
 * replaced by placeholders; no account, address or session is linked.
 */
export const assistantQuestions = pgTable(
	'assistant_question',
	{
		id: uuid().primaryKey().defaultRandom(),
		askedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		kind: text({ enum: assistantKinds }).notNull(),
		channel: text({ enum: questionChannels }).notNull(),
		/** The question with personal data replaced ("[số định danh]", "[số điện thoại]", "[họ tên]"). */
		question: text().notNull(),
		/** Which kinds of personal data were removed (e.g. ['phone']), never the values. */
		redacted: jsonb().$type<string[]>().notNull().default([]),
		outcome: text({ enum: questionOutcomes }).notNull(),
		topSourceId: text(),
		topScore: real(),
		sourceIds: jsonb().$type<string[]>().notNull().default([]),
		/** The language model rephrased the answer. */
		usedModel: boolean().notNull().default(false),
		/** Why the grounded answer was used although a model is configured (timeout, error, check failed). */
		modelFallback: text(),
		latencyMs: integer().notNull(),
	},
	(t) => [index().on(t.askedAt), index().on(t.outcome, t.askedAt)],
)

/** Per ward: how people reach the ward when the assistant cannot help (office, phone, hours). */
export const assistantSettings = pgTable('assistant_setting', {
	wardId: uuid()
		.primaryKey()
		.references(() => wards.id),
	contactText: text().notNull(),
	updatedByUserId: uuid().references(() => users.id),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/**
 * Guided practice "using AI safely" (target 8: learners using at least one AI tool): one row per
 * person and completed step. Kept here until the learning capability has its own progress tables.
 */
export const aiPracticeProgress = pgTable(
	'ai_practice_progress',
	{
		id: uuid().primaryKey().defaultRandom(),
		userId: uuid()
			.notNull()
			.references(() => users.id, { onDelete: 'cascade' }),
		step: text().notNull(),
		completedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex().on(t.userId, t.step)],
)
