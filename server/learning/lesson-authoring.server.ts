import { and, asc, desc, eq, max } from 'drizzle-orm'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import type { RequestAuditContext } from '#server/audit/record-personal-data-read.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { users } from '#server/identity/schema.ts'
import { applyLesson, lessonColumns } from '#server/learning/apply-published-content.server.ts'
import { appendRevision, latestRevision } from '#server/learning/content-revisions.server.ts'
import type { LessonData } from '#server/learning/lesson-data.ts'
import {
	type ContentEntityKind,
	learningCourses,
	learningLessons,
	learningRevisions,
	skillCompetencies,
} from '#server/learning/schema.ts'

/** The versions of a piece of content, newest first, with who made each. */
export function listRevisions(db: Database, kind: ContentEntityKind, entityId: string) {
	return db
		.select({
			revision: learningRevisions.revision,
			status: learningRevisions.status,
			origin: learningRevisions.origin,
			note: learningRevisions.note,
			createdAt: learningRevisions.createdAt,
			publishedAt: learningRevisions.publishedAt,
			author: users.displayName,
			contentHash: learningRevisions.contentHash,
		})
		.from(learningRevisions)
		.leftJoin(users, eq(users.id, learningRevisions.createdBy))
		.where(and(eq(learningRevisions.entityKind, kind), eq(learningRevisions.entityId, entityId)))
		.orderBy(desc(learningRevisions.revision))
}

/** One stored version of a lesson (its full data), or undefined. */
export async function readLessonRevision(db: Database, lessonId: string, revision: number) {
	const [row] = await db
		.select({
			data: learningRevisions.data,
			status: learningRevisions.status,
			revision: learningRevisions.revision,
		})
		.from(learningRevisions)
		.where(
			and(
				eq(learningRevisions.entityKind, 'lesson'),
				eq(learningRevisions.entityId, lessonId),
				eq(learningRevisions.revision, revision),
			),
		)
		.limit(1)
	return row ? { ...row, data: row.data as unknown as LessonData } : undefined
}

/** The lesson's head row (any status) with its course. */
export async function findLessonForEditing(db: Database, lessonId: string) {
	const [row] = await db
		.select({
			id: learningLessons.id,
			courseId: learningLessons.courseId,
			courseTitle: learningCourses.title,
			status: learningLessons.status,
			revision: learningLessons.revision,
			position: learningLessons.position,
		})
		.from(learningLessons)
		.innerJoin(learningCourses, eq(learningCourses.id, learningLessons.courseId))
		.where(eq(learningLessons.id, lessonId))
		.limit(1)
	return row
}

/** TT 02 competencies for the editor's check boxes, in framework order. */
export function listCompetencyChoices(db: Database) {
	return db
		.select({
			code: skillCompetencies.code,
			domainCode: skillCompetencies.domainCode,
			nameVi: skillCompetencies.nameVi,
			nameEn: skillCompetencies.nameEn,
		})
		.from(skillCompetencies)
		.orderBy(asc(skillCompetencies.domainCode), asc(skillCompetencies.position))
}

/** The position a new lesson takes in its course: after the last one. */
export async function nextLessonPosition(db: Database, courseId: string): Promise<number> {
	const [row] = await db
		.select({ last: max(learningLessons.position) })
		.from(learningLessons)
		.where(eq(learningLessons.courseId, courseId))
	return (row?.last ?? 0) + 1
}

export type SaveLessonResult =
	| { ok: true; revision: number }
	| { ok: false; reason: 'conflict'; latest: number }
	| { ok: false; reason: 'exists' }

/**
 * Saves what an author wrote as a new version of a lesson: a draft, or published at once. `baseRevision`
 * is the newest version the author started from (0 for a new lesson): if someone saved since, nothing is
 * written and the author is told (no silent overwrite). Publishing replaces what learners see; earlier
 * versions stay in the history. The change is audit-logged in the same transaction.
 */
export async function saveLessonRevision(
	db: Database,
	audit: RequestAuditContext,
	input: { data: LessonData; baseRevision: number; publish: boolean; note: string | null; isNew: boolean },
): Promise<SaveLessonResult> {
	const userId = audit.actor.userId
	return db.transaction(async (tx) => {
		const latest = await latestRevision(tx, 'lesson', input.data.id)
		if (input.isNew && latest) return { ok: false, reason: 'exists' }
		if ((latest?.revision ?? 0) !== input.baseRevision) {
			return { ok: false, reason: 'conflict', latest: latest?.revision ?? 0 }
		}
		const saved = await appendRevision(tx, {
			kind: 'lesson',
			entityId: input.data.id,
			data: input.data,
			origin: 'staff',
			status: input.publish ? 'published' : 'draft',
			userId,
			note: input.note,
		})
		if (input.publish) {
			await applyLesson(tx, input.data, saved)
		} else if (input.isNew) {
			// A new lesson exists from its first draft, hidden from learners until published.
			await tx.insert(learningLessons).values({
				id: input.data.id,
				...lessonColumns(input.data),
				status: 'draft',
				revision: 0,
				contentHash: saved.contentHash,
			})
		}
		await recordAudit(tx, {
			...audit,
			action: input.publish ? 'learning.lessonPublished' : 'learning.lessonDraftSaved',
			entityType: 'lesson',
			entityId: input.data.id,
			details: { revision: saved.revision, courseId: input.data.courseId },
		})
		return { ok: true, revision: saved.revision }
	})
}

/** Publishes a stored version (a draft, or an older version brought back) as a new published version. */
export async function republishLessonRevision(
	db: Database,
	audit: RequestAuditContext,
	input: { lessonId: string; revision: number; baseRevision: number },
): Promise<SaveLessonResult | { ok: false; reason: 'notFound' }> {
	const stored = await readLessonRevision(db, input.lessonId, input.revision)
	if (!stored) return { ok: false, reason: 'notFound' }
	if (stored.status === 'draft' && input.revision === input.baseRevision) {
		// Publishing the newest draft as it is: mark it published rather than copying it.
		return db.transaction(async (tx) => {
			const latest = await latestRevision(tx, 'lesson', input.lessonId)
			if (latest?.revision !== input.baseRevision) {
				return { ok: false as const, reason: 'conflict' as const, latest: latest?.revision ?? 0 }
			}
			await tx
				.update(learningRevisions)
				.set({ status: 'superseded' })
				.where(
					and(
						eq(learningRevisions.entityKind, 'lesson'),
						eq(learningRevisions.entityId, input.lessonId),
						eq(learningRevisions.status, 'published'),
					),
				)
			await tx
				.update(learningRevisions)
				.set({ status: 'published', publishedAt: new Date(), publishedBy: audit.actor.userId })
				.where(eq(learningRevisions.id, latest.id))
			await applyLesson(tx, stored.data, latest)
			await recordAudit(tx, {
				...audit,
				action: 'learning.lessonPublished',
				entityType: 'lesson',
				entityId: input.lessonId,
				details: { revision: latest.revision, courseId: stored.data.courseId },
			})
			return { ok: true as const, revision: latest.revision }
		})
	}
	return saveLessonRevision(db, audit, {
		data: stored.data,
		baseRevision: input.baseRevision,
		publish: true,
		note: `Xuất bản lại phiên bản ${input.revision}`,
		isNew: false,
	})
}
