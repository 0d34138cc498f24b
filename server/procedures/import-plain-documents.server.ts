import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { inArray, sql } from 'drizzle-orm'
import { parse as parseYaml } from 'yaml'
import { z } from 'zod'
import type { Database } from '#server/db/client.server.ts'
import type { ImportProblem } from '#server/procedures/import-national-records.server.ts'
import { bumpKnowledgeBaseRevision } from '#server/procedures/kb-state.server.ts'
import type { JsonLine } from '#server/procedures/read-national-file.server.ts'
import { knowledgeDocuments } from '#server/procedures/schema.ts'

/** A guide or regulation the ward adds: `{id, title, text}` (JSON lines) or a Markdown file. */
export const PlainDocumentSchema = z.object({
	id: z
		.string({ error: 'thiếu id' })
		.trim()
		.regex(
			/^[\p{L}\p{N}][\p{L}\p{N}._-]{0,99}$/u,
			'id chỉ gồm chữ, số, dấu chấm, gạch ngang (tối đa 100 ký tự)',
		),
	title: z.string({ error: 'thiếu tiêu đề' }).trim().min(1, 'thiếu tiêu đề').max(500),
	text: z.string({ error: 'thiếu nội dung' }).trim().min(1, 'thiếu nội dung').max(200_000),
	url: z.url().max(500).optional(),
})
export type PlainDocument = z.infer<typeof PlainDocumentSchema>

export interface DocumentImportSummary {
	ok: boolean
	read: number
	created: number
	updated: number
	unchanged: number
	problems: ImportProblem[]
}

/** Reads `{id, title, text, url?}` objects from JSON lines. */
export async function documentsFromJsonLines(
	lines: AsyncIterable<JsonLine> | Iterable<JsonLine>,
): Promise<{ documents: PlainDocument[]; problems: ImportProblem[] }> {
	const documents: PlainDocument[] = []
	const problems: ImportProblem[] = []
	for await (const { line, value, error } of lines) {
		if (error) {
			problems.push({ line, message: `không phải JSON hợp lệ (${error})` })
			continue
		}
		const parsed = PlainDocumentSchema.safeParse(value)
		if (parsed.success) documents.push(parsed.data)
		else
			problems.push({
				line,
				message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
			})
	}
	return { documents, problems }
}

/**
 * A Markdown file as a document: optional front matter (`id`, `title`, `url`), else the first `# `
 * heading is the title and the file name the id.
 */
export function documentFromMarkdown(fileName: string, markdown: string): PlainDocument | ImportProblem {
	let body = markdown.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
	let meta: Record<string, unknown> = {}
	const front = /^---\n([\s\S]*?)\n---\n?/.exec(body)
	if (front) {
		try {
			meta = (parseYaml(front[1] ?? '') as Record<string, unknown>) ?? {}
		} catch (error) {
			return { line: 1, message: `phần đầu YAML không hợp lệ: ${(error as Error).message}` }
		}
		body = body.slice(front[0].length)
	}
	const heading = /^#\s+(.+)$/m.exec(body)
	const title = typeof meta.title === 'string' ? meta.title : heading?.[1]
	if (heading && !meta.title) body = body.replace(heading[0], '')
	const id = typeof meta.id === 'string' ? meta.id : path.basename(fileName).replace(/\.(md|markdown)$/i, '')
	const parsed = PlainDocumentSchema.safeParse({ id, title, text: body, url: meta.url })
	if (!parsed.success)
		return {
			line: 1,
			message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
		}
	return parsed.data
}

/** Markdown files of a folder (or one file), as documents; problems name the file. */
export function documentsFromMarkdownPath(target: string): {
	documents: PlainDocument[]
	problems: ImportProblem[]
} {
	const files = fs.statSync(target).isDirectory()
		? fs
				.readdirSync(target)
				.filter((f) => /\.(md|markdown)$/i.test(f))
				.sort()
				.map((f) => path.join(target, f))
		: [target]
	const documents: PlainDocument[] = []
	const problems: ImportProblem[] = []
	for (const [i, file] of files.entries()) {
		const result = documentFromMarkdown(file, fs.readFileSync(file, 'utf8'))
		if ('message' in result)
			problems.push({ line: i + 1, message: `${path.basename(file)}: ${result.message}` })
		else documents.push(result)
	}
	return { documents, problems }
}

/** Creates or replaces documents by id, all or nothing; unchanged ones are left alone. */
export async function importPlainDocuments(
	db: Database,
	input: { documents: PlainDocument[]; problems: ImportProblem[] },
	format: 'markdown' | 'jsonl' | 'builtin',
): Promise<DocumentImportSummary> {
	const { documents, problems } = input
	const ids = new Set<string>()
	for (const [i, doc] of documents.entries()) {
		if (ids.has(doc.id)) problems.push({ line: i + 1, message: `id "${doc.id}" bị trùng` })
		ids.add(doc.id)
	}
	const summary: DocumentImportSummary = {
		ok: problems.length === 0,
		read: documents.length + problems.length,
		created: 0,
		updated: 0,
		unchanged: 0,
		problems,
	}
	if (!summary.ok || documents.length === 0) return summary
	await db.transaction(async (tx) => {
		const existing = new Map(
			(
				await tx
					.select({ id: knowledgeDocuments.id, hash: knowledgeDocuments.contentHash })
					.from(knowledgeDocuments)
					.where(inArray(knowledgeDocuments.id, [...ids]))
			).map((row) => [row.id, row.hash]),
		)
		for (const doc of documents) {
			const contentHash = crypto
				.createHash('sha256')
				.update(JSON.stringify([doc.title, doc.text, doc.url ?? null]))
				.digest('hex')
			const before = existing.get(doc.id)
			if (before === contentHash) {
				summary.unchanged++
				continue
			}
			if (before) summary.updated++
			else summary.created++
			const values = { title: doc.title, body: doc.text, format, sourceUrl: doc.url ?? null, contentHash }
			await tx
				.insert(knowledgeDocuments)
				.values({ id: doc.id, ...values })
				.onConflictDoUpdate({ target: knowledgeDocuments.id, set: { ...values, updatedAt: sql`now()` } })
		}
		if (summary.created + summary.updated > 0) await bumpKnowledgeBaseRevision(tx)
	})
	return summary
}
