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

/** Builds the web app when there is no build or the sources changed since the last one. */
export function buildIfNeeded(): void {
	const entry = path.join(root, 'build/server/index.js')
	const built = fs.existsSync(entry) ? fs.statSync(entry).mtimeMs : 0
	const changed = Math.max(...sources.map((s) => newestMtime(path.join(root, s))))
	if (built >= changed) return
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
