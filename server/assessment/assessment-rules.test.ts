import { describe, expect, it } from 'vitest'
import { masteryFromConfirmation, stateFromOutcomes, updateMastery } from './mastery-rules.ts'
import { decodeAnswer, issueOptionTokens } from './option-tokens.ts'
import {
	nextPlacementStep,
	type PlacementAnswer,
	type PlacementPlan,
	placementState,
	skippableLessons,
} from './placement-rules.ts'
import { retakeDecision, retakePolicies } from './retake-rules.ts'
import { scoreAnswer, scoreAttempt } from './score-answer.ts'

describe('scoring', () => {
	it('scores each kind against its key', () => {
		expect(scoreAnswer({ kind: 'singleChoice', answer: ['b'] }, ['b'])).toBe(true)
		expect(scoreAnswer({ kind: 'singleChoice', answer: ['b'] }, ['a'])).toBe(false)
		expect(scoreAnswer({ kind: 'singleChoice', answer: ['b'] }, ['b', 'a'])).toBe(false)
		expect(scoreAnswer({ kind: 'multipleChoice', answer: ['a', 'c'] }, ['c', 'a'])).toBe(true)
		expect(scoreAnswer({ kind: 'multipleChoice', answer: ['a', 'c'] }, ['a'])).toBe(false)
		expect(scoreAnswer({ kind: 'multipleChoice', answer: ['a', 'c'] }, ['a', 'c', 'd'])).toBe(false)
		expect(scoreAnswer({ kind: 'multipleChoice', answer: ['a', 'c'] }, ['a', 'a'])).toBe(false)
		expect(scoreAnswer({ kind: 'trueFalse', answer: [false] }, [false])).toBe(true)
		expect(scoreAnswer({ kind: 'trueFalse', answer: [false] }, [true])).toBe(false)
		expect(scoreAnswer({ kind: 'ordering', answer: ['a', 'b', 'c'] }, ['a', 'b', 'c'])).toBe(true)
		expect(scoreAnswer({ kind: 'ordering', answer: ['a', 'b', 'c'] }, ['b', 'a', 'c'])).toBe(false)
		expect(scoreAnswer({ kind: 'matching', answer: ['a:x', 'b:y'] }, ['b:y', 'a:x'])).toBe(true)
		expect(scoreAnswer({ kind: 'matching', answer: ['a:x', 'b:y'] }, ['a:y', 'b:x'])).toBe(false)
		expect(scoreAnswer({ kind: 'practical', answer: [] }, [])).toBe(false)
	})

	it('rounds the percentage down and applies the pass mark', () => {
		const results = [true, true, false, null, true, true, true, true, true, false]
		expect(scoreAttempt(results, 70)).toEqual({
			correctCount: 7,
			itemCount: 10,
			scorePercent: 70,
			passed: true,
		})
		expect(scoreAttempt([true, true, false], 70)).toMatchObject({ scorePercent: 66, passed: false })
		expect(scoreAttempt([true, true, false], null).passed).toBeNull()
		expect(scoreAttempt([], 70)).toMatchObject({ scorePercent: 0, passed: false })
	})
})

describe('option tokens', () => {
	const item = { kind: 'singleChoice' as const, options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] }

	it('gives fresh tokens and an order drawn per attempt', () => {
		const first = issueOptionTokens(item)
		const tokens = new Set<string>()
		const orders = new Set<string>()
		for (let i = 0; i < 60; i++) {
			const served = issueOptionTokens(item)
			for (const t of served.optionTokens) tokens.add(t.token)
			orders.add(served.optionTokens.map((t) => t.optionId).join(''))
			expect(served.optionTokens.map((t) => t.optionId).sort()).toEqual(['a', 'b', 'c'])
		}
		expect(tokens.size).toBe(180)
		expect(orders.size).toBeGreaterThan(3)
		for (const t of first.optionTokens) expect(t.token).toMatch(/^[a-z2-7]{10}$/)
	})

	it('decodes tokens and refuses forged or incomplete answers', () => {
		const served = issueOptionTokens(item)
		const tokenOf = (id: string) => served.optionTokens.find((t) => t.optionId === id)!.token
		expect(decodeAnswer('singleChoice', served, { kind: 'choice', tokens: [tokenOf('b')] })).toEqual(['b'])
		expect(decodeAnswer('singleChoice', served, { kind: 'choice', tokens: ['b'] })).toBeNull()
		expect(decodeAnswer('singleChoice', served, { kind: 'choice', tokens: [] })).toBeNull()
		expect(
			decodeAnswer('singleChoice', served, { kind: 'choice', tokens: [tokenOf('a'), tokenOf('b')] }),
		).toBeNull()
		expect(
			decodeAnswer('multipleChoice', served, { kind: 'choice', tokens: [tokenOf('a'), tokenOf('c')] }),
		).toEqual(['a', 'c'])
	})

	it('decodes true/false, ordering ranks and matching pairs', () => {
		const tf = issueOptionTokens({ kind: 'trueFalse', options: [] })
		expect(tf.optionTokens.map((t) => t.optionId)).toEqual(['true', 'false'])
		expect(decodeAnswer('trueFalse', tf, { kind: 'choice', tokens: [tf.optionTokens[1]!.token] })).toEqual([
			false,
		])

		const ord = issueOptionTokens({ kind: 'ordering', options: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] })
		const rank = (id: string) => ord.optionTokens.find((t) => t.optionId === id)!.token
		const ranks = { [rank('c')]: '1', [rank('a')]: '2', [rank('b')]: '3' }
		expect(decodeAnswer('ordering', ord, { kind: 'ranks', ranks })).toEqual(['c', 'a', 'b'])
		expect(decodeAnswer('ordering', ord, { kind: 'ranks', ranks: { ...ranks, [rank('b')]: '2' } })).toBeNull()

		const match = issueOptionTokens({
			kind: 'matching',
			options: [{ id: 'a' }, { id: 'b' }],
			targets: [{ id: 'x' }, { id: 'y' }],
		})
		const o = (id: string) => match.optionTokens.find((t) => t.optionId === id)!.token
		const t = (id: string) => match.targetTokens!.find((x) => x.targetId === id)!.token
		expect(
			decodeAnswer('matching', match, { kind: 'pairs', pairs: { [o('a')]: t('y'), [o('b')]: t('x') } }),
		).toEqual(['a:y', 'b:x'])
		expect(decodeAnswer('matching', match, { kind: 'pairs', pairs: { [o('a')]: t('y') } })).toBeNull()
	})
})

describe('retake rules', () => {
	const now = new Date('2026-12-07T10:00:00Z')
	const ago = (minutes: number) => new Date(+now - minutes * 60_000)
	const quiz = retakePolicies.courseQuiz
	const final = retakePolicies.finalAssessment

	it('lets a first attempt start', () => {
		expect(retakeDecision(quiz, [], now)).toEqual({ allowed: true })
	})

	it('makes a learner wait after a fail', () => {
		const failed = [{ startedAt: ago(20), submittedAt: ago(5), passed: false }]
		expect(retakeDecision(quiz, failed, now)).toEqual({ allowed: false, reason: 'wait', until: ago(-5) })
		expect(retakeDecision(quiz, failed, ago(-6))).toEqual({ allowed: true })
		expect(retakeDecision(final, failed, now)).toMatchObject({ reason: 'wait', until: ago(5 - 24 * 60) })
	})

	it('limits attempts within the window until the oldest leaves it', () => {
		const three = [
			{ startedAt: ago(300), submittedAt: ago(290), passed: true },
			{ startedAt: ago(200), submittedAt: ago(190), passed: true },
			{ startedAt: ago(100), submittedAt: ago(90), passed: true },
		]
		expect(retakeDecision(quiz, three, now)).toEqual({
			allowed: false,
			reason: 'wait',
			until: ago(300 - 24 * 60),
		})
		expect(retakeDecision(quiz, three.slice(1), now)).toEqual({ allowed: true })
	})

	it('closes a passed final assessment for good', () => {
		const passed = [{ startedAt: ago(60), submittedAt: ago(30), passed: true }]
		expect(retakeDecision(final, passed, now)).toEqual({ allowed: false, reason: 'passed' })
		expect(retakeDecision(quiz, passed, now)).toEqual({ allowed: true })
	})
})

describe('mastery transitions', () => {
	it('rises with right answers, possibly several steps at once', () => {
		expect(updateMastery(null, []).state).toBe('notStarted')
		expect(updateMastery(null, [false]).state).toBe('notStarted')
		expect(updateMastery(null, [true]).state).toBe('familiar')
		expect(updateMastery(null, [true, true, false]).state).toBe('familiar')
		expect(updateMastery(null, [true, true, true]).state).toBe('proficient')
		expect(updateMastery(null, [true, true, true, true, true]).state).toBe('mastered')
	})

	it('falls back one step at a time after later mistakes', () => {
		const mastered = updateMastery(null, [true, true, true, true, true, true])
		const slip = updateMastery(mastered, [false])
		expect(slip.state).toBe('proficient')
		const worse = updateMastery(slip, [false, false])
		expect(worse.state).toBe('familiar')
		const worst = updateMastery(worse, [false, false, false, false])
		expect(worst.state).toBe('notStarted')
		expect(worst.recent).toHaveLength(8)
	})

	it('needs the latest answer right to be mastered', () => {
		expect(stateFromOutcomes([true, true, true, true, true, true, true, false])).toBe('proficient')
	})

	it('takes a confirmed judgement as it is', () => {
		expect(masteryFromConfirmation('mastered').state).toBe('mastered')
		expect(updateMastery(masteryFromConfirmation('proficient'), [true, true]).state).toBe('mastered')
		expect(masteryFromConfirmation('notYet').state).toBe('notStarted')
	})
})

describe('adaptive placement', () => {
	const plan: PlacementPlan = {
		competencies: ['5.1', '4.2', '1.1', '2.6', '2.3'],
		levels: 4,
		maxItems: 15,
		perCompetency: 3,
	}

	/** Runs the test for a learner who answers right exactly up to `ability[competency]` (rung index). */
	function run(ability: Record<string, number>, p: PlacementPlan = plan) {
		const answers: PlacementAnswer[] = []
		for (;;) {
			const step = nextPlacementStep(p, answers)
			if (step.done) break
			answers.push({ ...step, correct: step.levelIndex <= (ability[step.competencyCode] ?? -1) })
			if (answers.length > 100) throw new Error('no stop')
		}
		return { answers, state: placementState(p, answers) }
	}

	it('starts every competency at the middle rung', () => {
		const first = nextPlacementStep(plan, [])
		expect(first).toEqual({ done: false, competencyCode: '5.1', levelIndex: 1 })
	})

	it('moves up after right answers and down after wrong ones', () => {
		const up = run({ '5.1': 3 })
		expect(up.answers.filter((a) => a.competencyCode === '5.1').map((a) => a.levelIndex)).toEqual([1, 2, 3])
		const down = run({})
		expect(down.answers.filter((a) => a.competencyCode === '5.1').map((a) => a.levelIndex)).toEqual([1, 0])
	})

	it('stops within 15 questions and places each learner where their ability is', () => {
		for (const ability of [
			{},
			{ '5.1': 3, '4.2': 3, '1.1': 3, '2.6': 3, '2.3': 3 },
			{ '5.1': 0, '4.2': 1, '1.1': 2, '2.6': 3, '2.3': -1 },
		] as Record<string, number>[]) {
			const { answers, state } = run(ability)
			expect(answers.length).toBeLessThanOrEqual(15)
			for (const s of state) expect(s.placedIndex).toBe(Math.min(ability[s.competencyCode] ?? -1, 3))
		}
	})

	it('stops at the item budget even with many competencies', () => {
		const wide = { ...plan, competencies: ['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '4.1', '4.2'] }
		const { answers } = run(
			{ '1.1': 2, '1.2': 2, '1.3': 2, '2.1': 2, '2.2': 2, '2.3': 2, '4.1': 2, '4.2': 2 },
			wide,
		)
		expect(answers).toHaveLength(15)
	})

	it('settles a competency whose rungs have no items left', () => {
		const step = nextPlacementStep({ ...plan, competencies: ['5.1'] }, [], () => false)
		expect(step).toEqual({ done: true })
		const nearest = nextPlacementStep({ ...plan, competencies: ['5.1'] }, [], (_c, l) => l === 3)
		expect(nearest).toEqual({ done: false, competencyCode: '5.1', levelIndex: 3 })
	})

	it('lists as skippable only lessons whose every competency is placed at their level', () => {
		const lessons = [
			{ id: 'easy', levelIndex: 0, competencies: ['5.1'] },
			{ id: 'hard', levelIndex: 2, competencies: ['5.1'] },
			{ id: 'mixed', levelIndex: 0, competencies: ['5.1', '4.2'] },
			{ id: 'untested', levelIndex: 0, competencies: ['3.1'] },
		]
		expect(
			skippableLessons(
				lessons,
				new Map([
					['5.1', 1],
					['4.2', -1],
				]),
			),
		).toEqual(['easy'])
		expect(
			skippableLessons(
				lessons,
				new Map([
					['5.1', 2],
					['4.2', 0],
				]),
			),
		).toEqual(['easy', 'hard', 'mixed'])
	})
})
