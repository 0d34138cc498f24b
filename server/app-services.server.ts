import type { Env } from '#server/config/env.server.ts'
import type { Database, DatabaseHandle } from '#server/db/client.server.ts'
import type { Keyring } from '#server/security/keyring.server.ts'

/**
 * What every domain command needs from the running installation. Created once per process by the
 * server or the CLI and handed to routes through the load context; domain functions take it as
 * their first argument so tests can build their own.
 */
export interface AppServices {
	env: Env
	database: DatabaseHandle
	db: Database
	keyring: Keyring
}

// The server build and the CLI may load this module twice (bundled and unbundled): keep the one
// instance on globalThis so both see the same database connection.
const KEY = Symbol.for('hocvuso.appServices')
type GlobalWithServices = typeof globalThis & { [KEY]?: AppServices }

export function setAppServices(services: AppServices | undefined): void {
	;(globalThis as GlobalWithServices)[KEY] = services
}

export function getAppServices(): AppServices {
	const services = (globalThis as GlobalWithServices)[KEY]
	if (!services) throw new Error('App services are not initialised')
	return services
}
