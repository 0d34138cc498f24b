import type { MasteryState, OralOutcome } from './schema.ts'

/*
 * Mastery of one competency from the learner's latest outcomes (quiz, final assessment and placement
 * answers, newest last). Over the last six:
 *   mastered   — at least five answers, nine in ten right, and the latest right;
 *   proficient — at least three answers, seven in ten right;
 *   familiar   — at least one right;
 *   notStarted — nothing yet, or nothing right.
 * Rising can skip a step (a strong placement shows it at once); falling back after later mistakes goes one
 * step per update, so a single slip does not wipe out a learner's standing.
 */

export const masteryOrder: readonly MasteryState[] = ['notStarted', 'familiar', 'proficient', 'mastered']
const keep = 8
const window = 6

export interface MasteryValue {
	state: MasteryState
	recent: boolean[]
}

/** The state the outcomes alone justify. */
export function stateFromOutcomes(recent: readonly boolean[]): MasteryState {
	const w = recent.slice(-window)
	const right = w.filter(Boolean).length
	if (w.length >= 5 && right / w.length >= 0.9 && w.at(-1) === true) return 'mastered'
	if (w.length >= 3 && right / w.length >= 0.7) return 'proficient'
	if (right > 0) return 'familiar'
	return 'notStarted'
}

/** The new mastery after more outcomes. */
export function updateMastery(current: MasteryValue | null, outcomes: readonly boolean[]): MasteryValue {
	const before = current ?? { state: 'notStarted', recent: [] }
	const recent = [...before.recent, ...outcomes].slice(-keep)
	const earned = stateFromOutcomes(recent)
	const from = masteryOrder.indexOf(before.state)
	const to = masteryOrder.indexOf(earned)
	const state = to >= from ? earned : masteryOrder[from - 1]!
	return { state, recent }
}

/**
 * An instructor's or volunteer's judgement replaces the computed state; the recent outcomes are reset to
 * ones that justify it, so later answers move on from the confirmed state.
 */
export function masteryFromConfirmation(outcome: OralOutcome): MasteryValue {
	switch (outcome) {
		case 'mastered':
			return { state: 'mastered', recent: [true, true, true, true, true] }
		case 'proficient':
			return { state: 'proficient', recent: [true, true, true] }
		case 'familiar':
			return { state: 'familiar', recent: [true] }
		case 'notYet':
			return { state: 'notStarted', recent: [false] }
	}
}
