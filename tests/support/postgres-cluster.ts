import { type SpawnSyncOptions, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'

/** Where a throwaway test cluster listens; the superuser is always `postgres`, trusted locally. */
export interface PostgresServerInfo {
	host: string
	port: number
	user: string
	/** Unix socket folder (inside the cluster's temporary folder). */
	socketDir: string
}

export interface ThrowawayCluster extends PostgresServerInfo {
	dir: string
	stop(): void
}

/** The newest PostgreSQL server binaries Debian installed (`/usr/lib/postgresql/<major>/bin`). */
export function findPostgresBinDir(): string | null {
	const override = process.env.HOCVUSO_PG_BIN
	if (override) return fs.existsSync(path.join(override, 'initdb')) ? override : null
	const root = '/usr/lib/postgresql'
	if (!fs.existsSync(root)) return null
	const majors = fs
		.readdirSync(root)
		.filter((name) => /^\d+$/.test(name) && fs.existsSync(path.join(root, name, 'bin/initdb')))
		.sort((a, b) => Number(b) - Number(a))
	return majors[0] ? path.join(root, majors[0], 'bin') : null
}

/** A port nobody listens on right now (the kernel picks it). */
export async function findFreePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer()
		server.unref()
		server.on('error', reject)
		server.listen(0, '127.0.0.1', () => {
			const address = server.address()
			server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject()))
		})
	})
}

const isRoot = typeof process.getuid === 'function' && process.getuid() === 0

/** PostgreSQL refuses to run as root: as root we run its binaries as the `postgres` OS user. */
function run(bin: string, args: string[], options: SpawnSyncOptions = {}): string {
	const [command, fullArgs] = isRoot ? ['runuser', ['-u', 'postgres', '--', bin, ...args]] : [bin, args]
	const result = spawnSync(command, fullArgs, { encoding: 'utf8', ...options })
	if (result.error) throw result.error
	if (result.status !== 0) {
		throw new Error(
			`${path.basename(bin)} ${args.join(' ')} exited with ${result.status}:\n${result.stdout}${result.stderr}`,
		)
	}
	return String(result.stdout ?? '')
}

/**
 * Starts a PostgreSQL cluster in a fresh temporary folder on a random free port, tuned for tests
 * (no fsync: the data is thrown away). `stop()` shuts it down and deletes the folder.
 */
export async function startThrowawayCluster(): Promise<ThrowawayCluster> {
	const binDir = findPostgresBinDir()
	if (!binDir) {
		throw new Error(
			'PostgreSQL server binaries not found in /usr/lib/postgresql/*/bin. Install them with:\n' +
				'  apt-get install -y postgresql postgresql-contrib\n' +
				'(or set HOCVUSO_PG_BIN to the folder holding initdb and pg_ctl)',
		)
	}
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hocvuso-pg-'))
	if (isRoot) {
		const chown = spawnSync('chown', ['-R', 'postgres:postgres', dir])
		if (chown.status !== 0) throw new Error(`chown postgres ${dir} failed`)
	}
	const dataDir = path.join(dir, 'data')
	const removeDir = () => fs.rmSync(dir, { recursive: true, force: true })
	// Run from the temporary folder: the postgres user may not be allowed into our working folder.
	const options: SpawnSyncOptions = { cwd: dir, env: { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } }
	try {
		run(
			path.join(binDir, 'initdb'),
			['-D', dataDir, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C.UTF-8', '--no-sync'],
			options,
		)
	} catch (error) {
		removeDir()
		throw error
	}
	const settings = [
		"listen_addresses = '127.0.0.1'",
		`unix_socket_directories = '${dir}'`,
		'fsync = off',
		'synchronous_commit = off',
		'full_page_writes = off',
		'max_connections = 200',
		'shared_buffers = 128MB',
		"log_min_messages = 'warning'",
	]
	fs.appendFileSync(path.join(dataDir, 'postgresql.conf'), `\n# hocvuso tests\n${settings.join('\n')}\n`)

	// The port is free when we pick it; another process may take it before the server binds: retry.
	for (let attempt = 1; ; attempt++) {
		const port = await findFreePort()
		try {
			run(
				path.join(binDir, 'pg_ctl'),
				['-D', dataDir, '-l', path.join(dir, 'server.log'), '-o', `-p ${port}`, '-w', '-t', '60', 'start'],
				options,
			)
		} catch (error) {
			if (attempt < 3) continue
			const log = fs.existsSync(path.join(dir, 'server.log'))
				? fs.readFileSync(path.join(dir, 'server.log'), 'utf8')
				: ''
			removeDir()
			throw new Error(`${(error as Error).message}\n${log}`)
		}
		let stopped = false
		const stop = () => {
			if (stopped) return
			stopped = true
			try {
				run(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'immediate', '-w', 'stop'], {
					...options,
					stdio: 'ignore',
				})
			} finally {
				removeDir()
			}
		}
		return { host: '127.0.0.1', port, user: 'postgres', socketDir: dir, dir, stop }
	}
}

/** A connection URL for one database of the server. */
export function postgresUrl(
	server: Pick<PostgresServerInfo, 'host' | 'port' | 'user'>,
	database: string,
): string {
	return `postgres://${encodeURIComponent(server.user)}@${server.host}:${server.port}/${encodeURIComponent(database)}`
}

/** The same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
	const parsed = new URL(url)
	parsed.pathname = `/${encodeURIComponent(database)}`
	return parsed.toString()
}
