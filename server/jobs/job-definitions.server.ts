import type { AppServices } from '#server/app-services.server.ts'
import { refreshStatistics } from '#server/db/maintenance.server.ts'
import { purgeExpiredIdentityState } from '#server/identity/purge-expired-state.server.ts'

export interface JobDefinition {
	name: string
	/** Cron in the ward's time zone; scheduled jobs run once across all app servers. */
	cron?: string
	run(services: AppServices, data: Record<string, unknown>): Promise<unknown>
}

/** Every background job hocvuso runs; capabilities add theirs here. */
export const jobDefinitions: JobDefinition[] = [
	{
		name: 'identity.purge-expired',
		cron: '17 * * * *',
		run: (services) => purgeExpiredIdentityState(services.db),
	},
	{
		name: 'db.refresh-statistics',
		cron: '30 2 * * *',
		run: (services) => refreshStatistics(services.database),
	},
]
