#!/usr/bin/env node
// `npm test`: system packages → typecheck → lint → Vitest on PGlite → Vitest on PostgreSQL →
// Playwright. Every stage runs even when an earlier one failed, so one run shows every problem.
// Ends with the plain line `N passed, N failed` (tests of all suites; a failed typecheck, lint or a
// runner that crashed before reporting counts as one failure) and exits non-zero on any failure.
// Skipped tests are not allowed here: any skipped or todo test fails the run.
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const bin = (name) => path.join(root, 'node_modules/.bin', name)
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hocvuso-test-reports-'))

/** @type {Array<{ name: string, check?: boolean, ok: boolean, passed: number, failed: number, skipped: number, seconds: number, note?: string }>} */
const results = []

function heading(text) {
	console.info(`\n━━━ ${text} ${'━'.repeat(Math.max(0, 70 - text.length))}`)
}

function run(command, args, env = {}) {
	const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
	if (result.error) console.error(`${command}: ${result.error.message}`)
	return result.status === 0
}

function timed(fn) {
	const started = performance.now()
	const value = fn()
	return { value, seconds: (performance.now() - started) / 1000 }
}

function ensureSystemPackages() {
	heading('System packages')
	const script = path.join(root, 'scripts/install-system-deps.sh')
	const check = spawnSync('bash', [script, '--check'], { encoding: 'utf8' })
	if (check.status === 0) {
		console.info('PostgreSQL, Chromium, poppler-utils, fonts-liberation2, LibreOffice Writer: present')
		return true
	}
	const missing =
		check.stdout.trim() ||
		'postgresql postgresql-contrib chromium poppler-utils fonts-liberation2 libreoffice-writer-nogui'
	const isRoot = process.getuid?.() === 0
	const hasApt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0
	if (isRoot && hasApt) return run('bash', [script])
	console.error(
		`Thiếu gói hệ thống / missing system packages: ${missing}\n` +
			'Cài bằng lệnh sau rồi chạy lại / install them, then run again:\n\n' +
			`  sudo sh -c 'apt-get update && apt-get install -y ${missing}'\n`,
	)
	return false
}

function checkStage(name, steps) {
	heading(name)
	const { value: ok, seconds } = timed(() => steps.every(([command, args]) => run(command, args)))
	results.push({ name, check: true, ok, passed: 0, failed: ok ? 0 : 1, skipped: 0, seconds })
}

function readJson(file) {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8'))
	} catch {
		return null
	}
}

function vitestStage(engine) {
	const name = `vitest (${engine})`
	heading(name)
	const outputFile = path.join(reportDir, `vitest-${engine}.json`)
	const { value: ok, seconds } = timed(() =>
		run(bin('vitest'), [
			'run',
			'--project',
			engine,
			'--reporter=default',
			'--reporter=json',
			`--outputFile.json=${outputFile}`,
		]),
	)
	const report = readJson(outputFile)
	const passed = report?.numPassedTests ?? 0
	const skipped = (report?.numPendingTests ?? 0) + (report?.numTodoTests ?? 0)
	let failed = report?.numFailedTests ?? 0
	// A file that fails to load, or an error outside tests, fails the run without failing a test.
	if (!ok && failed === 0) failed = 1
	results.push({ name, ok, passed, failed, skipped, seconds, note: report ? undefined : 'no report' })
}

function playwrightStage() {
	const name = 'playwright (chromium)'
	heading(name)
	const outputFile = path.join(reportDir, 'playwright.json')
	const { value: ok, seconds } = timed(() =>
		run(bin('playwright'), ['test', '--reporter=list,json'], { PLAYWRIGHT_JSON_OUTPUT_FILE: outputFile }),
	)
	const stats = readJson(outputFile)?.stats
	const passed = (stats?.expected ?? 0) + (stats?.flaky ?? 0)
	let failed = stats?.unexpected ?? 0
	const skipped = stats?.skipped ?? 0
	if (!ok && failed === 0) failed = 1
	results.push({ name, ok, passed, failed, skipped, seconds, note: stats ? undefined : 'no report' })
}

const started = performance.now()
const depsOk = ensureSystemPackages()
if (!depsOk) {
	console.info('\n0 passed, 1 failed')
	process.exit(1)
}
checkStage('typecheck', [
	[bin('react-router'), ['typegen']],
	[bin('tsc'), []],
])
checkStage('lint', [[bin('biome'), ['check', '.']]])
vitestStage('pglite')
vitestStage('postgres')
playwrightStage()
fs.rmSync(reportDir, { recursive: true, force: true })

heading('Summary')
for (const r of results) {
	const detail = r.check
		? r.ok
			? 'ok'
			: 'failed'
		: `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`
	console.info(
		`${r.ok ? '✓' : '✗'} ${r.name.padEnd(24)} ${detail.padEnd(34)} ${r.seconds.toFixed(1).padStart(6)} s${r.note ? `  (${r.note})` : ''}`,
	)
}
const passed = results.reduce((n, r) => n + r.passed, 0)
const failed = results.reduce((n, r) => n + r.failed, 0)
const skipped = results.reduce((n, r) => n + r.skipped, 0)
console.info(`total ${((performance.now() - started) / 1000).toFixed(1)} s`)
if (skipped > 0)
	console.error(`${skipped} skipped/todo test(s): skipped tests are not allowed (fix or delete them).`)
console.info(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`)
process.exit(failed > 0 || skipped > 0 || results.some((r) => !r.ok) ? 1 : 0)
