/*
 * The adaptive placement test as a pure state machine. The bank's levels (CB1, CB2, TC1, TC2 …) are a
 * ladder; for each competency tested the test starts in the middle of the ladder, goes one rung up after a
 * right answer and one down after a wrong one, and stops for that competency when it has found the rung
 * where the learner passes and the one above fails, or after `perCompetency` questions. The whole test stops
 * after `maxItems` questions (about 15) or when every competency is settled, whichever comes first.
 */

export interface PlacementAnswer {
	competencyCode: string
	/** Index of the item's level on the ladder. */
	levelIndex: number
	correct: boolean
}

export interface PlacementPlan {
	/** Competencies to test, most important first (those with the most lessons in the track). */
	competencies: string[]
	/** Number of rungs on the ladder (levels with items). */
	levels: number
	maxItems: number
	perCompetency: number
}

export interface CompetencyPlacement {
	competencyCode: string
	/** Highest rung answered right with no wrong answer at or below it, -1 when none. */
	placedIndex: number
	/** Lowest rung answered wrong, `levels` when none. */
	failedIndex: number
	asked: number
	settled: boolean
}

/** Where the test stands for each competency after the answers so far. */
export function placementState(
	plan: PlacementPlan,
	answers: readonly PlacementAnswer[],
): CompetencyPlacement[] {
	return plan.competencies.map((competencyCode) => {
		const mine = answers.filter((a) => a.competencyCode === competencyCode)
		let failedIndex = plan.levels
		for (const a of mine) if (!a.correct) failedIndex = Math.min(failedIndex, a.levelIndex)
		let placedIndex = -1
		for (const a of mine)
			if (a.correct && a.levelIndex < failedIndex) placedIndex = Math.max(placedIndex, a.levelIndex)
		const boundary = failedIndex - placedIndex <= 1
		return {
			competencyCode,
			placedIndex,
			failedIndex,
			asked: mine.length,
			settled: boundary || mine.length >= plan.perCompetency,
		}
	})
}

/** The middle rung (lower middle for an even ladder: start easy for people new to phones). */
export function startLevel(levels: number): number {
	return Math.max(0, Math.floor((levels - 1) / 2))
}

export type NextPlacementStep = { done: true } | { done: false; competencyCode: string; levelIndex: number }

/**
 * The next question to ask: the unsettled competency asked least so far (ties by plan order), at the rung
 * between what it passed and what it failed — the middle rung for a competency not asked yet.
 * `hasItem` says whether an unused item exists; when none does at the wanted rung the nearest rung inside
 * the open interval is used, and a competency without any is settled as it stands.
 */
export function nextPlacementStep(
	plan: PlacementPlan,
	answers: readonly PlacementAnswer[],
	hasItem: (competencyCode: string, levelIndex: number) => boolean = () => true,
): NextPlacementStep {
	if (answers.length >= plan.maxItems) return { done: true }
	const state = placementState(plan, answers)
	const open = state.filter((s) => !s.settled).sort((a, b) => a.asked - b.asked)
	for (const s of open) {
		const wanted =
			s.asked === 0
				? startLevel(plan.levels)
				: answers.filter((a) => a.competencyCode === s.competencyCode).at(-1)!.correct
					? s.placedIndex + 1
					: s.failedIndex - 1
		const low = s.placedIndex + 1
		const high = s.failedIndex - 1
		const candidates = [
			wanted,
			...range(low, high).sort((a, b) => Math.abs(a - wanted) - Math.abs(b - wanted)),
		]
		const level = candidates.find((l) => l >= low && l <= high && hasItem(s.competencyCode, l))
		if (level !== undefined) return { done: false, competencyCode: s.competencyCode, levelIndex: level }
	}
	return { done: true }
}

function range(from: number, to: number): number[] {
	const out: number[] = []
	for (let i = from; i <= to; i++) out.push(i)
	return out
}

/**
 * Lessons the learner may skip: every competency the lesson builds was tested and placed at or above the
 * lesson's level. Lessons with an untested competency are never skipped.
 */
export function skippableLessons(
	lessons: readonly { id: string; levelIndex: number; competencies: readonly string[] }[],
	placed: ReadonlyMap<string, number>,
): string[] {
	return lessons
		.filter(
			(lesson) =>
				lesson.competencies.length > 0 &&
				lesson.competencies.every((c) => {
					const p = placed.get(c)
					return p !== undefined && p >= lesson.levelIndex
				}),
		)
		.map((l) => l.id)
}
