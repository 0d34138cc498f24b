import { parseArgs } from 'node:util'
import { seedDemoAssessmentsAtStart } from '#server/assessment/demo-assessments.server.ts'
import { importQuestionBankAtStart } from '#server/assessment/import-questions.server.ts'
import { prepareAssistant } from '#server/assistant/prepare-assistant.server.ts'
import { seedDemoCertificatesAtStart } from '#server/certification/demo-certificates.server.ts'
import { readEnv } from '#server/config/env.server.ts'
import { refreshStatistics } from '#server/db/maintenance.server.ts'
import { demoAccounts } from '#server/demo/demo-accounts.ts'
import { hasWard, seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { seedDemoEmulation } from '#server/emulation/demo-emulation.server.ts'
import { startHttpServer } from '#server/http/server.server.ts'
import { seedDemoIndicators } from '#server/indicators/demo-indicators.server.ts'
import { startJobRunner } from '#server/jobs/job-runner.server.ts'
import { importLearningContentAtStart } from '#server/learning/import-content.server.ts'
import { resolveBackupKey } from '#server/operations/backup/backup-key.server.ts'
import { writeBackup } from '#server/operations/backup/create-backup.server.ts'
import { type ControlSocket, startControlSocket } from '#server/operations/control-socket.server.ts'
import { createLogger } from '#server/operations/logger.server.ts'
import { createMetrics } from '#server/operations/metrics.server.ts'
import { processState } from '#server/operations/process-state.server.ts'
import { seedDemoClassesAndProgrammesAtStart } from '#server/programmes/seed-demo-programmes-at-start.server.ts'
import { seedDemoUnitReports } from '#server/reports/demo-unit-reports.server.ts'
import { seedDemoWardReports } from '#server/reports/ward-report-demo.server.ts'
import { bootstrap, shutdown } from '#server/runtime/bootstrap.server.ts'
import { setUpVneidSignIn } from '#server/vneid/set-up-vneid.server.ts'

export interface RunServerOptions {
	args: string[]
	demoDefault: boolean
	dev: boolean
}

/** Boots the installation and serves until SIGINT/SIGTERM. */
export async function runServer({ args, demoDefault, dev }: RunServerOptions): Promise<number> {
	const { values } = parseArgs({ args, options: { size: { type: 'string' } }, strict: true })
	const env = readEnv()
	const demo = env.DEMO ?? demoDefault
	const state = processState()
	state.demo = demo
	// Scheduled backups that could not be encrypted would fail every night: refuse to start instead.
	const services = await bootstrap({ env, demo, command: dev ? 'dev' : 'serve' })
	if (env.BACKUP_DIR) resolveBackupKey(env, demo, () => services.keyring)
	const residents = values.size ? Number.parseInt(values.size, 10) : 5000
	const seedingDemo = demo && !(await hasWard(services.db))
	if (seedingDemo) {
		if (!Number.isInteger(residents) || residents < 10)
			throw new Error('--size phải là số nguyên ≥ 10 / must be an integer ≥ 10')
		console.info(`Đang tạo phường mẫu (${residents} người dân)… / seeding the demo ward…`)
		const summary = await seedDemoWard(services, { residents, seed: 2026 })
		await refreshStatistics(services.database)
		console.info(
			`  ${summary.wardName}: ${summary.residentialGroups} tổ dân phố, ${summary.households} hộ, ${summary.residents} người dân, ${summary.organizations} tổ chức`,
		)
	}
	// Learning content from content/ into the database (skipped when those files were imported before).
	await importLearningContentAtStart(services.db)
	// The question bank (content/questions) refers to the courses: imported right after them.
	await importQuestionBankAtStart(services.db)
	// The demo ward's learning history and past months' indicator snapshots need the lessons above.
	if (seedingDemo) await seedDemoIndicators(services.db, { seed: 2026 })
	// Certificates of those who finished a track, and of adults certified elsewhere (target 4).
	if (seedingDemo) await seedDemoCertificatesAtStart(services.db, { seed: 2026 })
	// Quiz attempts and mastery of those learners (the question bank is imported above).
	if (seedingDemo) await seedDemoAssessmentsAtStart(services.db, { seed: 2026 })
	// Community classes (attendance in the learning record) and the plan's programmes.
	if (seedingDemo) await seedDemoClassesAndProgrammesAtStart(services.db, { seed: 2026 })
	// The 2026 reporting periods and the units' reports (the 6-month closed, the annual one overdue for some).
	if (seedingDemo) await seedDemoUnitReports(services.db)
	// The ward's consolidated 6-month report, written from the April snapshot and the accepted unit reports.
	if (seedingDemo) await seedDemoWardReports(services.db)
	// Emulation criteria, hand scores and proposals on the 2026 reporting periods (seeded before this line).
	if (seedingDemo) await seedDemoEmulation(services.db)
	await prepareAssistant(services)
	// In demo mode the VNeID sandbox offers the demo ward's residents: same size and seed as the seed.
	const vneid = await setUpVneidSignIn(services, { demo, demoWard: { residents, seed: 2026 } })
	const jobs = await startJobRunner(services)
	state.jobs = 'running'
	const logger = createLogger({ level: env.LOG_LEVEL })
	const metrics = createMetrics({ database: services.database, backupDir: env.BACKUP_DIR })
	const server = await startHttpServer({
		services,
		port: env.PORT,
		host: env.HOST,
		dev,
		mounts: vneid.mounts,
		logger,
		metrics,
	})
	// The embedded database can be copied only by this process: `hocvuso backup` asks through here.
	let control: ControlSocket | null = null
	if (services.database.kind === 'pglite') {
		control = await startControlSocket(env.dataDir, {
			backup: async (out) => {
				const key = resolveBackupKey(env, demo, () => services.keyring)
				const summary = await writeBackup(services.database, env, key, out)
				logger.info('backup', { trigger: 'cli', engine: summary.engine, bytes: summary.bytes })
			},
		})
	}
	const url = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`
	console.info(`\nhocvuso đang chạy tại / is running at ${url}`)
	console.info(
		`  Cơ sở dữ liệu / database: ${services.database.kind}${services.database.kind === 'pglite' ? ` (${env.dataDir})` : ''}`,
	)
	if (demo) {
		console.info('\nTài khoản trình diễn / demo accounts:')
		for (const account of demoAccounts) {
			console.info(`  ${account.labelVi.padEnd(34)} ${account.username} / ${account.password}`)
		}
	}
	for (const line of vneid.notes) console.info(line)
	await new Promise<void>((resolve) => {
		const stop = () => resolve()
		process.once('SIGINT', stop)
		process.once('SIGTERM', stop)
	})
	console.info('Đang dừng… / stopping…')
	state.draining = true
	await new Promise<void>((resolve) => server.close(() => resolve()))
	state.jobs = 'stopping'
	await jobs.stop()
	state.jobs = 'stopped'
	await control?.close()
	await shutdown(services)
	return 0
}
