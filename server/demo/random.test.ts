import { describe, expect, it } from 'vitest'
import { createRandom, shuffled, weighted } from '#server/demo/random.ts'

describe('createRandom', () => {
	it('repeats for the same seed and stream, differs otherwise', () => {
		const draw = (seed: number, stream: string) => {
			const random = createRandom(seed, stream)
			return Array.from({ length: 5 }, () => random.next())
		}
		expect(draw(1, 'a')).toEqual(draw(1, 'a'))
		expect(draw(1, 'a')).not.toEqual(draw(2, 'a'))
		expect(draw(1, 'a')).not.toEqual(draw(1, 'b'))
	})

	it('stays in range and spreads evenly', () => {
		const random = createRandom(42)
		const counts = new Array(10).fill(0)
		let outside = 0
		for (let i = 0; i < 100_000; i++) {
			const value = random.next()
			if (value < 0 || value >= 1) outside++
			else counts[Math.floor(value * 10)]++
		}
		expect(outside).toBe(0)
		for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500)
		const ints = new Set(Array.from({ length: 1000 }, () => random.int(3, 5)))
		expect([...ints].sort()).toEqual([3, 4, 5])
	})

	it('draws UUIDs of version 4 shape, without repeats', () => {
		const random = createRandom(7, 'ids')
		const ids = new Set(Array.from({ length: 10_000 }, () => random.uuid()))
		expect(ids.size).toBe(10_000)
		for (const id of [...ids].slice(0, 50)) {
			expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
		}
	})
})

describe('weighted', () => {
	it('picks in proportion to the weights', () => {
		const pick = weighted<'a' | 'b' | 'c'>([
			['a', 1],
			['b', 3],
			['c', 0],
		])
		const random = createRandom(3)
		const counts = { a: 0, b: 0, c: 0 }
		for (let i = 0; i < 40_000; i++) counts[pick(random)]++
		expect(counts.c).toBe(0)
		expect(counts.b / counts.a).toBeGreaterThan(2.8)
		expect(counts.b / counts.a).toBeLessThan(3.2)
	})

	it('refuses an empty table', () => {
		expect(() => weighted([])).toThrow()
	})
})

describe('shuffled', () => {
	it('returns a permutation and leaves the input alone', () => {
		const input = [1, 2, 3, 4, 5, 6, 7, 8]
		const output = shuffled(input, createRandom(9))
		expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
		expect([...output].sort()).toEqual(input)
	})
})
