import PgBoss from 'pg-boss'
import type { AppServices } from '#server/app-services.server.ts'
import type { DatabaseHandle } from '#server/db/client.server.ts'
import { bossDbAdapter } from '#server/jobs/job-runner.server.ts'
import { IMPORT_RESIDENTS_JOB } from '#server/people/import-jobs/run-resident-import.server.ts'

// A sender only (never started): pg-boss inserts the job row over our database handle; whichever app
// server's job runner polls first runs it.
const senders = new WeakMap<DatabaseHandle, PgBoss>()

/** Queues a batch (already marked queued) for the background job. */
export async function enqueueResidentImport(services: AppServices, batchId: string): Promise<void> {
	let boss = senders.get(services.database)
	if (!boss) {
		boss = new PgBoss({ db: bossDbAdapter(services.database), schema: 'pgboss' })
		senders.set(services.database, boss)
	}
	await boss.send(IMPORT_RESIDENTS_JOB, { batchId }, { retryLimit: 0, expireInSeconds: 60 * 60 })
}
