import { type ChildProcessByStdio, spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { Readable, Writable } from 'node:stream'
import { BackupError } from '#server/operations/backup/backup-error.ts'

export type PostgresTool = 'pg_dump' | 'pg_restore'

/**
 * The PostgreSQL client tool to run: from PG_BIN_DIR when set, else the newest Debian installed
 * (/usr/lib/postgresql/<major>/bin: a newer pg_dump reads older servers, never the reverse), else
 * the one on PATH.
 */
export function findPostgresTool(tool: PostgresTool, binDir?: string): string {
	if (binDir) {
		const file = path.join(binDir, tool)
		if (!fs.existsSync(file)) throw new BackupError('toolMissing', file)
		return file
	}
	const root = '/usr/lib/postgresql'
	if (fs.existsSync(root)) {
		const majors = fs
			.readdirSync(root)
			.filter((name) => /^\d+$/.test(name) && fs.existsSync(path.join(root, name, 'bin', tool)))
			.sort((a, b) => Number(b) - Number(a))
		if (majors[0]) return path.join(root, majors[0], 'bin', tool)
	}
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		if (dir && fs.existsSync(path.join(dir, tool))) return path.join(dir, tool)
	}
	throw new BackupError('toolMissing', `${tool} (apt-get install postgresql-client, or set PG_BIN_DIR)`)
}

/** The connection for a tool: the password travels in PGPASSWORD, never on the command line (ps). */
export function toolConnection(databaseUrl: string): { dbname: string; env: NodeJS.ProcessEnv } {
	const url = new URL(databaseUrl)
	const password = decodeURIComponent(url.password)
	url.password = ''
	return {
		dbname: url.toString(),
		env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}), PGAPPNAME: 'hocvuso-backup' },
	}
}

export type ToolProcess = ChildProcessByStdio<Writable | null, Readable | null, Readable>

/** Starts a tool; `done` resolves when it exits 0 and rejects with its error output otherwise. */
export function runPostgresTool(
	tool: PostgresTool,
	args: string[],
	options: { databaseUrl: string; binDir?: string; stdin: 'pipe' | 'ignore'; stdout: 'pipe' | 'ignore' },
): { child: ToolProcess; done: Promise<void> } {
	const connection = toolConnection(options.databaseUrl)
	const child = spawn(findPostgresTool(tool, options.binDir), [...args, `--dbname=${connection.dbname}`], {
		env: connection.env,
		stdio: [options.stdin, options.stdout, 'pipe'],
	}) as ToolProcess
	let stderr = ''
	child.stderr.on('data', (chunk: Buffer) => {
		stderr = (stderr + chunk.toString('utf8')).slice(-4000)
	})
	const done = new Promise<void>((resolve, reject) => {
		child.once('error', (error) => reject(new BackupError('toolMissing', error.message)))
		child.once('close', (code, signal) => {
			if (code === 0) resolve()
			else reject(new BackupError('toolFailed', `${tool} ${signal ?? `exit ${code}`}: ${stderr.trim()}`))
		})
	})
	return { child, done }
}
