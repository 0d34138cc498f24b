/** What this server process is doing, for /readyz and the scheduled jobs (one per process). */
export interface ProcessState {
	/** The pg-boss runner: ready only once it is 'running'. */
	jobs: 'starting' | 'running' | 'stopping' | 'stopped' | 'failed'
	/** Shutting down: /readyz answers 503 so load balancers stop sending new requests. */
	draining: boolean
	/** Demo mode (backups may use a key derived from the keyring). */
	demo: boolean
}

const KEY = Symbol.for('hocvuso.processState')
type GlobalWithState = typeof globalThis & { [KEY]?: ProcessState }

/** This process's state; created on first use. */
export function processState(): ProcessState {
	const holder = globalThis as GlobalWithState
	holder[KEY] ??= { jobs: 'starting', draining: false, demo: false }
	return holder[KEY]
}
