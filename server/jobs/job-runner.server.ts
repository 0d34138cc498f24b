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

const SETUP_LOCK = 7_310_463_010

/**
 * Several app servers starting together on one PostgreSQL would create the same new queues at once:
 * pg-boss's create_queue inserts the queue row, then adds a foreign key to it, and two such
 * transactions deadlock (each waits for the other's lock on pgboss.queue; measured: 9 starts in 10
 * on a fresh database). A session-level advisory lock, held on one pooled connection while pg-boss
 * runs on the others, makes the servers set up one after the other. PGlite has one process only.
 */
async function oneSetupAtATime(database: DatabaseHandle, setUp: () => Promise<void>): Promise<void> {
	if (!database.pool) return await setUp()
	const client = await database.pool.connect()
	try {
		await client.query('select pg_advisory_lock($1)', [SETUP_LOCK])
		await setUp()
	} finally {
		await client.query('select pg_advisory_unlock($1)', [SETUP_LOCK]).catch(() => {})
		client.release()
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
	await oneSetupAtATime(services.database, async () => {
		await boss.start()
		for (const definition of definitions) {
			await boss.createQueue(definition.name)
			if (definition.cron) await boss.schedule(definition.name, definition.cron, {}, { tz: TIME_ZONE })
		}
	})
	for (const definition of definitions) {
		await boss.work(definition.name, async (jobs) => {
			for (const job of jobs) await definition.run(services, (job.data ?? {}) as Record<string, unknown>)
		})
	}
	return {
		boss,
		enqueue: (name, data = {}) => boss.send(name, data),
		stop: () => boss.stop({ graceful: true, wait: true }),
	}
}
