/**
 * A small seeded random generator for reproducible demo data: sfc32 (Chris Doty-Humphrey's Small Fast
 * Counter, as in PractRand), seeded through splitmix32 from a number and a stream name, so independent
 * parts of the generator draw from independent streams and adding draws to one leaves the others alone.
 */
export interface Random {
	/** Uniform in [0, 1). */
	next(): number
	/** Integer in [min, max], both included. */
	int(min: number, max: number): number
	chance(probability: number): boolean
	pick<T>(items: readonly T[]): T
	/** A version-4-shaped UUID drawn from this stream (deterministic, not for secrets). */
	uuid(): string
}

function splitmix32(state: number): () => number {
	let s = state >>> 0
	return () => {
		s = (s + 0x9e3779b9) >>> 0
		let z = s
		z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
		z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
		return (z ^ (z >>> 16)) >>> 0
	}
}

function hashString(text: string): number {
	// FNV-1a, enough to turn a stream name into a seed offset.
	let h = 0x811c9dc5
	for (let i = 0; i < text.length; i++) {
		h ^= text.charCodeAt(i)
		h = Math.imul(h, 0x01000193)
	}
	return h >>> 0
}

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'))

/** A generator for `seed` and `stream`: the same pair always gives the same sequence. */
export function createRandom(seed: number, stream = ''): Random {
	const init = splitmix32((seed ^ hashString(stream)) >>> 0)
	let a = init()
	let b = init()
	let c = init()
	let d = 1
	const next32 = (): number => {
		const t = (((a + b) >>> 0) + d) >>> 0
		d = (d + 1) >>> 0
		a = b ^ (b >>> 9)
		b = (c + (c << 3)) >>> 0
		c = ((c << 21) | (c >>> 11)) >>> 0
		c = (c + t) >>> 0
		return t
	}
	for (let i = 0; i < 12; i++) next32()
	const next = () => next32() / 4294967296
	return {
		next,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		chance: (probability) => next() < probability,
		pick<T>(items: readonly T[]): T {
			if (items.length === 0) throw new Error('pick from an empty list')
			return items[Math.floor(next() * items.length)] as T
		},
		uuid() {
			const bytes: number[] = []
			for (let i = 0; i < 4; i++) {
				const word = next32()
				bytes.push(word >>> 24, (word >>> 16) & 255, (word >>> 8) & 255, word & 255)
			}
			bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
			bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
			const h = bytes.map((byte) => HEX[byte])
			return `${h.slice(0, 4).join('')}-${h.slice(4, 6).join('')}-${h.slice(6, 8).join('')}-${h.slice(8, 10).join('')}-${h.slice(10).join('')}`
		},
	}
}

/**
 * Picks from weighted entries in O(log n): `weighted([['Nguyễn', 38], ['Trần', 12]])(random)`. Weights need
 * not sum to anything in particular.
 */
export function weighted<T>(entries: readonly (readonly [T, number])[]): (random: Random) => T {
	if (entries.length === 0) throw new Error('weighted: no entries')
	const cumulative: number[] = []
	let total = 0
	for (const [, weight] of entries) {
		if (weight < 0) throw new Error('weighted: negative weight')
		total += weight
		cumulative.push(total)
	}
	return (random) => {
		const target = random.next() * total
		let low = 0
		let high = cumulative.length - 1
		while (low < high) {
			const mid = (low + high) >>> 1
			if ((cumulative[mid] ?? 0) > target) high = mid
			else low = mid + 1
		}
		return (entries[low] as readonly [T, number])[0]
	}
}

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], random: Random): T[] {
	const copy = [...items]
	for (let i = copy.length - 1; i > 0; i--) {
		const j = Math.floor(random.next() * (i + 1))
		;[copy[i], copy[j]] = [copy[j] as T, copy[i] as T]
	}
	return copy
}
