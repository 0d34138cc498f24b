import { parseArgs } from 'node:util'
import type { Command } from '#cli/command.ts'
import { readEnv } from '#server/config/env.server.ts'
import { refreshStatistics } from '#server/db/maintenance.server.ts'
import { hasWard, seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { bootstrap, shutdown } from '#server/runtime/bootstrap.server.ts'

export const seedCommand: Command = {
	summaryVi: 'Tạo dữ liệu phường mẫu (tất định: cùng hạt giống cho cùng dữ liệu)',
	summaryEn: 'Generate the demo ward (deterministic: the same seed gives the same data)',
	usage: [
		'hocvuso seed [--size N] [--seed S]',
		'  --size N  số người dân (mặc định 5000) / residents (default 5000)',
		'  --seed S  hạt giống ngẫu nhiên (mặc định 2026) / random seed (default 2026)',
	],
	async run(args) {
		const { values } = parseArgs({
			args,
			options: { size: { type: 'string', default: '5000' }, seed: { type: 'string', default: '2026' } },
			strict: true,
		})
		const residents = Number.parseInt(values.size, 10)
		const seed = Number.parseInt(values.seed, 10)
		if (!Number.isInteger(residents) || residents < 10)
			throw new Error('--size phải là số nguyên ≥ 10 / must be an integer ≥ 10')
		if (!Number.isInteger(seed)) throw new Error('--seed phải là số nguyên / must be an integer')
		const env = readEnv()
		const services = await bootstrap({ env, demo: env.DEMO ?? !env.DATABASE_URL })
		try {
			if (await hasWard(services.db)) {
				console.error(
					'Cơ sở dữ liệu đã có dữ liệu phường; không tạo lại. / The database already holds a ward; not seeding.',
				)
				return 1
			}
			const started = Date.now()
			const summary = await seedDemoWard(services, { residents, seed })
			await refreshStatistics(services.database)
			console.info(
				`${summary.wardName}: ${summary.residentialGroups} tổ dân phố, ${summary.households} hộ, ${summary.residents} người dân, ${summary.organizations} tổ chức, ${summary.users} tài khoản (${((Date.now() - started) / 1000).toFixed(1)} s)`,
			)
			return 0
		} finally {
			await shutdown(services)
		}
	},
}
