import path from 'node:path'
import { type AppServices, setAppServices } from '#server/app-services.server.ts'
import type { Env } from '#server/config/env.server.ts'
import { openDatabase } from '#server/db/client.server.ts'
import { migrateDatabase } from '#server/db/migrate.server.ts'
import { ensureStandardTargetGroups } from '#server/people/target-groups.server.ts'
import { loadKeyring } from '#server/security/keyring.server.ts'

export interface BootstrapOptions {
	env: Env
	demo: boolean
	migrate?: boolean
}

/** Opens the database, loads the keys and registers the services for this process. */
export async function bootstrap({ env, demo, migrate = true }: BootstrapOptions): Promise<AppServices> {
	const keyring = loadKeyring({
		encryptionKey: env.DATA_ENCRYPTION_KEY,
		hashKey: env.DATA_HASH_KEY,
		signingKey: env.SESSION_SECRET,
		generateInto: demo ? env.dataDir : undefined,
	})
	const database = await openDatabase({
		databaseUrl: env.DATABASE_URL,
		dataDir: path.join(env.dataDir, 'pglite'),
	})
	if (migrate) {
		await migrateDatabase(database)
		// Reference data every installation needs, not only the demo (a ward's own wording is kept).
		await ensureStandardTargetGroups(database.db)
	}
	const services: AppServices = { env, database, db: database.db, keyring }
	setAppServices(services)
	return services
}

export async function shutdown(services: AppServices): Promise<void> {
	setAppServices(undefined)
	await services.database.close()
}
