import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { levelCodes } from '#server/learning/content/framework-schemas.ts'
import { skillCompetencies, skillDomains, skillFrameworks } from '#server/learning/schema.ts'
import { masteryFromConfirmation, updateMastery } from './mastery-rules.ts'
import { competencyMastery, type MasteryState, type OralOutcome } from './schema.ts'

export interface Outcome {
	competencyCode: string
	level: string
	correct: boolean
}

/**
 * Moves each competency's mastery on by the outcomes of one attempt (in the order answered). One row per
 * learner × competency, updated under the row lock an upsert takes, so two attempts finishing together
 * both count.
 */
export async function applyOutcomes(
	tx: Database,
	learner: { id: string; wardId: string },
	outcomes: readonly Outcome[],
	now = new Date(),
): Promise<void> {
	const byCompetency = new Map<string, Outcome[]>()
	for (const o of outcomes)
		byCompetency.set(o.competencyCode, [...(byCompetency.get(o.competencyCode) ?? []), o])
	if (byCompetency.size === 0) return
	const codes = [...byCompetency.keys()]
	const current = await tx
		.select()
		.from(competencyMastery)
		.where(and(eq(competencyMastery.learnerId, learner.id), inArray(competencyMastery.competencyCode, codes)))
		.for('update')
	const currentBy = new Map(current.map((r) => [r.competencyCode, r]))
	for (const [code, list] of byCompetency) {
		const before = currentBy.get(code)
		const next = updateMastery(
			before ? { state: before.state, recent: before.recent } : null,
			list.map((o) => o.correct),
		)
		const rightLevels = list.filter((o) => o.correct).map((o) => o.level)
		const highestLevel = highest([before?.highestLevel ?? null, ...rightLevels])
		await upsertMastery(tx, learner, code, { ...next, highestLevel, confirmedBy: null }, now)
	}
}

/** An instructor's or volunteer's judgement of one competency (oral, in-class or a practical task). */
export async function confirmMastery(
	tx: Database,
	learner: { id: string; wardId: string },
	competencyCode: string,
	outcome: OralOutcome,
	confirmedBy: string,
	now = new Date(),
): Promise<void> {
	const next = masteryFromConfirmation(outcome)
	await upsertMastery(tx, learner, competencyCode, { ...next, highestLevel: null, confirmedBy }, now)
}

async function upsertMastery(
	tx: Database,
	learner: { id: string; wardId: string },
	competencyCode: string,
	value: { state: MasteryState; recent: boolean[]; highestLevel: string | null; confirmedBy: string | null },
	now: Date,
) {
	await tx
		.insert(competencyMastery)
		.values({ learnerId: learner.id, wardId: learner.wardId, competencyCode, ...value, updatedAt: now })
		.onConflictDoUpdate({
			target: [competencyMastery.learnerId, competencyMastery.competencyCode],
			set: {
				state: value.state,
				recent: value.recent,
				highestLevel: value.highestLevel ?? sql`${competencyMastery.highestLevel}`,
				confirmedBy: value.confirmedBy,
				updatedAt: now,
			},
		})
}

function highest(levels: (string | null)[]): string | null {
	let best: string | null = null
	for (const l of levels) {
		if (!l) continue
		if (best === null || levelCodes.indexOf(l as never) > levelCodes.indexOf(best as never)) best = l
	}
	return best
}

export interface MasteryRow {
	code: string
	nameVi: string
	nameEn: string
	domainCode: string
	domainVi: string
	domainEn: string
	state: MasteryState
	/** How many of the latest answers were right, over how many. */
	right: number
	answered: number
	confirmed: boolean
	updatedAt: Date | null
}

/** Every competency of the framework with the learner's mastery (not started when there is none). */
export async function readMastery(db: Database, learnerId: string): Promise<MasteryRow[]> {
	const rows = await db
		.select({
			code: skillCompetencies.code,
			nameVi: skillCompetencies.nameVi,
			nameEn: skillCompetencies.nameEn,
			domainCode: skillCompetencies.domainCode,
			domainVi: sql<string>`coalesce(${skillFrameworks.data}->'domains'->(${skillDomains.position}::int - 1)->'plainName'->>'vi', ${skillDomains.nameVi})`,
			domainEn: sql<string>`coalesce(${skillFrameworks.data}->'domains'->(${skillDomains.position}::int - 1)->'plainName'->>'en', ${skillDomains.nameEn})`,
			state: competencyMastery.state,
			recent: competencyMastery.recent,
			confirmedBy: competencyMastery.confirmedBy,
			updatedAt: competencyMastery.updatedAt,
		})
		.from(skillCompetencies)
		.innerJoin(
			skillFrameworks,
			and(
				eq(skillFrameworks.id, skillCompetencies.frameworkId),
				eq(skillFrameworks.kind, 'competenceFramework'),
			),
		)
		.innerJoin(
			skillDomains,
			and(
				eq(skillDomains.frameworkId, skillCompetencies.frameworkId),
				eq(skillDomains.code, skillCompetencies.domainCode),
			),
		)
		.leftJoin(
			competencyMastery,
			and(
				eq(competencyMastery.competencyCode, skillCompetencies.code),
				eq(competencyMastery.learnerId, learnerId),
			),
		)
		.orderBy(asc(skillDomains.position), asc(skillCompetencies.position))
	return rows.map((r) => ({
		code: r.code,
		nameVi: r.nameVi,
		nameEn: r.nameEn,
		domainCode: r.domainCode,
		domainVi: r.domainVi,
		domainEn: r.domainEn,
		state: r.state ?? 'notStarted',
		right: (r.recent ?? []).filter(Boolean).length,
		answered: (r.recent ?? []).length,
		confirmed: r.confirmedBy !== null,
		updatedAt: r.updatedAt,
	}))
}
