import type { AppServices } from '#server/app-services.server.ts'
import { refreshStatistics } from '#server/db/maintenance.server.ts'
import { purgeExpiredIdentityState } from '#server/identity/purge-expired-state.server.ts'
import { refreshLiveIndicatorsForAllWards } from '#server/indicators/live-indicators.server.ts'
import { runMonthlySnapshots } from '#server/indicators/snapshots.server.ts'
import { runScheduledBackup } from '#server/operations/backup/backup-files.server.ts'
import {
	IMPORT_RESIDENTS_JOB,
	runResidentImportBatch,
} from '#server/people/import-jobs/run-resident-import.server.ts'
import { applyRetention, retentionRules } from '#server/privacy/retention.server.ts'
import { runReportReminders } from '#server/reports/send-report-reminders.server.ts'

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
		// Into BACKUP_DIR with BACKUP_RETENTION_DAYS; does nothing when BACKUP_DIR is unset.
		name: 'operations.backup',
		cron: '10 1 * * *',
		run: (services) => runScheduledBackup(services),
	},
	{
		// Last month's indicator snapshots, once (daily so a server down on the 1st catches up; a month
		// already taken is never recomputed).
		name: 'indicators.monthly-snapshot',
		cron: '25 0 * * *',
		run: (services) => runMonthlySnapshots(services.db),
	},
	{
		// The dashboard's kept state (decision 022) moved to the new day before anyone looks.
		name: 'indicators.refresh-live',
		cron: '5 0 * * *',
		run: (services) => refreshLiveIndicatorsForAllWards(services.db),
	},
	{
		// The register's retention rules (server/privacy/personal-data-register.ts): old uploaded lists and
		// assistant questions.
		name: 'privacy.retention',
		cron: '40 3 * * *',
		run: (services) => applyRetention(services, retentionRules(services.env)),
	},
	{
		// Units not yet reported for an open period: 7 and 2 days before the due day and once overdue, each
		// once per unit (report_reminder), in the morning so the focal point reads it during office hours.
		name: 'reports.reminders',
		cron: '30 7 * * *',
		run: (services) => runReportReminders(services.db),
	},
	{
		name: 'db.refresh-statistics',
		cron: '30 2 * * *',
		run: (services) => refreshStatistics(services.database),
	},
	{
		// Queued by the import preview's commit button; the batch row says what to do and records progress.
		name: IMPORT_RESIDENTS_JOB,
		run: (services, data) => runResidentImportBatch(services, String(data.batchId)),
	},
]
