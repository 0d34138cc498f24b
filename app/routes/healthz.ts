import { readMigrationState } from '#server/db/migrate.server.ts'
import type { Route } from './+types/healthz'

/** Liveness and database state for operators and load balancers. */
export async function loader({ context }: Route.LoaderArgs) {
	const { database } = context.app
	const started = performance.now()
	try {
		await database.query('select 1')
		const migrations = await readMigrationState(database)
		const ok = migrations.upToDate
		return Response.json(
			{
				status: ok ? 'ok' : 'migrations-pending',
				database: {
					kind: database.kind,
					reachable: true,
					latencyMs: Math.round(performance.now() - started),
				},
				migrations,
			},
			{ status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
		)
	} catch {
		return Response.json(
			{ status: 'error', database: { kind: database.kind, reachable: false } },
			{ status: 503, headers: { 'Cache-Control': 'no-store' } },
		)
	}
}
