import fs from 'node:fs'
import path from 'node:path'
import readline from 'node:readline'
import { fileURLToPath } from 'node:url'
import zlib from 'node:zlib'

/** The national procedure file shipped with hocvuso (content/tthc/), found the way migrations are. */
export const defaultNationalFile = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'../../content/tthc/thu-tuc-hanh-chinh.jsonl.gz',
)

/** One non-empty line of a JSON-lines file (gzip-compressed when the name ends in .gz), with its number. */
export interface JsonLine {
	line: number
	value: unknown
	/** Set instead of value when the line is not JSON. */
	error?: string
}

/** Reads a JSON-lines file (plain or .gz) line by line. */
export async function* readJsonLines(file: string): AsyncGenerator<JsonLine> {
	const raw = fs.createReadStream(file)
	const input = file.endsWith('.gz') ? raw.pipe(zlib.createGunzip()) : raw
	const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY })
	let line = 0
	for await (const text of lines) {
		line++
		if (!text.trim()) continue
		try {
			yield { line, value: JSON.parse(text) }
		} catch (error) {
			yield { line, value: null, error: (error as Error).message }
		}
	}
}
