import { and, count, desc, eq, gte, type SQL, sql } from 'drizzle-orm'
import {
	type AssistantKind,
	assistantQuestions,
	type QuestionChannel,
	type QuestionOutcome,
	questionOutcomes,
} from '#server/assistant/schema.ts'
import type { Database } from '#server/db/client.server.ts'

export interface LoggedQuestion {
	kind: AssistantKind
	channel: QuestionChannel
	/** Already redacted. */
	question: string
	redacted: string[]
	outcome: QuestionOutcome
	topSourceId: string | null
	topScore: number | null
	sourceIds: string[]
	usedModel: boolean
	modelFallback: string | null
	latencyMs: number
}

/** Records one question (personal data already removed). */
export async function logQuestion(db: Database, entry: LoggedQuestion): Promise<void> {
	await db.insert(assistantQuestions).values({ ...entry, question: entry.question.slice(0, 1000) })
}

export interface QuestionLogFilter {
	outcome?: QuestionOutcome
	kind?: AssistantKind
	days: number
	page: number
}

const PAGE_SIZE = 50

/** Questions asked, newest first, with counts per outcome over the period. */
export async function listQuestions(db: Database, filter: QuestionLogFilter) {
	const since = new Date(Date.now() - filter.days * 86_400_000)
	const period: SQL[] = [gte(assistantQuestions.askedAt, since)]
	if (filter.kind) period.push(eq(assistantQuestions.kind, filter.kind))
	const where = and(...period, filter.outcome ? eq(assistantQuestions.outcome, filter.outcome) : undefined)
	const [rows, counts, frequent] = await Promise.all([
		db
			.select({
				id: assistantQuestions.id,
				askedAt: assistantQuestions.askedAt,
				kind: assistantQuestions.kind,
				channel: assistantQuestions.channel,
				question: assistantQuestions.question,
				redacted: assistantQuestions.redacted,
				outcome: assistantQuestions.outcome,
				topSourceId: assistantQuestions.topSourceId,
				usedModel: assistantQuestions.usedModel,
				modelFallback: assistantQuestions.modelFallback,
				latencyMs: assistantQuestions.latencyMs,
			})
			.from(assistantQuestions)
			.where(where)
			.orderBy(desc(assistantQuestions.askedAt))
			.limit(PAGE_SIZE + 1)
			.offset((filter.page - 1) * PAGE_SIZE),
		db
			.select({ outcome: assistantQuestions.outcome, n: count() })
			.from(assistantQuestions)
			.where(and(...period))
			.groupBy(assistantQuestions.outcome),
		// What failed most often: the questions staff should look at first (a synonym, a local document).
		db
			.select({ question: sql<string>`lower(${assistantQuestions.question})`, n: count() })
			.from(assistantQuestions)
			.where(and(...period, sql`${assistantQuestions.outcome} <> 'answered'`))
			.groupBy(sql`lower(${assistantQuestions.question})`)
			.orderBy(desc(count()))
			.limit(10),
	])
	const byOutcome = Object.fromEntries(questionOutcomes.map((o) => [o, 0])) as Record<QuestionOutcome, number>
	for (const row of counts) byOutcome[row.outcome] = Number(row.n)
	return {
		items: rows.slice(0, PAGE_SIZE),
		hasMore: rows.length > PAGE_SIZE,
		byOutcome,
		frequentFailures: frequent.map((f) => ({ question: f.question, count: Number(f.n) })),
	}
}
