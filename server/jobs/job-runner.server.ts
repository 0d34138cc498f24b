import PgBoss from 'pg-boss'
import type { AppServices } from '#server/app-services.server.ts'
import type { DatabaseHandle } from '#server/db/client.server.ts'
import { type JobDefinition, jobDefinitions } from '#server/jobs/job-definitions.server.ts'

export const TIME_ZONE = 'Asia/Ho_Chi_Minh'

/** pg-boss keeps jobs in the database (schema `pgboss`), on PostgreSQL and on PGlite alike. */
export function bossDbAdapter(database: DatabaseHandle): PgBoss.Db {
	return {
		async executeSql(text, values) {
			if (database.pglite) {
				if (!values || values.length === 0) {
					const results = await database.pglite.exec(text)
					return { rows: results.at(-1)?.rows ?? [] }
				}
				const result = await database.pglite.query(text, values)
				return { rows: result.rows as unknown[] }
			}
			return { rows: await database.query(text, values) }
		},
	}
}

export interface JobRunner {
	enqueue(name: string, data?: Record<string, unknown>): Promise<string | null>
	stop(): Promise<void>
	boss: PgBoss
}

/** Starts the queue: creates queues, registers workers, and schedules the cron jobs. */
export async function startJobRunner(
	services: AppServices,
	definitions: JobDefinition[] = jobDefinitions,
): Promise<JobRunner> {
	const boss = new PgBoss({ db: bossDbAdapter(services.database), schema: 'pgboss' })
	boss.on('error', (error) => console.error('job queue error:', error.message))
	await boss.start()
	for (const definition of definitions) {
		await boss.createQueue(definition.name)
		await boss.work(definition.name, async (jobs) => {
			for (const job of jobs) await definition.run(services, (job.data ?? {}) as Record<string, unknown>)
		})
		if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: TIME_ZONE })
	}
	return {
		boss,
		enqueue: (name, data = {}) => boss.send(name, data),
		stop: () => boss.stop({ graceful: true, wait: true }),
	}
}
