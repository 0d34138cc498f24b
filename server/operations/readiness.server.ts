import type { DatabaseHandle } from '#server/db/client.server.ts'
import { readMigrationState } from '#server/db/migrate.server.ts'
import type { ProcessState } from '#server/operations/process-state.server.ts'

export interface ReadinessReport {
	status: 'ready' | 'not-ready'
	draining: boolean
	checks: {
		database: { ok: boolean; latencyMs?: number; error?: string }
		migrations: { ok: boolean; applied?: number; available?: number }
		jobs: { ok: boolean; state: ProcessState['jobs'] }
	}
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
	let timer: NodeJS.Timeout | undefined
	return Promise.race([
		promise.finally(() => clearTimeout(timer)),
		new Promise<T>((_, reject) => {
			timer = setTimeout(() => reject(new Error('timeout')), ms)
		}),
	])
}

/**
 * Whether this process should receive traffic: the database answers within `timeoutMs`, its
 * migrations are current, the job runner runs, and the process is not shutting down. (/healthz
 * stays the liveness probe: a process that is alive but not ready must not be restarted.)
 */
export async function checkReadiness(
	database: DatabaseHandle,
	state: ProcessState,
	timeoutMs = 2000,
): Promise<ReadinessReport> {
	const started = performance.now()
	const checks: ReadinessReport['checks'] = {
		database: { ok: false },
		migrations: { ok: false },
		jobs: { ok: state.jobs === 'running', state: state.jobs },
	}
	try {
		await withTimeout(database.query('select 1'), timeoutMs)
		checks.database = { ok: true, latencyMs: Math.round(performance.now() - started) }
		const migrations = await withTimeout(readMigrationState(database), timeoutMs)
		checks.migrations = {
			ok: migrations.upToDate,
			applied: migrations.applied,
			available: migrations.available,
		}
	} catch (error) {
		checks.database = {
			ok: false,
			error: (error as Error).message === 'timeout' ? 'timeout' : 'unreachable',
		}
	}
	const ready = !state.draining && checks.database.ok && checks.migrations.ok && checks.jobs.ok
	return { status: ready ? 'ready' : 'not-ready', draining: state.draining, checks }
}
