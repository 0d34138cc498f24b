/** What the Vitest globalSetups hand to test workers (read with `inject(key)` from 'vitest'). */
export interface ProvidedPostgres {
	/** Superuser connection to the maintenance database, for CREATE/DROP DATABASE. */
	adminUrl: string
	/** Migrated once; every test file's database is cloned from it. */
	templateDatabase: string
}

declare module 'vitest' {
	export interface ProvidedContext {
		/** Set by the `postgres` project's globalSetup (global-setup-postgres.ts). */
		postgres: ProvidedPostgres
		/** Set by the `pglite` project's globalSetup: a migrated PGlite data folder (uncompressed tar). */
		pgliteTemplate: string
	}
}
