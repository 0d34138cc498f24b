import crypto from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import path from 'node:path'

/**
 * SHA-256 over every file of a content folder (relative path and bytes, in name order). Reading the
 * bytes takes milliseconds where parsing and validating the folder takes more than a second, so a
 * start-up that finds this hash already imported skips the import altogether.
 */
export async function hashContentFiles(dir: string): Promise<string> {
	const hash = crypto.createHash('sha256')
	for (const file of await listFiles(dir, '')) {
		hash.update(`${file}\0`)
		hash.update(await readFile(path.join(dir, file)))
		hash.update('\0')
	}
	return hash.digest('hex')
}

async function listFiles(root: string, relative: string): Promise<string[]> {
	const entries = await readdir(path.join(root, relative), { withFileTypes: true })
	const files: string[] = []
	for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
		const child = relative ? `${relative}/${entry.name}` : entry.name
		if (entry.isDirectory()) files.push(...(await listFiles(root, child)))
		else if (entry.isFile()) files.push(child)
	}
	return files
}
