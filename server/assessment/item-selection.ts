import { randomInt } from 'node:crypto'
import { shuffle } from './option-tokens.ts'

/**
 * Picks `count` items spread evenly over groups (competencies for a course quiz, courses for a final
 * assessment): a random item of each group in turn, groups in random order, so every attempt differs and
 * no group is left out while it still has items.
 */
export function pickSpread<T>(
	items: readonly T[],
	groupOf: (item: T) => string,
	count: number,
	pick: (n: number) => number = randomInt,
): T[] {
	const groups = new Map<string, T[]>()
	for (const item of shuffle(items, pick)) {
		const key = groupOf(item)
		groups.set(key, [...(groups.get(key) ?? []), item])
	}
	const queues = shuffle([...groups.values()], pick)
	const chosen: T[] = []
	while (chosen.length < count && queues.some((q) => q.length > 0)) {
		for (const queue of queues) {
			const next = queue.shift()
			if (next !== undefined && chosen.length < count) chosen.push(next)
		}
	}
	return chosen
}
