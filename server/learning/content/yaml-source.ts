import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import { z } from 'zod'
import type { ContentProblem } from './content-problem.ts'

const vietnameseErrors = z.locales.vi().localeError

export interface ParsedYaml<T> {
	data: T | undefined
	problems: ContentProblem[]
	/** File line of the value at `path` (or of its nearest existing parent), for later cross-reference messages. */
	lineOf: (path: readonly PropertyKey[]) => number | undefined
}

/**
 * Parses YAML text and validates it with a zod schema. Problems carry the file and the line of the value
 * at fault; `lineOffset` is added for YAML that does not start on line 1 (lesson front matter).
 */
export function parseYamlWith<T>(
	schema: z.ZodType<T>,
	text: string,
	file: string,
	lineOffset = 0,
): ParsedYaml<T> {
	const lineCounter = new LineCounter()
	const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
	const lineAt = (offset: number) => lineCounter.linePos(offset).line + lineOffset
	const lineOf = (path: readonly PropertyKey[]) => {
		const offset = offsetOfPath(doc.contents, path)
		return offset === undefined ? undefined : lineAt(offset)
	}
	if (doc.errors.length > 0) {
		return {
			lineOf,
			data: undefined,
			problems: doc.errors.map((e) => ({
				file,
				line: lineAt(e.pos[0]),
				message: `YAML không hợp lệ: ${e.message.split('\n')[0]}`,
			})),
		}
	}
	const result = schema.safeParse(doc.toJS({ maxAliasCount: 1000 }), { error: vietnameseErrors })
	if (result.success) return { data: result.data, problems: [], lineOf }
	return {
		lineOf,
		data: undefined,
		problems: result.error.issues.map((issue) => ({
			file,
			line: lineOf(issue.path),
			message: issue.path.length > 0 ? `${formatPath(issue.path)}: ${issue.message}` : issue.message,
		})),
	}
}

/** "practice[2].answer" — a YAML path as an author would look for it. */
export function formatPath(path: readonly PropertyKey[]): string {
	return path
		.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
		.join('')
}

/** Start offset of the deepest node that exists along `path` (a missing key points at its parent). */
function offsetOfPath(root: Node | null, path: readonly PropertyKey[]): number | undefined {
	let node: unknown = root
	let offset = (root as Node | null)?.range?.[0]
	for (const key of path) {
		let next: unknown
		if (isMap(node)) {
			const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key)
			if (pair && isScalar(pair.key) && pair.key.range) offset = pair.key.range[0]
			next = pair?.value
		} else if (isSeq(node) && typeof key === 'number') {
			next = node.items[key]
			const range = (next as Node | undefined)?.range
			if (range) offset = range[0]
		}
		if (next === undefined || next === null) break
		node = next
	}
	return offset
}
