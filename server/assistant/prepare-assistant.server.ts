import type { AppServices } from '#server/app-services.server.ts'
import { lessonLibrary } from '#server/assistant/learning/lesson-library.server.ts'
import { refreshEmbeddings } from '#server/assistant/model/knowledge-embeddings.server.ts'
import { embeddingsEndpoint } from '#server/assistant/model/openai-compatible.server.ts'
import { refreshStatistics } from '#server/db/maintenance.server.ts'
import { ensureKnowledgeBase } from '#server/procedures/ensure-knowledge-base.server.ts'
import { knowledgeIndex } from '#server/procedures/knowledge-search.server.ts'

/**
 * At start-up: imports the national procedures on a database that has none (a few seconds, once), then,
 * without holding up the start, builds the search index and reads the lessons so the first question is
 * fast, and computes missing embeddings when an embeddings endpoint is configured.
 */
export async function prepareAssistant(services: AppServices): Promise<void> {
	const started = performance.now()
	const result = await ensureKnowledgeBase(services.db)
	if (result.imported && result.summary) {
		if (services.database.kind === 'pglite')
			await refreshStatistics(services.database, ['procedure', 'procedure_revision'])
		console.info(
			`Đã nhập ${result.summary.created} thủ tục hành chính vào cơ sở tri thức (${((performance.now() - started) / 1000).toFixed(1)} s) / imported the national procedures`,
		)
	}
	void warmUp(services)
}

async function warmUp(services: AppServices): Promise<void> {
	try {
		await knowledgeIndex(services.db)
		await lessonLibrary()
		const endpoint = embeddingsEndpoint(services.env)
		if (endpoint) await refreshEmbeddings(services.db, endpoint)
	} catch (error) {
		console.warn(`Trợ lý: chuẩn bị chưa xong / assistant warm-up incomplete: ${(error as Error).message}`)
	}
}
