import fs from 'node:fs'
import path from 'node:path'

/**
 * Writes a whole file the way a reader can trust: into a temporary file beside it, flushed to disk,
 * then renamed over the target. A process killed half-way (or a full disk) leaves the previous file or
 * none, never a truncated report or export that opens as if complete. Exports of personal data are
 * written 0600 (readable by the operator's account only).
 */
export async function writeFileAtomic(
	file: string,
	bytes: Uint8Array | string,
	options: { mode?: number } = {},
): Promise<void> {
	const target = path.resolve(file)
	const temporary = path.join(path.dirname(target), `.${path.basename(target)}.partial-${process.pid}`)
	// 'wx': never write into a temporary file another write still owns; only ours is removed on failure.
	const handle = await fs.promises.open(temporary, 'wx', options.mode ?? 0o644)
	try {
		try {
			await handle.writeFile(bytes)
			await handle.sync()
		} finally {
			await handle.close()
		}
		await fs.promises.rename(temporary, target)
	} catch (error) {
		await fs.promises.rm(temporary, { force: true })
		throw error
	}
}
