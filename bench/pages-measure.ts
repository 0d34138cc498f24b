import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import zlib from 'node:zlib'

/** Latency percentiles (ms) and throughput of a closed-loop run. */
export interface LoadFigures {
	requests: number
	concurrency: number
	p50: number
	p95: number
	p99: number
	max: number
	perSecond: number
	errors: number
}

/**
 * Closed loop: `concurrency` workers each send the next request as soon as the previous answered, until
 * `total` requests were made. `request(i)` returns whether the answer was the expected one.
 */
export async function closedLoop(
	total: number,
	concurrency: number,
	request: (i: number) => Promise<boolean>,
): Promise<LoadFigures> {
	const times: number[] = []
	let next = 0
	let errors = 0
	const started = performance.now()
	await Promise.all(
		Array.from({ length: concurrency }, async () => {
			while (next < total) {
				const i = next++
				const t0 = performance.now()
				const ok = await request(i).catch(() => false)
				times.push(performance.now() - t0)
				if (!ok) errors += 1
			}
		}),
	)
	const seconds = (performance.now() - started) / 1000
	times.sort((a, b) => a - b)
	const at = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0
	return {
		requests: total,
		concurrency,
		p50: at(50),
		p95: at(95),
		p99: at(99),
		max: times.at(-1) ?? 0,
		perSecond: total / seconds,
		errors,
	}
}

export function formatFigures(label: string, f: LoadFigures): string {
	const ms = (v: number) => `${v.toFixed(1)} ms`.padStart(9)
	return `  ${label.padEnd(34)} p50 ${ms(f.p50)}  p95 ${ms(f.p95)}  p99 ${ms(f.p99)}  ${f.perSecond.toFixed(0).padStart(5)} req/s${f.errors ? `  ${f.errors} errors` : ''}`
}

/** Sizes of one resource: as sent without compression, gzip (level 6, what servers use) and brotli (11). */
export function compressedSizes(bytes: Uint8Array) {
	return {
		raw: bytes.byteLength,
		gzip: zlib.gzipSync(bytes, { level: 6 }).byteLength,
		brotli: zlib.brotliCompressSync(bytes, {
			params: {
				[zlib.constants.BROTLI_PARAM_QUALITY]: 11,
				[zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength,
			},
		}).byteLength,
	}
}

// A bare static file server: each request reads the file from disk and sends it, nothing else (no
// framework, no database, no compression): the floor the app's figures are compared with.
const staticServerSource = `
const http = require('node:http'), fs = require('node:fs'), path = require('node:path')
const [dir, port] = process.argv.slice(1)
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' }
http.createServer((req, res) => {
	const file = path.join(dir, decodeURIComponent(new URL(req.url, 'http://x').pathname))
	if (!file.startsWith(dir)) { res.statusCode = 403; return res.end() }
	fs.readFile(file, (error, data) => {
		if (error) { res.statusCode = 404; return res.end() }
		res.setHeader('Content-Type', types[path.extname(file)] || 'application/octet-stream')
		res.end(data)
	})
}).listen(Number(port), '127.0.0.1', () => process.stdout.write('ready\\n'))
`

/** Starts the bare static server on `dir` in its own process (as the app server runs in its own). */
export async function startStaticServer(
	dir: string,
	port: number,
): Promise<{ stop(): void; child: ChildProcess }> {
	const child = spawn(process.execPath, ['-e', staticServerSource, dir, String(port)], {
		stdio: ['ignore', 'pipe', 'inherit'],
	})
	await new Promise<void>((resolve, reject) => {
		child.stdout?.once('data', () => resolve())
		child.once('exit', (code) => reject(new Error(`static server exited ${code}`)))
	})
	return { child, stop: () => child.kill('SIGTERM') }
}

/**
 * CPU time (user + system, ms) a process has used so far, from /proc (Linux). Unlike latency on a
 * shared machine, CPU per request does not grow with what other processes do.
 */
export function processCpuMs(pid: number | undefined): number {
	if (!pid) return Number.NaN
	try {
		const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
		// utime and stime are fields 14 and 15 of stat(5), in clock ticks of 1/100 s on Linux.
		return (Number(fields[11]) + Number(fields[12])) * 10
	} catch {
		return Number.NaN
	}
}

/** "load 1.2 (2 cores)": how busy the machine was, to read the figures with. */
export function machineLoad(): string {
	return `load average ${os.loadavg()[0]!.toFixed(1)} on ${os.cpus().length} cores`
}
