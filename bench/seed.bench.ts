import { mb, openBenchServices, trackPeakMemory } from '#bench/bench-utils.ts'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'

/** Seeding the demo ward: residents per second and peak memory, at the default and benchmark sizes. */
export async function benchSeed(sizes: number[]): Promise<void> {
	for (const size of sizes) {
		const services = await openBenchServices()
		const memory = trackPeakMemory()
		const start = performance.now()
		const summary = await seedDemoWard(services, { residents: size, seed: 2026 })
		const seconds = (performance.now() - start) / 1000
		const peak = memory.stop()
		console.info(
			`seed ${services.database.kind} ${size.toLocaleString('en')} residents: ${seconds.toFixed(1)} s, ${Math.round(summary.residents / seconds).toLocaleString('en')} residents/s, ${summary.households.toLocaleString('en')} households, peak RSS ${mb(peak)}`,
		)
		await services.close()
	}
}
