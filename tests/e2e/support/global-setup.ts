import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FullConfig } from '@playwright/test'

const root = path.resolve(import.meta.dirname, '../../..')
/** Residents in the e2e demo ward: small enough to seed in seconds, big enough for real pages. */
export const E2E_WARD_SIZE = 300
const STARTUP_LIMIT_MS = 10 * 60_000

/**
 * Starts the app the way production does — `hocvuso start` (build if needed, migrate, seed the demo
 * ward, serve) — on a fresh temporary data folder and the port chosen in playwright.config.ts, waits
 * for /healthz, and returns the teardown that stops it and deletes the folder.
 */
export default async function globalSetup(config: FullConfig): Promise<() => Promise<void>> {
	const port = process.env.HOCVUSO_E2E_PORT
	const baseURL = config.projects[0]?.use.baseURL
	if (!port || !baseURL) throw new Error('playwright.config.ts did not choose a port')
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hocvuso-e2e-'))
	const logFile = path.join(dataDir, 'server.log')
	const log = fs.openSync(logFile, 'a')
	const started = performance.now()
	const server = spawn(process.execPath, ['bin/hocvuso.js', 'start', '--size', String(E2E_WARD_SIZE)], {
		cwd: root,
		env: {
			...process.env,
			DATA_DIR: dataDir,
			PORT: port,
			HOST: '127.0.0.1',
			DEMO: '1',
			NODE_ENV: 'production',
		},
		stdio: ['ignore', log, log],
		detached: true,
	})
	fs.closeSync(log)
	const readLog = () => (fs.existsSync(logFile) ? fs.readFileSync(logFile, 'utf8') : '')

	const teardown = async () => {
		await stopServer(server)
		fs.rmSync(dataDir, { recursive: true, force: true })
	}
	try {
		await waitForHealth(`${baseURL}/healthz`, server)
	} catch (error) {
		const output = readLog()
		await teardown()
		throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`)
	}
	// The workers inherit the runner's environment: pages.spec.ts reads what `hocvuso start` printed.
	process.env.HOCVUSO_E2E_SERVER_LOG = logFile
	const seconds = ((performance.now() - started) / 1000).toFixed(1)
	console.info(`e2e: app ready at ${baseURL} after ${seconds} s (build if needed + migrate + demo seed)`)
	return teardown
}

async function waitForHealth(url: string, server: ChildProcess): Promise<void> {
	const deadline = Date.now() + STARTUP_LIMIT_MS
	let exited: number | null = null
	server.once('exit', (code) => {
		exited = code ?? -1
	})
	while (Date.now() < deadline) {
		if (exited !== null) throw new Error(`hocvuso start exited with code ${exited} before serving`)
		try {
			const response = await fetch(url)
			if (response.ok) return
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 250))
	}
	throw new Error(`${url} did not answer 200 within ${STARTUP_LIMIT_MS / 1000} s`)
}

/** SIGTERM (graceful: closes the database), then SIGKILL to the whole group if it lingers. */
async function stopServer(server: ChildProcess): Promise<void> {
	if (server.exitCode !== null || server.signalCode !== null || !server.pid) return
	const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()))
	const pid = server.pid
	try {
		process.kill(-pid, 'SIGTERM')
	} catch {
		return
	}
	const timedOut = await Promise.race([
		exited.then(() => false),
		new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 15_000)),
	])
	if (timedOut) {
		try {
			process.kill(-pid, 'SIGKILL')
		} catch {
			// already gone
		}
		await exited
	}
}
