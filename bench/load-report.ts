import fs from 'node:fs'
import type { ServeProcess } from '#tests/multi-process/hocvuso-process.ts'
import type { ThrowawayCluster } from '#tests/support/postgres-cluster.ts'

/** What the load bench measured: latencies and errors per kind, over the timed window. */
export interface KindStats {
	latencies: number[]
	errors: Map<string, number>
}
export interface DriveResult {
	stats: Map<string, KindStats>
	wallSeconds: number
	total: number
}

export interface CpuSnapshot {
	servers: number
	postgres: number
	client: number
	/** Largest resident set of one app server, MB. */
	serverRssMb: number
}

export async function cpuSnapshot(servers: ServeProcess[], cluster: ThrowawayCluster): Promise<CpuSnapshot> {
	let serverCpu = 0
	let rss = 0
	for (const server of servers) {
		const text = await (await fetch(`${server.url}/metrics`)).text()
		serverCpu += Number(/^process_cpu_seconds_total (\S+)$/m.exec(text)?.[1] ?? 0)
		rss = Math.max(rss, Number(/^process_resident_memory_bytes (\S+)$/m.exec(text)?.[1] ?? 0) / 1024 / 1024)
	}
	const usage = process.cpuUsage()
	return {
		servers: serverCpu,
		postgres: postgresCpuSeconds(cluster),
		client: (usage.user + usage.system) / 1e6,
		serverRssMb: rss,
	}
}

/** CPU seconds of this cluster's postmaster and its children, from /proc (Linux). */
function postgresCpuSeconds(cluster: ThrowawayCluster): number {
	const stats = fs
		.readdirSync('/proc')
		.filter((p) => /^\d+$/.test(p))
		.map((pid) => {
			try {
				const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
				const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
				const cmdline = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8')
				return {
					pid: Number(pid),
					ppid: Number(fields[1]),
					ticks: Number(fields[11]) + Number(fields[12]),
					cmdline,
				}
			} catch {
				return null
			}
		})
		.filter((s) => s !== null)
	const postmaster = stats.find(
		(s) => s.cmdline.includes(cluster.dir) && s.cmdline.startsWith('/usr/lib/postgresql'),
	)
	if (!postmaster) return 0
	const ticks = stats
		.filter((s) => s.pid === postmaster.pid || s.ppid === postmaster.pid)
		.reduce((n, s) => n + s.ticks, 0)
	return ticks / 100
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0
}

export interface IdleWindow {
	seconds: number
	start: CpuSnapshot
	end: CpuSnapshot
}

export function report(result: DriveResult, before: CpuSnapshot, after: CpuSnapshot, idle: IdleWindow): void {
	const pad = (s: string | number, n: number) => String(s).padStart(n)
	console.info(
		`\n${'kind'.padEnd(38)}${pad('count', 8)}${pad('req/s', 8)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p99 ms', 9)}  errors`,
	)
	const all: number[] = []
	let errors = 0
	for (const [name, s] of result.stats) {
		const sorted = [...s.latencies].sort((a, b) => a - b)
		all.push(...sorted)
		const errorText = [...s.errors].map(([k, n]) => `${k}×${n}`).join(', ') || '0'
		errors += [...s.errors.values()].reduce((n, v) => n + v, 0)
		console.info(
			`${name.padEnd(38)}${pad(sorted.length, 8)}${pad((sorted.length / result.wallSeconds).toFixed(1), 8)}${pad(percentile(sorted, 50).toFixed(0), 9)}${pad(percentile(sorted, 95).toFixed(0), 9)}${pad(percentile(sorted, 99).toFixed(0), 9)}  ${errorText}`,
		)
	}
	all.sort((a, b) => a - b)
	console.info(
		`${'all'.padEnd(38)}${pad(all.length, 8)}${pad((all.length / result.wallSeconds).toFixed(1), 8)}${pad(percentile(all, 50).toFixed(0), 9)}${pad(percentile(all, 95).toFixed(0), 9)}${pad(percentile(all, 99).toFixed(0), 9)}  ${errors}`,
	)
	type Cpu = 'servers' | 'postgres' | 'client'
	const used = (k: Cpu) => after[k] - before[k]
	const idleRate = (k: Cpu) => (idle.end[k] - idle.start[k]) / idle.seconds
	const perRequest = (k: Cpu) =>
		(((used(k) - idleRate(k) * result.wallSeconds) / Math.max(1, all.length)) * 1000).toFixed(1)
	console.info(
		`\nwall ${result.wallSeconds.toFixed(1)} s (2 cores = ${(2 * result.wallSeconds).toFixed(0)} CPU s). CPU seconds used: app servers ${used('servers').toFixed(1)}, PostgreSQL ${used('postgres').toFixed(1)}, load generator ${used('client').toFixed(1)}`,
	)
	console.info(
		`idle burn (no requests, per second): app servers ${idleRate('servers').toFixed(2)}, PostgreSQL ${idleRate('postgres').toFixed(2)}. Net CPU per request: app servers ${perRequest('servers')} ms, PostgreSQL ${perRequest('postgres')} ms. Largest app server RSS ${after.serverRssMb.toFixed(0)} MB`,
	)
}
