import type express from 'express'
import type { AppServices } from '#server/app-services.server.ts'
import { resolveVneidConfig } from '#server/vneid/vneid-config.server.ts'

export interface VneidSetUp {
	/** Handed to startHttpServer: the sandbox in demo mode, nothing otherwise. */
	mounts: Array<{ path: string; handler: express.RequestHandler }>
	/** Lines for the start-up banner. */
	notes: string[]
}

export interface SetUpVneidOptions {
	demo: boolean
	/** The demo ward's size and seed (as given to the seed), which decide the sandbox's test identities. */
	demoWard: { residents: number; seed: number }
}

/**
 * At start-up: checks the VNeID settings (a wrong VNEID_ISSUER stops the server now, not at the
 * first sign-in) and, in demo mode without a configured issuer, mounts the VNeID sandbox. The
 * sandbox (and oidc-provider) is loaded only then, never in production.
 */
export async function setUpVneidSignIn(
	services: AppServices,
	options: SetUpVneidOptions,
): Promise<VneidSetUp> {
	const configured = resolveVneidConfig(services.env)
	if (configured) return { mounts: [], notes: [`VNeID: ${configured.issuer.href}`] }
	if (!options.demo) return { mounts: [], notes: [] }
	const { mountDemoVneidSandbox } = await import('#server/vneid-sandbox/demo-sandbox.server.ts')
	const { listDemoCitizens } = await import('#server/demo/generate-demo-ward.ts')
	const sandbox = await mountDemoVneidSandbox(services, {
		demoWard: options.demoWard,
		listCitizens: listDemoCitizens,
	})
	return { mounts: [sandbox.mount], notes: sandbox.notes }
}
