import { and, asc, eq, inArray } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import {
	learningCourses,
	learningLessons,
	learningTracks,
	skillCompetencies,
	skillLevels,
} from '#server/learning/schema.ts'
import type { PlacementResult } from './attempts.server.ts'
import {
	type AssessmentItemKind,
	assessmentAttemptItems,
	assessmentAttempts,
	assessmentItems,
} from './schema.ts'

/*
 * What the attempt page shows. While an item is unanswered the page gets its prompt and its options under
 * this attempt's tokens, in this attempt's order — never option ids, the key or the explanation. Once the
 * attempt is finished every item comes with the learner's answer, the right answer and the explanation.
 */

export interface ServedItemView {
	position: number
	kind: AssessmentItemKind
	prompt: string
	image: { url: string; alt: string } | null
	options: { token: string; text: string }[]
	targets: { token: string; text: string }[] | null
	review: {
		correct: boolean
		yourAnswer: string[]
		rightAnswer: string[]
		explanation: string
	} | null
}

export interface AttemptView {
	id: string
	kind: 'placement' | 'courseQuiz' | 'finalAssessment'
	status: 'inProgress' | 'submitted'
	title: string
	courseId: string | null
	trackId: string | null
	plannedItems: number
	passMarkPercent: number | null
	deadlineAt: Date | null
	scorePercent: number | null
	correctCount: number | null
	passed: boolean | null
	late: boolean
	items: ServedItemView[]
	placement: {
		competencies: {
			code: string
			nameVi: string
			nameEn: string
			levelVi: string | null
			levelEn: string | null
		}[]
		skippable: { id: string; title: string }[]
	} | null
}

/** The attempt as its learner may see it, or null when it is not theirs. */
export async function readAttemptView(
	db: Database,
	learnerId: string,
	attemptId: string,
): Promise<AttemptView | null> {
	const [attempt] = await db
		.select({
			a: assessmentAttempts,
			courseTitle: learningCourses.title,
			trackName: learningTracks.nameVi,
		})
		.from(assessmentAttempts)
		.leftJoin(learningCourses, eq(learningCourses.id, assessmentAttempts.courseId))
		.leftJoin(learningTracks, eq(learningTracks.id, assessmentAttempts.trackId))
		.where(and(eq(assessmentAttempts.id, attemptId), eq(assessmentAttempts.learnerId, learnerId)))
	if (!attempt) return null
	const a = attempt.a
	const finished = a.status === 'submitted'
	const rows = await db
		.select({
			position: assessmentAttemptItems.position,
			optionTokens: assessmentAttemptItems.optionTokens,
			targetTokens: assessmentAttemptItems.targetTokens,
			answer: assessmentAttemptItems.answer,
			correct: assessmentAttemptItems.correct,
			answeredAt: assessmentAttemptItems.answeredAt,
			kind: assessmentItems.kind,
			prompt: assessmentItems.prompt,
			options: assessmentItems.options,
			targets: assessmentItems.targets,
			key: assessmentItems.answer,
			explanation: assessmentItems.explanation,
			imageSha256: assessmentItems.imageSha256,
			imageAlt: assessmentItems.imageAlt,
		})
		.from(assessmentAttemptItems)
		.innerJoin(assessmentItems, eq(assessmentItems.id, assessmentAttemptItems.itemId))
		.where(eq(assessmentAttemptItems.attemptId, attemptId))
		.orderBy(asc(assessmentAttemptItems.position))
	// A placement test shows only the item being asked; a quiz shows all of them on one page.
	const shown = finished ? rows : a.kind === 'placement' ? rows.filter((r) => !r.answeredAt).slice(-1) : rows
	const items = shown.map((r): ServedItemView => {
		const textOf = (id: string | boolean) => describeAnswerPart(r.kind, id, r.options, r.targets)
		return {
			position: r.position,
			kind: r.kind,
			prompt: r.prompt,
			image: r.imageSha256 ? { url: `/hoc/kiem-tra/anh/${r.imageSha256}`, alt: r.imageAlt ?? '' } : null,
			options: r.optionTokens.map((t) => ({
				token: t.token,
				text: optionText(r.kind, t.optionId, r.options),
			})),
			targets:
				r.targetTokens?.map((t) => ({
					token: t.token,
					text: r.targets?.find((x) => x.id === t.targetId)?.text ?? '',
				})) ?? null,
			review: finished
				? {
						correct: r.correct === true,
						yourAnswer: (r.answer ?? []).map(textOf),
						rightAnswer: r.key.map(textOf),
						explanation: r.explanation,
					}
				: null,
		}
	})
	return {
		id: a.id,
		kind: a.kind,
		status: a.status,
		title: attempt.courseTitle ?? attempt.trackName ?? '',
		courseId: a.courseId,
		trackId: a.trackId,
		plannedItems: a.plannedItems,
		passMarkPercent: a.passMarkPercent,
		deadlineAt: a.deadlineAt,
		scorePercent: a.scorePercent,
		correctCount: a.correctCount,
		passed: a.passed,
		late: (a.result as { late?: boolean } | null)?.late === true,
		items,
		placement:
			finished && a.kind === 'placement'
				? await placementView(db, a.result as unknown as PlacementResult)
				: null,
	}
}

/** "true"/"false" are the two options of a true/false item; the page names them in the learner's language. */
function optionText(kind: AssessmentItemKind, optionId: string, options: { id: string; text: string }[]) {
	if (kind === 'trueFalse') return optionId === 'true' ? 'Đúng' : 'Sai'
	return options.find((o) => o.id === optionId)?.text ?? ''
}

function describeAnswerPart(
	kind: AssessmentItemKind,
	part: string | boolean,
	options: { id: string; text: string }[],
	targets: { id: string; text: string }[] | null,
): string {
	if (typeof part === 'boolean') return part ? 'Đúng' : 'Sai'
	if (kind === 'matching') {
		const [o, t] = part.split(':')
		return `${options.find((x) => x.id === o)?.text ?? ''} → ${targets?.find((x) => x.id === t)?.text ?? ''}`
	}
	return options.find((x) => x.id === part)?.text ?? ''
}

async function placementView(db: Database, result: PlacementResult | null) {
	if (!result?.plan) return { competencies: [], skippable: [] }
	const codes = Object.keys(result.placed)
	const [names, levels, lessons] = await Promise.all([
		codes.length
			? db
					.selectDistinct({
						code: skillCompetencies.code,
						nameVi: skillCompetencies.nameVi,
						nameEn: skillCompetencies.nameEn,
					})
					.from(skillCompetencies)
					.where(inArray(skillCompetencies.code, codes))
			: [],
		db
			.selectDistinct({ code: skillLevels.code, nameVi: skillLevels.nameVi, nameEn: skillLevels.nameEn })
			.from(skillLevels),
		result.skippableLessonIds.length
			? db
					.select({ id: learningLessons.id, title: learningLessons.title })
					.from(learningLessons)
					.where(inArray(learningLessons.id, result.skippableLessonIds))
					.orderBy(asc(learningLessons.courseId), asc(learningLessons.position))
			: [],
	])
	return {
		competencies: result.plan.competencies.map((code) => {
			const name = names.find((n) => n.code === code)
			const index = result.placed[code] ?? -1
			const level = index >= 0 ? levels.find((l) => l.code === result.plan.ladder[index]) : undefined
			return {
				code,
				nameVi: name?.nameVi ?? code,
				nameEn: name?.nameEn ?? code,
				levelVi: level?.nameVi ?? null,
				levelEn: level?.nameEn ?? null,
			}
		}),
		skippable: lessons,
	}
}
