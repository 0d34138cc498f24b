import { readEnv } from '#server/config/env.server.ts'
import { openDatabase } from '#server/db/client.server.ts'
import { migrateDatabase } from '#server/db/migrate.server.ts'
import { createTestKeyring } from '#server/security/keyring.server.ts'
import type { TestServices } from '#tests/support/test-services.ts'

/** A fresh in-memory PGlite (or the PostgreSQL in BENCH_DATABASE_URL), migrated. */
export async function openBenchServices(): Promise<TestServices> {
	const url = process.env.BENCH_DATABASE_URL
	const database = await openDatabase(url ? { databaseUrl: url } : { dataDir: 'memory://' })
	await migrateDatabase(database)
	return {
		env: readEnv({ NODE_ENV: 'production', DATA_DIR: 'memory' }),
		database,
		db: database.db,
		keyring: createTestKeyring(),
		close: () => database.close(),
	}
}

/** Runs `fn` `runs` times after `warmup` runs and returns latency percentiles in milliseconds. */
export async function measure(fn: () => Promise<unknown>, runs = 50, warmup = 5) {
	for (let i = 0; i < warmup; i++) await fn()
	const times: number[] = []
	for (let i = 0; i < runs; i++) {
		const start = performance.now()
		await fn()
		times.push(performance.now() - start)
	}
	times.sort((a, b) => a - b)
	const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0
	return { p50: at(50), p95: at(95), max: times.at(-1) ?? 0 }
}

export function mb(bytes: number): string {
	return `${(bytes / 1024 / 1024).toFixed(0)} MB`
}

export function ms(value: number): string {
	return `${value.toFixed(1)} ms`
}

/** Samples resident set size every 50 ms; `stop()` returns the peak. */
export function trackPeakMemory() {
	let peak = process.memoryUsage().rss
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss)
	}, 50)
	return {
		stop() {
			clearInterval(timer)
			return Math.max(peak, process.memoryUsage().rss)
		},
	}
}
