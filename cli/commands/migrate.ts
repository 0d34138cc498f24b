import path from 'node:path'
import type { Command } from '#cli/command.ts'
import { readEnv } from '#server/config/env.server.ts'
import { openDatabase } from '#server/db/client.server.ts'
import { migrateDatabase, readMigrationState } from '#server/db/migrate.server.ts'

export const migrateCommand: Command = {
	summaryVi: 'Cập nhật cấu trúc cơ sở dữ liệu lên phiên bản mới nhất',
	summaryEn: 'Apply pending database migrations',
	usage: ['hocvuso migrate [--status]', '  --status  chỉ in trạng thái / only print the state'],
	async run(args) {
		const env = readEnv()
		const database = await openDatabase({
			databaseUrl: env.DATABASE_URL,
			dataDir: path.join(env.dataDir, 'pglite'),
		})
		try {
			if (!args.includes('--status')) await migrateDatabase(database)
			const state = await readMigrationState(database)
			console.info(
				`${database.kind}: ${state.applied}/${state.available} migration(s), ${state.upToDate ? 'đã cập nhật / up to date' : 'còn chờ / pending'}`,
			)
			return state.upToDate ? 0 : 1
		} finally {
			await database.close()
		}
	},
}
