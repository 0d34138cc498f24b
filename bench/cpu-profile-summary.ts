import fs from 'node:fs'

/**
 * `npx tsx bench/cpu-profile-summary.ts <file.cpuprofile> [top]`: where a V8 CPU profile (node
 * --cpu-prof, e.g. from BENCH_CPU_PROF of the pages bench) spent its time, as text: self time by
 * package or source file, then the functions with the most self and the most inclusive time.
 */

interface ProfileNode {
	id: number
	callFrame: { functionName: string; url: string; lineNumber: number }
	children?: number[]
}
interface Profile {
	nodes: ProfileNode[]
	samples: number[]
	timeDeltas: number[]
}

const [file, topArg] = process.argv.slice(2)
if (!file) {
	console.error('usage: tsx bench/cpu-profile-summary.ts <file.cpuprofile> [top]')
	process.exit(2)
}
const top = Number(topArg ?? 30)
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile
const byId = new Map(profile.nodes.map((n) => [n.id, n]))
const parent = new Map<number, number>()
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)

// Self time per node, in ms (timeDeltas are µs, each the time before its sample).
const self = new Map<number, number>()
profile.samples.forEach((id, i) => {
	self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000)
})
const total = [...self.values()].reduce((a, b) => a + b, 0)

/** node_modules/<package>, a file of the app, or what V8 reports without a file (GC, idle, program). */
function place(url: string, name: string): string {
	if (!url) return `(${name || 'anonymous'})`
	const modules = url.lastIndexOf('node_modules/')
	if (modules >= 0) {
		const rest = url.slice(modules + 'node_modules/'.length).split('/')
		return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!
	}
	if (url.startsWith('node:')) return url
	const app = url.search(/\/(app|server|build|cli)\//)
	return app >= 0 ? url.slice(app + 1) : url
}
const label = (n: ProfileNode) =>
	`${n.callFrame.functionName || '(anonymous)'} ${place(n.callFrame.url, n.callFrame.functionName)}:${n.callFrame.lineNumber + 1}`

function table(title: string, sums: Map<string, number>) {
	console.info(`\n${title}`)
	for (const [key, ms] of [...sums].sort((a, b) => b[1] - a[1]).slice(0, top)) {
		console.info(`  ${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} %  ${key}`)
	}
}

const byPlace = new Map<string, number>()
const selfByFunction = new Map<string, number>()
const inclusive = new Map<string, number>()
for (const [id, ms] of self) {
	const n = byId.get(id)!
	const where = place(n.callFrame.url, n.callFrame.functionName)
	byPlace.set(where, (byPlace.get(where) ?? 0) + ms)
	selfByFunction.set(label(n), (selfByFunction.get(label(n)) ?? 0) + ms)
	// Inclusive: each function on the stack once, however often it recurses.
	const seen = new Set<string>()
	for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
		const key = label(byId.get(at)!)
		if (seen.has(key)) continue
		seen.add(key)
		inclusive.set(key, (inclusive.get(key) ?? 0) + ms)
	}
}
console.info(`${file}: ${(total / 1000).toFixed(1)} s sampled`)
table('self time by package or file', byPlace)
table('self time by function', selfByFunction)
table('inclusive time by function', inclusive)
