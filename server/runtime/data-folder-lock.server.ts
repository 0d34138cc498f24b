import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * PGlite has no lock of its own: two processes opening one data folder corrupt it (docs/decisions/
 * 001-runtime-and-server.md). Every hocvuso process that opens an embedded database first takes
 * `hocvuso.lock` in DATA_DIR (created exclusively, holding its pid). A lock whose process is gone —
 * after a crash or SIGKILL — is taken over.
 */
export interface DataFolderLockInfo {
	pid: number
	command: string
	hostname: string
	startedAt: string
}

export interface DataFolderLock {
	file: string
	release(): void
}

export function lockFilePath(dataDir: string): string {
	return path.join(dataDir, 'hocvuso.lock')
}

function isAlive(info: DataFolderLockInfo): boolean {
	if (info.hostname !== os.hostname()) return true // another machine on a shared disk: assume alive
	try {
		process.kill(info.pid, 0)
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM'
	}
	// A reused pid: on Linux, check the process is still Node.js.
	try {
		const cmdline = fs.readFileSync(`/proc/${info.pid}/cmdline`, 'utf8')
		return /node|hocvuso|tsx/.test(cmdline)
	} catch {
		return true
	}
}

type LockState = { kind: 'none' } | { kind: 'held'; info: DataFolderLockInfo } | { kind: 'stale' | 'young' }

function readLockState(file: string): LockState {
	let text: string
	try {
		text = fs.readFileSync(file, 'utf8')
	} catch {
		return { kind: 'none' }
	}
	try {
		const info = JSON.parse(text) as DataFolderLockInfo
		return isAlive(info) ? { kind: 'held', info } : { kind: 'stale' }
	} catch {
		// Being written by a process that has just created it, or garbage left by a crash.
		try {
			return Date.now() - fs.statSync(file).mtimeMs < 5000 ? { kind: 'young' } : { kind: 'stale' }
		} catch {
			return { kind: 'none' }
		}
	}
}

/** The live process holding the folder, or null. */
export function readDataFolderLock(dataDir: string): DataFolderLockInfo | null {
	const state = readLockState(lockFilePath(dataDir))
	return state.kind === 'held' ? state.info : null
}

export class DataFolderBusyError extends Error {
	readonly holder: DataFolderLockInfo
	constructor(dataDir: string, holder: DataFolderLockInfo) {
		super(
			`Thư mục dữ liệu ${dataDir} đang được tiến trình khác dùng (pid ${holder.pid}: hocvuso ${holder.command}). ` +
				`/ The data folder is in use by another process (pid ${holder.pid}: hocvuso ${holder.command}). ` +
				`Nếu chắc chắn không còn tiến trình nào, xóa / if you are sure none is running, delete ${lockFilePath(dataDir)}`,
		)
		this.name = 'DataFolderBusyError'
		this.holder = holder
	}
}

/** Takes the data folder for this process, or throws DataFolderBusyError naming the holder. */
export function acquireDataFolderLock(dataDir: string, command: string): DataFolderLock {
	fs.mkdirSync(dataDir, { recursive: true })
	const file = lockFilePath(dataDir)
	const info: DataFolderLockInfo = {
		pid: process.pid,
		command,
		hostname: os.hostname(),
		startedAt: new Date().toISOString(),
	}
	for (let attempt = 0; attempt < 50; attempt++) {
		try {
			fs.writeFileSync(file, `${JSON.stringify(info)}\n`, { flag: 'wx', mode: 0o600 })
			let released = false
			const release = () => {
				if (released) return
				released = true
				try {
					const current = JSON.parse(fs.readFileSync(file, 'utf8')) as DataFolderLockInfo
					if (current.pid === process.pid) fs.rmSync(file, { force: true })
				} catch {
					// already gone
				}
			}
			process.once('exit', release)
			return { file, release }
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
			const state = readLockState(file)
			if (state.kind === 'held') throw new DataFolderBusyError(dataDir, state.info)
			if (state.kind === 'young') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100)
			else if (state.kind === 'stale') fs.rmSync(file, { force: true }) // its process is gone
		}
	}
	throw new Error(`could not lock ${dataDir}`)
}
