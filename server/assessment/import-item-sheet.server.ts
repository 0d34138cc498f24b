import { eq, inArray } from 'drizzle-orm'
import { type AuditActor, recordAudit } from '#server/audit/record-audit.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { contentHashOf } from '#server/learning/content-hash.ts'
import { learningCourses, skillCompetencies } from '#server/learning/schema.ts'
import type { CellValue, RawSheet } from '#server/people/import/sheet-types.ts'
import { answerKeyOf, QuestionItemSchema } from './question-file-schema.ts'
import { assessmentItems } from './schema.ts'

/*
 * Staff import of question items from a spreadsheet (.xlsx or .csv, read by the registry's import reader):
 * one item per row under a header row with these columns (Vietnamese or English names). All rows are
 * checked first; one bad row refuses the whole sheet with every problem listed by row, and nothing is
 * written. Imported items are `origin: 'staff'` and are never overwritten by the content files.
 */

const columns = {
	id: ['mã câu hỏi', 'id'],
	course: ['khóa học', 'course'],
	competency: ['năng lực', 'competency'],
	level: ['bậc', 'level'],
	kind: ['loại', 'kind'],
	prompt: ['câu hỏi', 'prompt'],
	a: ['a'],
	b: ['b'],
	c: ['c'],
	d: ['d'],
	e: ['e'],
	f: ['f'],
	answer: ['đáp án', 'answer'],
	explanation: ['giải thích', 'explanation'],
} as const
type Column = keyof typeof columns

const kindNames: Record<string, string> = {
	'chọn một': 'singleChoice',
	'chọn nhiều': 'multipleChoice',
	'đúng sai': 'trueFalse',
	'đúng/sai': 'trueFalse',
	'sắp xếp': 'ordering',
	'thực hành': 'practical',
}

export interface SheetProblem {
	row: number
	message: string
}

export type SheetImportResult =
	| { ok: true; created: number; updated: number }
	| { ok: false; problems: SheetProblem[] }

const text = (v: CellValue | undefined) => (v === null || v === undefined ? '' : String(v).trim())

/** Reads the rows of a sheet into items, or the problems of every bad row. */
export async function readItemSheet(db: Database, sheet: RawSheet) {
	const [header, ...rows] = sheet.rows
	const problems: SheetProblem[] = []
	if (!header) return { items: [], problems: [{ row: 1, message: 'Bảng tính trống' }] }
	const index = new Map<Column, number>()
	header.cells.forEach((cell, i) => {
		const name = text(cell).toLowerCase()
		for (const [key, names] of Object.entries(columns) as [Column, readonly string[]][])
			if (names.includes(name)) index.set(key, i)
	})
	for (const key of ['course', 'competency', 'level', 'kind', 'prompt', 'explanation'] as const)
		if (!index.has(key)) problems.push({ row: header.number, message: `Thiếu cột "${columns[key][0]}"` })
	if (problems.length > 0) return { items: [], problems }
	const courses = new Set(
		(await db.select({ id: learningCourses.id }).from(learningCourses)).map((c) => c.id),
	)
	const competencies = new Set(
		(await db.selectDistinct({ code: skillCompetencies.code }).from(skillCompetencies)).map((c) => c.code),
	)
	const items: { courseId: string; item: ReturnType<typeof QuestionItemSchema.parse> }[] = []
	const seen = new Set<string>()
	for (const row of rows) {
		const cell = (key: Column) => (index.has(key) ? text(row.cells[index.get(key)!]) : '')
		const courseId = cell('course')
		const kindRaw = cell('kind')
		const kind = kindNames[kindRaw.toLowerCase()] ?? kindRaw
		const options = (['a', 'b', 'c', 'd', 'e', 'f'] as const)
			.filter((k) => cell(k) !== '')
			.map((k) => ({ id: k, text: cell(k) }))
		const answerCell = cell('answer').toLowerCase()
		const answer =
			kind === 'trueFalse'
				? answerCell === 'đúng' || answerCell === 'true'
					? true
					: answerCell === 'sai' || answerCell === 'false'
						? false
						: answerCell
				: answerCell.split(/[,;\s]+/).filter(Boolean)
		const id = cell('id') || `${courseId}-w${row.number}`
		const candidate: Record<string, unknown> = {
			id,
			kind,
			competency: cell('competency'),
			level: cell('level').toUpperCase(),
			prompt: cell('prompt'),
			explanation: cell('explanation'),
		}
		if (kind !== 'trueFalse') candidate.options = options
		if (kind !== 'practical') candidate.answer = answer
		const parsed = QuestionItemSchema.safeParse(candidate)
		const rowProblems: string[] = []
		if (!courses.has(courseId)) rowProblems.push(`không có khóa học "${courseId}"`)
		if (!id.startsWith(`${courseId}-`)) rowProblems.push(`mã câu hỏi phải bắt đầu bằng "${courseId}-"`)
		if (seen.has(id)) rowProblems.push(`mã câu hỏi "${id}" lặp lại`)
		seen.add(id)
		if (!parsed.success)
			for (const issue of parsed.error.issues)
				rowProblems.push(`${issue.path.join('.') || 'dòng'}: ${issue.message}`)
		else if (!competencies.has(parsed.data.competency))
			rowProblems.push(`không có năng lực "${parsed.data.competency}"`)
		if (rowProblems.length > 0) problems.push({ row: row.number, message: rowProblems.join('; ') })
		else if (parsed.success) items.push({ courseId, item: parsed.data })
	}
	if (items.length === 0 && problems.length === 0)
		problems.push({ row: header.number, message: 'Không có dòng câu hỏi nào' })
	return { items, problems }
}

/** Imports the sheet's items in one transaction, audit-logged, or nothing when any row is bad. */
export async function importItemSheet(
	db: Database,
	sheet: RawSheet,
	actor: { userId: string },
	audit: { actor: AuditActor; ip: string | null; requestId: string | null },
): Promise<SheetImportResult> {
	const { items, problems } = await readItemSheet(db, sheet)
	if (problems.length > 0) return { ok: false, problems }
	return db.transaction(async (tx) => {
		const existing = new Map(
			(
				await tx
					.select({ id: assessmentItems.id, revision: assessmentItems.revision })
					.from(assessmentItems)
					.where(
						inArray(
							assessmentItems.id,
							items.map((i) => i.item.id),
						),
					)
			).map((r) => [r.id, r.revision]),
		)
		let created = 0
		let updated = 0
		for (const { courseId, item } of items) {
			const row = {
				id: item.id,
				courseId,
				competencyCode: item.competency,
				level: item.level,
				kind: item.kind,
				prompt: item.prompt,
				options: 'options' in item ? item.options : [],
				targets: null,
				answer: answerKeyOf(item),
				explanation: item.explanation,
			}
			const values = {
				...row,
				contentHash: contentHashOf(row),
				origin: 'staff' as const,
				updatedBy: actor.userId,
			}
			const revision = existing.get(item.id)
			if (revision === undefined) {
				await tx.insert(assessmentItems).values(values)
				created += 1
			} else {
				await tx
					.update(assessmentItems)
					.set({ ...values, active: true, revision: revision + 1, updatedAt: new Date() })
					.where(eq(assessmentItems.id, item.id))
				updated += 1
			}
		}
		await recordAudit(tx, {
			...audit,
			action: 'assessment.itemsImported',
			entityType: 'assessment_item',
			details: { created, updated },
		})
		return { ok: true, created, updated }
	})
}
