import crypto from 'node:crypto'
import fs from 'node:fs'
import http from 'node:http'
import os from 'node:os'
import path from 'node:path'
import { PassThrough, type Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'

/**
 * The operator's line into a running server that holds an embedded (PGlite) database: HTTP over a
 * Unix socket in the data folder, mode 0600, so only the account that runs hocvuso (or root) can
 * use it — the same people who can read the data folder anyway. `hocvuso backup` uses it to get a
 * consistent copy from the one process allowed to open the folder (docs/decisions/010-backups-and-operations.md).
 */
export function controlSocketPath(dataDir: string): string {
	const inFolder = path.join(dataDir, 'control.sock')
	// Unix socket paths are limited to 107 bytes.
	if (Buffer.byteLength(inFolder) <= 100) return inFolder
	const digest = crypto.createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16)
	return path.join(os.tmpdir(), `hocvuso-${digest}.sock`)
}

export interface ControlHandlers {
	/** Streams an encrypted backup into `out`; throws before writing anything when it cannot. */
	backup(out: Writable): Promise<void>
}

export interface ControlSocket {
	path: string
	close(): Promise<void>
}

const STATUS_TRAILER = 'x-backup-status'

/** Listens on the data folder's control socket (a leftover socket file from a crash is replaced). */
export async function startControlSocket(dataDir: string, handlers: ControlHandlers): Promise<ControlSocket> {
	const socketPath = controlSocketPath(dataDir)
	fs.rmSync(socketPath, { force: true })
	const server = http.createServer((req, res) => {
		if (req.method === 'POST' && req.url === '/backup') {
			res.writeHead(200, { 'Content-Type': 'application/octet-stream', Trailer: STATUS_TRAILER })
			// The handler ends `body`; the response stays open for the trailer that says how it went.
			const body = new PassThrough()
			body.pipe(res, { end: false })
			const finish = (status: string) => {
				res.addTrailers({ [STATUS_TRAILER]: status })
				res.end()
			}
			handlers.backup(body).then(
				() => (body.readableEnded ? finish('ok') : body.once('end', () => finish('ok'))),
				(error: Error) => {
					body.unpipe(res)
					finish(encodeURIComponent(error.message).slice(0, 2000))
				},
			)
			return
		}
		res.writeHead(404).end()
	})
	const previous = process.umask(0o177)
	try {
		await new Promise<void>((resolve, reject) => {
			server.once('error', reject)
			server.listen(socketPath, () => resolve())
		})
	} finally {
		process.umask(previous)
	}
	fs.chmodSync(socketPath, 0o600)
	return {
		path: socketPath,
		close: () =>
			new Promise((resolve) => {
				server.close(() => resolve())
				server.closeAllConnections()
			}),
	}
}

/**
 * Asks the server holding `dataDir` for a backup and writes it to `out`. Resolves 'no-server' when
 * nothing listens; throws with the server's message when the backup failed.
 */
export async function requestBackup(dataDir: string, out: Writable): Promise<'ok' | 'no-server'> {
	const socketPath = controlSocketPath(dataDir)
	const response = await new Promise<http.IncomingMessage | null>((resolve, reject) => {
		const req = http.request({ socketPath, path: '/backup', method: 'POST' }, resolve)
		req.once('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'ENOENT' || error.code === 'ECONNREFUSED') resolve(null)
			else reject(error)
		})
		req.end()
	})
	if (!response) return 'no-server'
	if (response.statusCode !== 200) {
		response.resume()
		throw new Error(`control socket answered ${response.statusCode}`)
	}
	await pipeline(response, out)
	const status = response.trailers[STATUS_TRAILER]
	if (status !== 'ok') throw new Error(status ? decodeURIComponent(status) : 'the backup stream ended early')
	return 'ok'
}
