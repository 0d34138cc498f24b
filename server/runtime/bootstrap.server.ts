import path from 'node:path'
import { type AppServices, setAppServices } from '#server/app-services.server.ts'
import type { Env } from '#server/config/env.server.ts'
import { openDatabase } from '#server/db/client.server.ts'
import { migrateDatabase } from '#server/db/migrate.server.ts'
import { acquireDataFolderLock, type DataFolderLock } from '#server/runtime/data-folder-lock.server.ts'
import { loadKeyring } from '#server/security/keyring.server.ts'

export interface BootstrapOptions {
	env: Env
	demo: boolean
	migrate?: boolean
	/** Recorded in the data folder's lock, so a refused second process can say who holds it. */
	command?: string
}

const locks = new WeakMap<AppServices, DataFolderLock>()

/**
 * Opens the database, loads the keys and registers the services for this process. With the
 * embedded database it first takes the data folder's lock: one process at a time.
 */
export async function bootstrap({
	env,
	demo,
	migrate = true,
	command,
}: BootstrapOptions): Promise<AppServices> {
	const keyring = loadKeyring({
		encryptionKey: env.DATA_ENCRYPTION_KEY,
		hashKey: env.DATA_HASH_KEY,
		signingKey: env.SESSION_SECRET,
		generateInto: demo ? env.dataDir : undefined,
	})
	const lock =
		env.databaseKind === 'pglite'
			? acquireDataFolderLock(env.dataDir, command ?? process.argv[2] ?? 'cli')
			: null
	try {
		const database = await openDatabase({
			databaseUrl: env.DATABASE_URL,
			dataDir: pgliteFolder(env),
			poolSize: env.DATABASE_POOL_SIZE,
		})
		if (migrate) await migrateDatabase(database)
		const services: AppServices = { env, database, db: database.db, keyring }
		if (lock) locks.set(services, lock)
		setAppServices(services)
		return services
	} catch (error) {
		lock?.release()
		throw error
	}
}

/** Where the embedded database lives inside DATA_DIR. */
export function pgliteFolder(env: Pick<Env, 'dataDir'>): string {
	return path.join(env.dataDir, 'pglite')
}

export async function shutdown(services: AppServices): Promise<void> {
	setAppServices(undefined)
	try {
		await services.database.close()
	} finally {
		locks.get(services)?.release()
	}
}
