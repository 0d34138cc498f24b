import { afterAll, expect, test } from 'vitest'
import { openDatabase } from '#server/db/client.server.ts'
import { type JobDefinition, jobDefinitions } from '#server/jobs/job-definitions.server.ts'
import { startJobRunner } from '#server/jobs/job-runner.server.ts'
import { createTestServices, type TestServices, testEngine } from '#tests/support/test-services.ts'

// Starting the job runner: again after a restart, and (PostgreSQL) by several app servers at once.

const opened: TestServices[] = []
afterAll(async () => {
	for (const services of opened) await services.close()
})

const definitions: JobDefinition[] = [
	...jobDefinitions.map((d) => ({ ...d, run: async () => {} })),
	{ name: 'test.extra', cron: '5 4 * * *', run: async () => {} },
]

test('a restarted server reuses the queues and schedules it created', async () => {
	const services = await createTestServices()
	opened.push(services)
	await (await startJobRunner(services, definitions)).stop()
	await (await startJobRunner(services, definitions)).stop()
	const schedules = await services.database.query<{ name: string }>(
		'select name from pgboss.schedule order by name',
	)
	expect(schedules.map((s) => s.name)).toEqual(
		definitions
			.filter((d) => d.cron)
			.map((d) => d.name)
			.sort(),
	)
	// pg-boss creates each queue in its own statements; on a busy 2-core machine PGlite needs well over
	// the default 30 s for two starts with every job hocvuso defines.
}, 180_000)

if (testEngine() === 'postgres') {
	test('app servers starting together on a fresh database do not deadlock creating queues', async () => {
		// Without the setup lock this failed 9 times in 10 (pg-boss's create_queue, two transactions).
		for (let round = 0; round < 3; round++) {
			const services = await createTestServices()
			opened.push(services)
			const second = await openDatabase({ databaseUrl: services.env.DATABASE_URL, poolSize: 4 })
			try {
				const other = { ...services, database: second, db: second.db }
				const runners = await Promise.all([
					startJobRunner(services, definitions),
					startJobRunner(other, definitions),
				])
				for (const runner of runners) await runner.stop()
			} finally {
				await second.close()
			}
			const queues = await services.database.query<{ name: string }>('select name from pgboss.queue')
			expect(queues.map((q) => q.name)).toEqual(expect.arrayContaining(definitions.map((d) => d.name)))
		}
	})
}
