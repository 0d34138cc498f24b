import fs from 'node:fs'
import { parseArgs } from 'node:util'
import { count } from 'drizzle-orm'
import type { Command } from '#cli/command.ts'
import type { AppServices } from '#server/app-services.server.ts'
import { refreshEmbeddings } from '#server/assistant/model/knowledge-embeddings.server.ts'
import { embeddingsEndpoint } from '#server/assistant/model/openai-compatible.server.ts'
import { readEnv } from '#server/config/env.server.ts'
import { refreshStatistics } from '#server/db/maintenance.server.ts'
import { ensureKnowledgeBase } from '#server/procedures/ensure-knowledge-base.server.ts'
import type { ImportProblem } from '#server/procedures/import-national-records.server.ts'
import { importNationalRecords } from '#server/procedures/import-national-records.server.ts'
import {
	documentsFromJsonLines,
	documentsFromMarkdownPath,
	importPlainDocuments,
} from '#server/procedures/import-plain-documents.server.ts'
import { readKnowledgeBaseState } from '#server/procedures/kb-state.server.ts'
import { looksLikeNationalRecord } from '#server/procedures/national-record.ts'
import { readJsonLines } from '#server/procedures/read-national-file.server.ts'
import { knowledgeDocuments, procedureSynonyms, procedures } from '#server/procedures/schema.ts'
import { bootstrap, shutdown } from '#server/runtime/bootstrap.server.ts'

const usage = [
	'hocvuso kb import TỆP [--format national|jsonl|markdown]',
	'  Nhập thủ tục hành chính (định dạng của Cổng Dịch vụ công quốc gia, JSON lines, có thể nén .gz),',
	'  hoặc tài liệu của phường: JSON lines {"id","title","text"} hoặc tệp/thư mục Markdown.',
	'  Sửa đổi, ghi chú và đánh dấu "giải quyết tại phường" của cán bộ được giữ nguyên.',
	"  Imports procedures (the national portal format, JSON lines, optionally .gz) or the ward's documents:",
	'  JSON lines {"id","title","text"} or a Markdown file or folder. Staff corrections, notes and the',
	'  "handled at the ward" flag are kept. All or nothing: one invalid line and nothing is written.',
	'hocvuso kb embed     tính vector ngữ nghĩa (cần EMBEDDINGS_BASE_URL, EMBEDDINGS_MODEL)',
	'                     compute embeddings (needs EMBEDDINGS_BASE_URL, EMBEDDINGS_MODEL)',
	'hocvuso kb status    số thủ tục, tài liệu, từ đồng nghĩa / counts of procedures, documents, synonyms',
]

export interface KbIo {
	print(line: string): void
}

type Format = 'national' | 'jsonl' | 'markdown'

/** Which format a file is: a Markdown file or folder, else by its first JSON line. */
export async function detectFormat(file: string): Promise<Format> {
	if (fs.statSync(file).isDirectory() || /\.(md|markdown)$/i.test(file)) return 'markdown'
	for await (const line of readJsonLines(file))
		return looksLikeNationalRecord(line.value) ? 'national' : 'jsonl'
	return 'jsonl'
}

/** `kb import FILE` against given services; returns the exit code. */
export async function runKbImport(services: AppServices, args: string[], io: KbIo): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		options: { format: { type: 'string' } },
		allowPositionals: true,
		strict: true,
	})
	const file = positionals[0]
	if (!file || positionals.length > 1) {
		io.print('Dùng / use: hocvuso kb import TỆP [--format national|jsonl|markdown]')
		return 2
	}
	if (!fs.existsSync(file)) {
		io.print(`Không tìm thấy tệp / file not found: ${file}`)
		return 2
	}
	if (values.format && !['national', 'jsonl', 'markdown'].includes(values.format)) {
		io.print('--format: national | jsonl | markdown')
		return 2
	}
	const format = (values.format as Format | undefined) ?? (await detectFormat(file))
	const started = performance.now()
	let problems: ImportProblem[]
	let summary: string
	if (format === 'national') {
		const result = await importNationalRecords(services.db, readJsonLines(file), { actorLabel: 'cli' })
		problems = result.problems
		summary = `${result.read} bản ghi: ${result.created} mới, ${result.updated} cập nhật, ${result.unchanged} không đổi; ${result.notInFile} thủ tục trong CSDL không có trong tệp (giữ nguyên) / records: new, updated, unchanged; not in file (kept)`
	} else {
		const input =
			format === 'markdown'
				? documentsFromMarkdownPath(file)
				: await documentsFromJsonLines(readJsonLines(file))
		const result = await importPlainDocuments(services.db, input, format)
		problems = result.problems
		summary = `${result.read} tài liệu: ${result.created} mới, ${result.updated} cập nhật, ${result.unchanged} không đổi / documents: new, updated, unchanged`
	}
	if (problems.length > 0) {
		io.print(`Không nhập gì: ${problems.length} lỗi / nothing imported: ${problems.length} problem(s)`)
		for (const p of problems.slice(0, 20)) io.print(`  dòng / line ${p.line}: ${p.message}`)
		if (problems.length > 20) io.print(`  … ${problems.length - 20} lỗi khác / more`)
		return 1
	}
	if (services.database.kind === 'pglite')
		await refreshStatistics(services.database, ['procedure', 'kb_document'])
	io.print(`${summary} (${((performance.now() - started) / 1000).toFixed(1)} s)`)
	return 0
}

async function runKbStatus(services: AppServices, io: KbIo): Promise<number> {
	const [p] = await services.db.select({ n: count() }).from(procedures)
	const [d] = await services.db.select({ n: count() }).from(knowledgeDocuments)
	const [s] = await services.db.select({ n: count() }).from(procedureSynonyms)
	const state = await readKnowledgeBaseState(services.db)
	io.print(`Thủ tục / procedures: ${p?.n ?? 0}`)
	io.print(`Tài liệu của phường / ward documents: ${d?.n ?? 0}`)
	io.print(`Từ đồng nghĩa / synonyms: ${s?.n ?? 0}`)
	io.print(`Lần nhập dữ liệu quốc gia / national import: ${state?.nationalImportedAt?.toISOString() ?? '—'}`)
	io.print(`Phiên bản / revision: ${state?.revision ?? 0}`)
	return 0
}

async function runKbEmbed(services: AppServices, io: KbIo): Promise<number> {
	const endpoint = embeddingsEndpoint(services.env)
	if (!endpoint) {
		io.print('Chưa cấu hình EMBEDDINGS_BASE_URL và EMBEDDINGS_MODEL / embeddings are not configured.')
		return 2
	}
	await ensureKnowledgeBase(services.db)
	const result = await refreshEmbeddings(services.db, endpoint, (done, total) => {
		if (done === total || done % 320 === 0) io.print(`  ${done}/${total}`)
	})
	io.print(`Đã tính ${result.computed}, giữ nguyên ${result.unchanged} / computed, unchanged.`)
	return 0
}

export const kbCommand: Command = {
	summaryVi: 'Cơ sở tri thức thủ tục hành chính: nhập dữ liệu, vector ngữ nghĩa, tình trạng',
	summaryEn: 'Procedure knowledge base: import, embeddings, status',
	usage,
	async run(args) {
		const [sub, ...rest] = args
		if (sub !== 'import' && sub !== 'embed' && sub !== 'status') {
			for (const line of usage) console.info(line)
			return 2
		}
		const env = readEnv()
		const services = await bootstrap({ env, demo: env.DEMO ?? !env.DATABASE_URL, command: `kb ${sub}` })
		const io = { print: (line: string) => console.info(line) }
		try {
			if (sub === 'import') return await runKbImport(services, rest, io)
			if (sub === 'embed') return await runKbEmbed(services, io)
			return await runKbStatus(services, io)
		} finally {
			await shutdown(services)
		}
	},
}
