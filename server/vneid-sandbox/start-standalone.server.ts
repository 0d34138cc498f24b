import http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import {
	createVneidSandbox,
	type VneidSandbox,
	type VneidSandboxOptions,
} from '#server/vneid-sandbox/create-sandbox.server.ts'

export interface StandaloneSandboxOptions extends Omit<VneidSandboxOptions, 'issuer'> {
	host?: string
	/** 0 (the default) picks a free port. */
	port?: number
	/** Path of the issuer on that port; the same as when mounted in the app by default. */
	path?: string
}

export interface StandaloneSandbox extends VneidSandbox {
	port: number
	close(): Promise<void>
}

/** Runs the VNeID sandbox on its own port (tests, or pointing a development app at it). */
export async function startStandaloneVneidSandbox(
	options: StandaloneSandboxOptions,
): Promise<StandaloneSandbox> {
	const host = options.host ?? '127.0.0.1'
	const path = options.path ?? '/vneid-sandbox'
	const app = express()
	app.disable('x-powered-by')
	const server = http.createServer(app)
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject)
		server.listen(options.port ?? 0, host, () => resolve())
	})
	const { port } = server.address() as AddressInfo
	const sandbox = await createVneidSandbox({ ...options, issuer: `http://${host}:${port}${path}` })
	app.use(path, sandbox.handler)
	return {
		...sandbox,
		port,
		close: () =>
			new Promise<void>((resolve, reject) => {
				server.closeAllConnections()
				server.close((error) => (error ? reject(error) : resolve()))
			}),
	}
}
