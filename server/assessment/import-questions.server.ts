import crypto from 'node:crypto'
import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { and, eq, notInArray, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { defaultContentDir, loadContentFolder } from '#server/learning/content/load-content.server.ts'
import { contentHashOf } from '#server/learning/content-hash.ts'
import { type LoadedQuestion, loadQuestionFolder } from './load-questions.server.ts'
import { answerKeyOf } from './question-file-schema.ts'
import { assessmentImages, assessmentItems } from './schema.ts'

// Two app servers starting together import the bank once, one after the other.
const QUESTION_IMPORT_LOCK = 7_310_463_006

const imageTypes: Record<string, string> = {
	'.svg': 'image/svg+xml',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.jpeg': 'image/jpeg',
	'.webp': 'image/webp',
}

export interface QuestionImportSummary {
	created: number
	updated: number
	unchanged: number
	/** Items written by staff with the same id: their version is kept. */
	keptStaff: number
	retired: number
}

/** The database row of a file item (without the image, resolved separately). */
export function itemRowOf(item: LoadedQuestion) {
	return {
		id: item.id,
		courseId: item.courseId,
		competencyCode: item.competency,
		level: item.level,
		kind: item.kind,
		prompt: item.prompt,
		options: 'options' in item ? item.options : [],
		targets: item.kind === 'matching' ? item.targets : null,
		answer: answerKeyOf(item),
		explanation: item.explanation,
		imageAlt: item.image?.alt ?? null,
	}
}

/**
 * Imports content/questions into assessment_item (at every start-up, after the learning content). An item
 * whose file content changed gets a new revision; items gone from the files are retired, never deleted
 * (attempts point at them); items that staff changed on the authoring page keep the staff version.
 */
export async function importQuestionBank(
	db: Database,
	dir: string = defaultContentDir,
): Promise<QuestionImportSummary> {
	const content = await loadContentFolder(dir)
	const items = await loadQuestionFolder(dir, content)
	const courseDirs = new Map(content.courses.map((c) => [c.id, c.dir]))
	const images = new Map<string, { sha256: string; contentType: string; bytes: Uint8Array<ArrayBuffer> }>()
	for (const item of items) {
		if (!item.image) continue
		const file = path.join(courseDirs.get(item.courseId)!, item.image.file)
		if (images.has(file)) continue
		const bytes = new Uint8Array(await readFile(file)) as Uint8Array<ArrayBuffer>
		const sha256 = crypto.createHash('sha256').update(bytes).digest('hex')
		images.set(file, {
			sha256,
			contentType: imageTypes[path.extname(file)] ?? 'application/octet-stream',
			bytes,
		})
	}
	return db.transaction(async (tx) => {
		await tx.execute(sql`select pg_advisory_xact_lock(${QUESTION_IMPORT_LOCK})`)
		const summary: QuestionImportSummary = { created: 0, updated: 0, unchanged: 0, keptStaff: 0, retired: 0 }
		for (const image of images.values()) await tx.insert(assessmentImages).values(image).onConflictDoNothing()
		const existing = new Map(
			(
				await tx
					.select({
						id: assessmentItems.id,
						origin: assessmentItems.origin,
						contentHash: assessmentItems.contentHash,
						revision: assessmentItems.revision,
						active: assessmentItems.active,
					})
					.from(assessmentItems)
			).map((r) => [r.id, r]),
		)
		for (const item of items) {
			const imageSha256 = item.image
				? images.get(path.join(courseDirs.get(item.courseId)!, item.image.file))!.sha256
				: null
			const row = { ...itemRowOf(item), imageSha256 }
			const contentHash = contentHashOf(row)
			const before = existing.get(item.id)
			if (!before) {
				await tx.insert(assessmentItems).values({ ...row, contentHash, origin: 'files' })
				summary.created += 1
			} else if (before.origin === 'staff') {
				summary.keptStaff += 1
			} else if (before.contentHash === contentHash && before.active) {
				summary.unchanged += 1
			} else {
				await tx
					.update(assessmentItems)
					.set({ ...row, contentHash, active: true, revision: before.revision + 1, updatedAt: new Date() })
					.where(eq(assessmentItems.id, item.id))
				summary.updated += 1
			}
		}
		const ids = items.map((i) => i.id)
		const retired = await tx
			.update(assessmentItems)
			.set({ active: false, updatedAt: new Date() })
			.where(
				and(
					eq(assessmentItems.origin, 'files'),
					eq(assessmentItems.active, true),
					ids.length > 0 ? notInArray(assessmentItems.id, ids) : undefined,
				),
			)
			.returning({ id: assessmentItems.id })
		summary.retired = retired.length
		return summary
	})
}

/** The start-up step: imports and says what changed (nothing printed when nothing did). */
export async function importQuestionBankAtStart(db: Database): Promise<void> {
	const s = await importQuestionBank(db)
	if (s.created + s.updated + s.retired === 0) return
	console.info(
		`Ngân hàng câu hỏi / question bank: ${s.created} mới / new, ${s.updated} cập nhật / updated, ${s.retired} ngừng dùng / retired`,
	)
}
