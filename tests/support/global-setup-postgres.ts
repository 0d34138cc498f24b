import crypto from 'node:crypto'
import pg from 'pg'
import type { TestProject } from 'vitest/node'
import { openDatabase } from '#server/db/client.server.ts'
import { migrateDatabase } from '#server/db/migrate.server.ts'
import { postgresUrl, startThrowawayCluster, withDatabase } from '#tests/support/postgres-cluster.ts'
import type {} from '#tests/support/provided-context.ts'

/**
 * Vitest globalSetup of the `postgres` project: a throwaway cluster from the system binaries, a
 * template database migrated once, stopped and deleted at the end. Set HOCVUSO_TEST_POSTGRES_URL
 * (a superuser URL) to use an existing server instead; the template is then dropped at the end.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
	const external = process.env.HOCVUSO_TEST_POSTGRES_URL
	const cluster = external ? null : await startThrowawayCluster()
	const stopCluster = () => cluster?.stop()
	// If the run is interrupted, still stop the server and delete its folder.
	process.once('exit', stopCluster)

	const adminUrl = external ?? postgresUrl(cluster!, 'postgres')
	const templateDatabase = `hocvuso_template_${crypto.randomBytes(4).toString('hex')}`

	try {
		const admin = new pg.Client({ connectionString: adminUrl })
		await admin.connect()
		await admin.query(`create database "${templateDatabase}"`)
		await admin.end()
		const template = await openDatabase({
			databaseUrl: withDatabase(adminUrl, templateDatabase),
			poolSize: 1,
		})
		try {
			await migrateDatabase(template)
		} finally {
			// CREATE DATABASE … TEMPLATE needs nobody connected to the template.
			await template.close()
		}
	} catch (error) {
		stopCluster()
		throw error
	}

	project.provide('postgres', { adminUrl, templateDatabase })

	return async () => {
		process.removeListener('exit', stopCluster)
		if (cluster) {
			cluster.stop()
			return
		}
		const admin = new pg.Client({ connectionString: adminUrl })
		await admin.connect()
		await admin.query(`drop database if exists "${templateDatabase}" with (force)`)
		await admin.end()
	}
}
