import { parseArgs } from 'node:util'
import type { Command } from '#cli/command.ts'
import type { AppServices } from '#server/app-services.server.ts'
import { AskRequestSchema, askAssistant, toApiResponse } from '#server/assistant/ask-assistant.server.ts'
import { readEnv } from '#server/config/env.server.ts'
import { ensureKnowledgeBase } from '#server/procedures/ensure-knowledge-base.server.ts'
import { bootstrap, shutdown } from '#server/runtime/bootstrap.server.ts'

const usage = [
	'hocvuso ask "câu hỏi" [--kind procedure|learning] [--json]',
	'  Hỏi trợ lý thủ tục hành chính (mặc định) hoặc trợ lý học tập; --json in đúng dạng của',
	'  POST /api/v1/assistant/ask: { answer, sources: [{ id, title, url }], alternatives, … }.',
	'  Asks the procedure assistant (default) or the learning assistant; --json prints what',
	'  POST /api/v1/assistant/ask returns.',
	'Ví dụ / example: hocvuso ask "lam giay khai sinh cho con can gi" --json',
]

/** `ask` against given services; returns the exit code. */
export async function runAsk(
	services: AppServices,
	args: string[],
	print: (line: string) => void,
): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		options: { kind: { type: 'string', default: 'procedure' }, json: { type: 'boolean', default: false } },
		allowPositionals: true,
		strict: true,
	})
	const parsed = AskRequestSchema.safeParse({ question: positionals.join(' '), kind: values.kind })
	if (!parsed.success) {
		for (const line of usage) print(line)
		return 2
	}
	await ensureKnowledgeBase(services.db)
	const answer = await askAssistant(services, { ...parsed.data, channel: 'cli' })
	if (values.json) {
		print(JSON.stringify(toApiResponse(answer), null, 2))
		return 0
	}
	print(answer.answer)
	if (answer.alternatives.length && answer.outcome === 'answered') {
		print('\nThủ tục gần giống / related:')
		for (const a of answer.alternatives) print(`  - ${a.title} (${a.id})`)
	}
	return 0
}

export const askCommand: Command = {
	summaryVi: 'Hỏi trợ lý thủ tục hành chính hoặc trợ lý học tập',
	summaryEn: 'Ask the procedure assistant or the learning assistant',
	usage,
	async run(args) {
		const env = readEnv()
		const services = await bootstrap({ env, demo: env.DEMO ?? !env.DATABASE_URL, command: 'ask' })
		try {
			return await runAsk(services, args, (line) => console.info(line))
		} finally {
			await shutdown(services)
		}
	},
}
