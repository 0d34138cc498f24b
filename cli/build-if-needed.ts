import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const sources = [
	'app',
	'server',
	'content',
	'public',
	'package.json',
	'vite.config.ts',
	'react-router.config.ts',
]

function newestMtime(target: string): number {
	if (!fs.existsSync(target)) return 0
	const stat = fs.statSync(target)
	if (!stat.isDirectory()) return stat.mtimeMs
	let newest = stat.mtimeMs
	for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)))
	return newest
}

function isFresh(): boolean {
	const entry = path.join(root, 'build/server/index.js')
	const built = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0
	const changed = Math.max(...sources.map((s) => newestMtime(path.join(root, s))))
	return built >= changed
}

const LOCK = path.join(root, '.build-lock')
const LOCK_STALE_MS = 10 * 60_000
const LOCK_WAIT_MS = 20 * 60_000

/**
 * One build at a time across processes (test files, app servers started together): two builds into
 * the same build/ folder break each other (a missing manifest). The lock is a directory, created
 * atomically; one left by a killed process is taken over after 10 minutes.
 */
function withBuildLock(build: () => void): void {
	const deadline = Date.now() + LOCK_WAIT_MS
	for (;;) {
		try {
			fs.mkdirSync(LOCK)
			break
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
		}
		try {
			if (Date.now() - fs.statSync(LOCK).mtimeMs > LOCK_STALE_MS)
				fs.rmSync(LOCK, { recursive: true, force: true })
		} catch {
			// released meanwhile: try again
		}
		if (Date.now() > deadline) throw new Error(`Build thất bại / build failed: ${LOCK} held too long`)
		Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 250)
	}
	try {
		build()
	} finally {
		fs.rmSync(LOCK, { recursive: true, force: true })
	}
}

/** Builds the web app when there is no build or the sources changed since the last one. */
export function buildIfNeeded(): void {
	if (isFresh()) return
	// Another process may have built while this one waited for the lock.
	withBuildLock(() => {
		if (!isFresh()) runBuild()
	})
}

function runBuild(): void {
	console.info('Đang build ứng dụng web… / building the web app…')
	const bin = path.join(root, 'node_modules/@react-router/dev/bin.js')
	const result = spawnSync(process.execPath, [bin, 'build'], {
		cwd: root,
		// Always a production bundle: a build started from a test process (NODE_ENV=test) would
		// otherwise ship React's development build, whose warnings and slowness end up in e2e runs.
		env: { ...process.env, NODE_ENV: 'production' },
		stdio: ['ignore', 'ignore', 'pipe'],
		encoding: 'utf8',
	})
	// React Router passes Vite 8 an option it has deprecated; that notice is not ours to act on.
	const errors = (result.stderr ?? '')
		.split('\n')
		.filter((line) => line.trim() !== '' && !line.includes('`envFile` option is deprecated'))
	if (result.status !== 0) {
		if (errors.length > 0) console.error(errors.join('\n'))
		throw new Error('Build thất bại / build failed')
	}
	// A successful build's notices (bundling advice) are warnings, not errors.
	if (errors.length > 0) console.warn(errors.join('\n'))
}
