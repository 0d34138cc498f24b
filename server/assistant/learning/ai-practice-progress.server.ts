import { countDistinct, eq, inArray } from 'drizzle-orm'
import type { AiPracticeStep } from '#server/assistant/learning/ai-practice.ts'
import { aiPracticeSteps } from '#server/assistant/learning/ai-practice.ts'
import { aiPracticeProgress } from '#server/assistant/schema.ts'
import type { Database } from '#server/db/client.server.ts'

/** Records a completed step once (a second completion keeps the first date). */
export async function recordAiPracticeStep(
	db: Database,
	userId: string,
	step: AiPracticeStep,
): Promise<void> {
	await db.insert(aiPracticeProgress).values({ userId, step }).onConflictDoNothing()
}

/** The steps a person has completed. */
export async function readAiPracticeSteps(db: Database, userId: string): Promise<AiPracticeStep[]> {
	const rows = await db
		.select({ step: aiPracticeProgress.step })
		.from(aiPracticeProgress)
		.where(eq(aiPracticeProgress.userId, userId))
	return rows
		.map((r) => r.step)
		.filter((s): s is AiPracticeStep => (aiPracticeSteps as readonly string[]).includes(s))
}

/**
 * For target 8 (learners using at least one AI tool): how many of these accounts completed at least one
 * step of the guided practice. The indicators capability decides the denominator.
 */
export async function countAiPracticeUsers(db: Database, userIds?: readonly string[]): Promise<number> {
	const [row] = await db
		.select({ n: countDistinct(aiPracticeProgress.userId) })
		.from(aiPracticeProgress)
		.where(userIds ? inArray(aiPracticeProgress.userId, [...userIds]) : undefined)
	return Number(row?.n ?? 0)
}
