import { type ErrorCode, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml'
import { z } from 'zod'
import type { ContentProblem } from './content-problem.ts'

const zodVietnamese = z.locales.vi().localeError

/** zod's Vietnamese messages, with a hint for the most common authoring slip: an unquoted comma in flow style. */
const vietnameseErrors: z.core.$ZodErrorMap = (issue) => {
	if (issue.code === 'unrecognized_keys') {
		return `Mục không được phép: ${issue.keys.map((k) => `"${k}"`).join(', ')}. Nếu đây là phần chữ sau dấu phẩy, hãy đặt cả đoạn chữ trong dấu nháy kép "…"`
	}
	return zodVietnamese(issue)
}

/** What a YAML syntax error means, in words an author can act on. */
const yamlErrorMessages: Partial<Record<ErrorCode, string>> = {
	BLOCK_AS_IMPLICIT_KEY: 'có dấu hai chấm (:) giữa đoạn chữ; hãy đặt cả đoạn chữ trong dấu nháy kép "…"',
	MULTILINE_IMPLICIT_KEY: 'có dấu hai chấm (:) giữa đoạn chữ; hãy đặt cả đoạn chữ trong dấu nháy kép "…"',
	UNEXPECTED_TOKEN:
		'có chữ thừa sau giá trị; nếu giá trị mở đầu bằng dấu nháy thì cả đoạn phải nằm trong dấu nháy',
	DUPLICATE_KEY: 'một mục được khai báo hai lần',
	TAB_AS_INDENT: 'không thụt lề bằng phím Tab, hãy dùng dấu cách',
	BAD_INDENT: 'thụt lề chưa thẳng hàng, hoặc thiếu dấu đóng ] hay }',
	MISSING_CHAR: 'thiếu dấu đóng (dấu nháy, ] hoặc })',
	BAD_DQ_ESCAPE: 'dấu \\ trong đoạn chữ nằm giữa dấu nháy kép không hợp lệ',
}

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
		// The parser can report one mistake several times on a line; keep the first report of each kind.
		const problems = new Map<string, ContentProblem>()
		for (const e of doc.errors) {
			const line = lineAt(e.pos[0])
			const detail = yamlErrorMessages[e.code] ?? 'cú pháp chưa đúng'
			const column = lineCounter.linePos(e.pos[0]).col
			const key = `${line}:${detail}`
			if (!problems.has(key))
				problems.set(key, { file, line, message: `YAML không hợp lệ: ${detail} (cột ${column})` })
		}
		return { lineOf, data: undefined, problems: [...problems.values()] }
	}
	let value: unknown
	try {
		value = doc.toJS({ maxAliasCount: 1000 })
	} catch {
		return {
			lineOf,
			data: undefined,
			problems: [{ file, message: 'YAML không hợp lệ: có tham chiếu (*tên) tới một mục không tồn tại' }],
		}
	}
	const result = schema.safeParse(value, { error: vietnameseErrors })
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
