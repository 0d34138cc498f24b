import { type ChildProcess, spawn } from 'node:child_process'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { findFreePort } from '#tests/support/postgres-cluster.ts'

/** Runs real `hocvuso` processes (node bin/hocvuso.js …), as an operator or systemd would. */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..')
const bin = path.join(root, 'bin/hocvuso.js')

/** The keys of tests (createTestKeyring) as environment variables, so processes and tests agree. */
export const TEST_KEY_ENV = {
	DATA_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
	DATA_HASH_KEY: Buffer.alloc(32, 2).toString('base64'),
	SESSION_SECRET: Buffer.alloc(32, 3).toString('base64'),
	BACKUP_ENCRYPTION_KEY: Buffer.alloc(32, 4).toString('base64'),
}

function processEnv(env: Record<string, string>): NodeJS.ProcessEnv {
	// A clean environment: nothing of the test runner's (VITEST, HOCVUSO_TEST_ENGINE…) leaks in;
	// HOCVUSO_DEBUG passes through, for stack traces from the processes.
	const debug = process.env.HOCVUSO_DEBUG ? { HOCVUSO_DEBUG: process.env.HOCVUSO_DEBUG } : {}
	return {
		PATH: process.env.PATH,
		HOME: process.env.HOME,
		NODE_ENV: 'production',
		DEMO: '0',
		...debug,
		...TEST_KEY_ENV,
		...env,
	}
}

export interface CliResult {
	code: number | null
	stdout: string
	stderr: string
}

/** Runs one CLI command to completion. */
export async function runCli(args: string[], env: Record<string, string>, stdin = ''): Promise<CliResult> {
	const child = spawn(process.execPath, [bin, ...args], { cwd: root, env: processEnv(env) })
	let stdout = ''
	let stderr = ''
	child.stdout.on('data', (c: Buffer) => {
		stdout += c.toString()
	})
	child.stderr.on('data', (c: Buffer) => {
		stderr += c.toString()
	})
	child.stdin.end(stdin)
	const code = await new Promise<number | null>((resolve) => child.once('close', resolve))
	return { code, stdout, stderr }
}

export interface ServeProcess {
	url: string
	child: ChildProcess
	/** Everything the process printed so far. */
	output(): string
	/** SIGTERM, then the exit code (SIGKILL after 20 s). */
	stop(): Promise<number | null>
}

/**
 * Starts `hocvuso serve` on a free port and resolves once /readyz answers 200 (or rejects with
 * the output when the process exits first or never gets ready).
 */
export async function startServe(
	env: Record<string, string>,
	limitMs = 120_000,
	/** Options for node itself (e.g. --cpu-prof, which NODE_OPTIONS does not accept). */
	nodeArgs: string[] = [],
): Promise<ServeProcess> {
	const port = await findFreePort()
	const child = spawn(process.execPath, [...nodeArgs, bin, 'serve'], {
		cwd: root,
		env: processEnv({ PORT: String(port), HOST: '127.0.0.1', ...env }),
		stdio: ['ignore', 'pipe', 'pipe'],
	})
	// The last 256 KB of what it printed (request logs of a long run would otherwise pile up).
	let output = ''
	const keep = (c: Buffer) => {
		output = (output + c.toString()).slice(-256 * 1024)
	}
	child.stdout?.on('data', keep)
	child.stderr?.on('data', keep)
	const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))
	const url = `http://127.0.0.1:${port}`
	const stop = async () => {
		if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
		const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
		const code = await exited
		clearTimeout(timer)
		return code
	}
	const deadline = Date.now() + limitMs
	let gone = false
	void exited.then(() => {
		gone = true
	})
	while (Date.now() < deadline && !gone) {
		try {
			if ((await fetch(`${url}/readyz`)).status === 200) return { url, child, output: () => output, stop }
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200))
	}
	await stop()
	throw new Error(
		`hocvuso serve did not get ready (${gone ? `exited ${child.exitCode}` : 'timeout'}):\n${output}`,
	)
}

/** A tiny cookie-keeping HTTP client: what a browser without JavaScript does. */
export class Visitor {
	readonly cookies = new Map<string, string>()

	/** `headers`: sent with every request (e.g. X-Forwarded-For, to look like many people). */
	constructor(private readonly extraHeaders: Record<string, string> = {}) {}

	private remember(response: Response): void {
		for (const line of response.headers.getSetCookie()) {
			const [pair] = line.split(';')
			const eq = pair?.indexOf('=') ?? -1
			if (!pair || eq < 0) continue
			const name = pair.slice(0, eq).trim()
			const value = pair.slice(eq + 1).trim()
			if (value) this.cookies.set(name, value)
			else this.cookies.delete(name)
		}
	}

	private headers(extra: Record<string, string> = {}): Record<string, string> {
		const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
		return { ...this.extraHeaders, ...(cookie ? { Cookie: cookie } : {}), ...extra }
	}

	async get(url: string): Promise<{ status: number; location: string | null; html: string }> {
		const response = await fetch(url, { headers: this.headers(), redirect: 'manual' })
		this.remember(response)
		return {
			status: response.status,
			location: response.headers.get('location'),
			html: await response.text(),
		}
	}

	/** Posts a form: URL-encoded from a record, multipart from a FormData (file uploads). */
	async post(url: string, form: Record<string, string> | FormData) {
		const multipart = form instanceof FormData
		const response = await fetch(url, {
			method: 'POST',
			redirect: 'manual',
			headers: this.headers(multipart ? {} : { 'Content-Type': 'application/x-www-form-urlencoded' }),
			body: multipart ? form : new URLSearchParams(form),
		})
		this.remember(response)
		return {
			status: response.status,
			location: response.headers.get('location'),
			html: await response.text(),
		}
	}

	/** The CSRF token of a page's forms (the hidden `csrf` field). */
	static csrfToken(html: string): string {
		const token = /name="csrf" value="([^"]*)"/.exec(html)?.[1]
		if (!token) throw new Error('no CSRF field on the page')
		return token
	}

	/** Signs in through the real form of `base`; returns the action's status. */
	async signIn(base: string, identifier: string, password: string): Promise<number> {
		const page = await this.get(`${base}/dang-nhap`)
		const result = await this.post(`${base}/dang-nhap`, {
			identifier,
			password,
			csrf: Visitor.csrfToken(page.html),
		})
		return result.status
	}
}
