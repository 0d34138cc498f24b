import { eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import type { Course } from '#server/learning/content/course-schemas.ts'
import type { BasicSkillsFramework, Framework } from '#server/learning/content/framework-schemas.ts'
import type { Track } from '#server/learning/content/track-schema.ts'
import type { LessonData } from '#server/learning/lesson-data.ts'
import {
	basicSkillItems,
	learningCourses,
	learningLessonCompetencies,
	learningLessons,
	learningTrackCourses,
	learningTracks,
	practiceItems,
	skillCompetencies,
	skillDomains,
	skillFrameworks,
	skillLevels,
} from '#server/learning/schema.ts'

/*
 * Writes a published revision into the tables learners' pages read. Called by the content import and by
 * the authoring pages, inside their transaction; each function replaces the entity's rows as a whole.
 */

export interface PublishedRevision {
	revision: number
	contentHash: string
}

/** A framework (either kind) and the normalised rows derived from it. */
export async function applyFramework(
	tx: Database,
	data: Framework | BasicSkillsFramework,
	published: PublishedRevision,
): Promise<void> {
	const head = {
		kind: data.kind,
		titleVi: data.title.vi,
		titleEn: data.title.en,
		revision: published.revision,
		contentHash: published.contentHash,
		data: data as unknown as Record<string, unknown>,
		updatedAt: new Date(),
	}
	await tx
		.insert(skillFrameworks)
		.values({ id: data.id, ...head })
		.onConflictDoUpdate({ target: skillFrameworks.id, set: head })
	if (data.kind === 'competenceFramework') {
		await tx.delete(skillDomains).where(eq(skillDomains.frameworkId, data.id))
		await tx.delete(skillCompetencies).where(eq(skillCompetencies.frameworkId, data.id))
		await tx.delete(skillLevels).where(eq(skillLevels.frameworkId, data.id))
		await tx.insert(skillDomains).values(
			data.domains.map((d, i) => ({
				frameworkId: data.id,
				code: d.code,
				nameVi: d.name.vi,
				nameEn: d.name.en,
				position: i + 1,
			})),
		)
		await tx.insert(skillCompetencies).values(
			data.domains.flatMap((d) =>
				d.competencies.map((c, i) => ({
					frameworkId: data.id,
					code: c.code,
					domainCode: d.code,
					nameVi: c.name.vi,
					nameEn: c.name.en,
					description: c.description,
					position: i + 1,
				})),
			),
		)
		await tx.insert(skillLevels).values(
			data.levels.map((l) => ({
				frameworkId: data.id,
				code: l.code,
				number: l.number,
				band: l.band,
				nameVi: l.name.vi,
				nameEn: l.name.en,
				descriptor: l.descriptor,
			})),
		)
		return
	}
	await tx.delete(basicSkillItems).where(eq(basicSkillItems.frameworkId, data.id))
	const items = data.skillGroups.flatMap((g) =>
		g.items.map((item) => ({
			frameworkId: data.id,
			code: item.code,
			groupCode: g.code,
			nameVi: item.name.vi,
			nameEn: item.name.en,
			competencies: item.competencies,
			audiences: [...g.audiences],
		})),
	)
	if (items.length > 0) await tx.insert(basicSkillItems).values(items)
}

export async function applyCourse(tx: Database, data: Course, published: PublishedRevision): Promise<void> {
	const head = {
		title: data.title,
		summary: data.summary,
		level: data.level,
		targetGroups: [...data.targetGroups],
		revision: published.revision,
		contentHash: published.contentHash,
		active: true,
		updatedAt: new Date(),
	}
	await tx
		.insert(learningCourses)
		.values({ id: data.id, ...head })
		.onConflictDoUpdate({ target: learningCourses.id, set: head })
}

export async function applyTrack(tx: Database, data: Track, published: PublishedRevision): Promise<void> {
	const head = {
		nameVi: data.name.vi,
		nameEn: data.name.en,
		description: data.description,
		position: data.order,
		targetGroups: [...data.targetGroups],
		basicSkillsAudience: data.basicSkillsAudience ?? null,
		completion: data.completion as unknown as Record<string, unknown>,
		revision: published.revision,
		contentHash: published.contentHash,
		active: true,
		updatedAt: new Date(),
	}
	await tx
		.insert(learningTracks)
		.values({ id: data.id, ...head })
		.onConflictDoUpdate({ target: learningTracks.id, set: head })
	await tx.delete(learningTrackCourses).where(eq(learningTrackCourses.trackId, data.id))
	await tx.insert(learningTrackCourses).values(
		data.courses.map((courseId, i) => ({
			trackId: data.id,
			courseId,
			position: i + 1,
			required: data.completion.requiredCourses.includes(courseId),
		})),
	)
}

/** The lesson's columns from its data (shared by publishing and by saving a first draft). */
export function lessonColumns(data: LessonData) {
	return {
		courseId: data.courseId,
		position: data.order,
		title: data.title,
		summary: data.summary,
		minutes: data.minutes,
		level: data.level,
		competencies: [...data.competencies],
		basicSkills: [...(data.basicSkills ?? [])],
		body: data.body,
		images: data.images.map((i) => ({ file: i.file, alt: i.alt })),
		sources: (data.sources ?? []).map((s) => ({ title: s.title, ...(s.note ? { note: s.note } : {}) })),
	}
}

/** A lesson, its practice items (with the answer key, server-side only) and its competency tags. */
export async function applyLesson(
	tx: Database,
	data: LessonData,
	published: PublishedRevision,
): Promise<void> {
	const head = {
		...lessonColumns(data),
		status: 'published' as const,
		revision: published.revision,
		contentHash: published.contentHash,
		updatedAt: new Date(),
	}
	await tx
		.insert(learningLessons)
		.values({ id: data.id, ...head })
		.onConflictDoUpdate({ target: learningLessons.id, set: head })
	await tx.delete(practiceItems).where(eq(practiceItems.lessonId, data.id))
	await tx.insert(practiceItems).values(
		data.practice.map((item, i) => ({
			lessonId: data.id,
			itemId: item.id,
			position: i + 1,
			kind: item.kind,
			competencyCode: item.competency,
			prompt: item.prompt,
			options: item.kind === 'trueFalse' ? [] : item.options.map((o) => ({ id: o.id, text: o.text })),
			answer: item.kind === 'trueFalse' ? [item.answer] : [...item.answer],
			explanation: item.explanation,
		})),
	)
	await tx.delete(learningLessonCompetencies).where(eq(learningLessonCompetencies.lessonId, data.id))
	await tx
		.insert(learningLessonCompetencies)
		.values([...new Set(data.competencies)].map((competencyCode) => ({ lessonId: data.id, competencyCode })))
}
