import crypto from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'
import { and, eq, notInArray, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import {
	applyCourse,
	applyFramework,
	applyLesson,
	applyTrack,
} from '#server/learning/apply-published-content.server.ts'
import { defaultContentDir, loadContentFolder } from '#server/learning/content/load-content.server.ts'
import type { LoadedContent } from '#server/learning/content/loaded-content.ts'
import { hashContentFiles } from '#server/learning/content-files-hash.server.ts'
import { type FileRevisionOutcome, recordFileRevision } from '#server/learning/content-revisions.server.ts'
import { lessonDataFromFile } from '#server/learning/lesson-data.ts'
import {
	learningContentImports,
	learningCourses,
	learningImages,
	learningLessons,
	learningTracks,
} from '#server/learning/schema.ts'

// Held for the import's transaction: two app servers starting together import once, one after the other.
const CONTENT_IMPORT_LOCK = 7_310_463_005

const imageTypes: Record<string, string> = {
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
}

export type ImportSummary = Record<FileRevisionOutcome | 'withdrawn' | 'images', number>

export interface ImportResult {
	/** True when this exact folder had been imported before: nothing was read or written. */
	skipped: boolean
	filesHash: string
	summary?: ImportSummary
}

/**
 * Imports the content folder into the database (at every start-up). Idempotent: an unchanged folder is
 * recognised by the hash of its files and skipped; a changed one adds a revision only for what changed.
 * What ward staff published on the authoring pages is never overwritten (see recordFileRevision).
 */
export async function importLearningContent(
	db: Database,
	dir: string = defaultContentDir,
): Promise<ImportResult> {
	const filesHash = await hashContentFiles(dir)
	if (await alreadyImported(db, filesHash)) return { skipped: true, filesHash }
	const content = await loadContentFolder(dir)
	const images = await readCourseImages(content)
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${CONTENT_IMPORT_LOCK})`)
		if (await alreadyImported(tx, filesHash)) return { skipped: true, filesHash }
		const summary = await importContent(tx, content, images)
		await tx.insert(learningContentImports).values({ filesHash, summary })
		return { skipped: false, filesHash, summary }
	})
}

async function alreadyImported(db: Database, filesHash: string): Promise<boolean> {
	const [row] = await db
		.select({ id: learningContentImports.id })
		.from(learningContentImports)
		.where(eq(learningContentImports.filesHash, filesHash))
		.limit(1)
	return row !== undefined
}

interface CourseImage {
	courseId: string
	fileName: string
	contentType: string
	bytes: Uint8Array<ArrayBuffer>
	sha256: string
}

async function readCourseImages(content: LoadedContent): Promise<CourseImage[]> {
	const images: CourseImage[] = []
	for (const course of content.courses) {
		for (const fileName of (await readdir(course.dir)).sort()) {
			const contentType = imageTypes[path.extname(fileName)]
			if (!contentType) continue
			const bytes = new Uint8Array(await readFile(path.join(course.dir, fileName))) as Uint8Array<ArrayBuffer>
			const sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
			images.push({ courseId: course.id, fileName, contentType, bytes, sha256 })
		}
	}
	return images
}

async function importContent(tx: Database, content: LoadedContent, images: CourseImage[]) {
	const summary: ImportSummary = {
		unchanged: 0,
		created: 0,
		updated: 0,
		keptAsDraft: 0,
		withdrawn: 0,
		images: 0,
	}
	for (const framework of [content.framework, content.basicSkills]) {
		const result = await recordFileRevision(tx, 'framework', framework.id, framework)
		summary[result.outcome] += 1
		if (result.revision) await applyFramework(tx, framework, result.revision)
	}
	for (const { file: _file, dir: _dir, lessons, ...course } of content.courses) {
		const result = await recordFileRevision(tx, 'course', course.id, course)
		summary[result.outcome] += 1
		if (result.revision) await applyCourse(tx, course, result.revision)
		for (const lesson of lessons) {
			const data = lessonDataFromFile(lesson)
			const lessonResult = await recordFileRevision(tx, 'lesson', data.id, data)
			summary[lessonResult.outcome] += 1
			if (lessonResult.revision) await applyLesson(tx, data, lessonResult.revision)
		}
	}
	for (const { file: _file, ...track } of content.tracks) {
		const result = await recordFileRevision(tx, 'track', track.id, track)
		summary[result.outcome] += 1
		if (result.revision) await applyTrack(tx, track, result.revision)
	}
	summary.images = await upsertImages(tx, images)
	summary.withdrawn = await withdrawRemoved(tx, content)
	return summary
}

async function upsertImages(tx: Database, images: CourseImage[]): Promise<number> {
	let changed = 0
	for (const image of images) {
		const rows = await tx
			.insert(learningImages)
			.values(image)
			.onConflictDoUpdate({
				target: [learningImages.courseId, learningImages.fileName],
				set: {
					contentType: image.contentType,
					bytes: image.bytes,
					sha256: image.sha256,
					updatedAt: new Date(),
				},
				setWhere: sql`${learningImages.sha256} <> excluded.sha256`,
			})
			.returning({ fileName: learningImages.fileName })
		changed += rows.length
	}
	return changed
}

/**
 * Content that left the files is hidden from learners (progress and history stay), unless it was
 * written by ward staff on the authoring pages: their lessons never came from the files.
 */
async function withdrawRemoved(tx: Database, content: LoadedContent): Promise<number> {
	const courseIds = content.courses.map((c) => c.id)
	const lessonIds = content.courses.flatMap((c) => c.lessons.map((l) => l.id))
	const trackIds = content.tracks.map((t) => t.id)
	const fromFilesOnly = (table: string, idColumn: string) =>
		sql.raw(
			`not exists (select 1 from learning_revision r where r.entity_kind = '${table}' and r.entity_id = ${idColumn} and r.origin = 'staff')`,
		)
	const lessons = await tx
		.update(learningLessons)
		.set({ status: 'withdrawn', updatedAt: new Date() })
		.where(
			and(
				eq(learningLessons.status, 'published'),
				notInArray(learningLessons.id, lessonIds),
				fromFilesOnly('lesson', 'learning_lesson.id'),
			),
		)
		.returning({ id: learningLessons.id })
	const courses = await tx
		.update(learningCourses)
		.set({ active: false, updatedAt: new Date() })
		.where(and(eq(learningCourses.active, true), notInArray(learningCourses.id, courseIds)))
		.returning({ id: learningCourses.id })
	const tracks = await tx
		.update(learningTracks)
		.set({ active: false, updatedAt: new Date() })
		.where(and(eq(learningTracks.active, true), notInArray(learningTracks.id, trackIds)))
		.returning({ id: learningTracks.id })
	return lessons.length + courses.length + tracks.length
}

/** The start-up step (cli/run-server.ts): import the content folder, saying what changed, if anything. */
export async function importLearningContentAtStart(db: Database): Promise<void> {
	const result = await importLearningContent(db)
	if (result.skipped || !result.summary) return
	const s = result.summary
	console.info(
		`Nội dung học tập / learning content: ${s.created} mới / new, ${s.updated} cập nhật / updated, ${s.keptAsDraft} chờ duyệt / waiting as drafts, ${s.withdrawn} gỡ / withdrawn, ${s.images} hình / images`,
	)
}
