import crypto from 'node:crypto'
import { eq } from 'drizzle-orm'
import type express from 'express'
import type { AppServices } from '#server/app-services.server.ts'
import { demoAccounts } from '#server/demo/demo-accounts.ts'
import { residents } from '#server/people/schema.ts'
import { lookupHash } from '#server/security/personal-data.server.ts'
import {
	isLocalHttpIssuer,
	registerVneidSandboxConfig,
	VNEID_CALLBACK_PATH,
} from '#server/vneid/vneid-config.server.ts'
import { createVneidSandbox, DEFAULT_SANDBOX_PASSCODE } from '#server/vneid-sandbox/create-sandbox.server.ts'
import type { SandboxIdentity } from '#server/vneid-sandbox/sandbox-identities.ts'

export const SANDBOX_MOUNT_PATH = '/vneid-sandbox'
/** How many residents of the demo ward the sandbox offers in one tap (the first is the demo learner). */
export const DEMO_SANDBOX_RESIDENTS = 3

export interface DemoCitizen {
	fullName: string
	personalId: string
	birthDate: string | null
	sex: 'male' | 'female'
	phone: string | null
}

export interface DemoSandboxOptions {
	/** The demo ward's size and seed: the sandbox's people are the ward's first residents. */
	demoWard: { residents: number; seed: number }
	/** The demo data generator's list of its residents, in order (server/demo). */
	listCitizens: (ward: { residents: number; seed: number }, count: number) => DemoCitizen[]
}

export interface MountedDemoSandbox {
	mount: { path: string; handler: express.RequestHandler }
	identities: SandboxIdentity[]
	/** What `npm start` prints under the demo accounts. */
	notes: string[]
}

/**
 * Runs the VNeID sandbox inside the app (demo mode) at /vneid-sandbox and points VNeID sign-in at it.
 * Its people are the demo ward's first residents (the first is the demo learner) and one person the
 * registry does not hold. Client credentials come from VNEID_CLIENT_ID/SECRET or are derived from
 * the installation's signing key, so they stay the same across restarts and never need configuring.
 */
export async function mountDemoVneidSandbox(
	services: AppServices,
	options: DemoSandboxOptions,
): Promise<MountedDemoSandbox> {
	const { env, keyring } = services
	const origin = env.PUBLIC_URL ? new URL(env.PUBLIC_URL).origin : `http://${urlHost(env.HOST)}:${env.PORT}`
	const issuer = `${origin}${SANDBOX_MOUNT_PATH}`
	const derive = (purpose: string) =>
		crypto.createHmac('sha256', keyring.signingKey).update(`vneid-sandbox:${purpose}`).digest('base64url')
	const clientId = env.VNEID_CLIENT_ID ?? 'hocvuso-demo'
	const clientSecret = env.VNEID_CLIENT_SECRET ?? derive('client-secret')

	const identities = await demoIdentities(services, options)
	const byId = new Map<string, SandboxIdentity>()
	const sandbox = await createVneidSandbox({
		issuer,
		client: {
			clientId,
			clientSecret,
			clientName: 'Bình dân học vụ số',
			redirectUris: redirectUris(origin, env.PUBLIC_URL === undefined ? env.PORT : undefined),
			homeUrl: `${origin}/dang-nhap`,
		},
		identities,
		// A number typed on the login page that belongs to a demo resident signs in as that resident.
		findIdentity(personalId) {
			if (byId.size === 0) {
				for (const citizen of options.listCitizens(options.demoWard, options.demoWard.residents)) {
					byId.set(citizen.personalId, toIdentity(citizen))
				}
			}
			return byId.get(personalId)
		},
		cookieKeys: [derive('cookies')],
		proxy: env.PUBLIC_URL !== undefined,
	})
	const issuerUrl = new URL(issuer)
	registerVneidSandboxConfig({
		issuer: issuerUrl,
		clientId,
		clientSecret,
		allowInsecureRequests: isLocalHttpIssuer(issuerUrl),
		sandbox: true,
	})
	return {
		mount: { path: SANDBOX_MOUNT_PATH, handler: sandbox.handler },
		identities,
		notes: demoNotes(identities, issuer),
	}
}

async function demoIdentities(
	services: AppServices,
	options: DemoSandboxOptions,
): Promise<SandboxIdentity[]> {
	const learner = demoAccounts.find((account) => account.role === 'learner')
	const citizens = options.listCitizens(options.demoWard, DEMO_SANDBOX_RESIDENTS)
	const known = citizens.map((citizen, index) => ({
		...toIdentity(citizen),
		noteVi:
			index === 0 && learner
				? `Người học mẫu (tài khoản ${learner.username}), có trong sổ theo dõi của phường`
				: 'Người dân có trong sổ theo dõi của phường',
	}))
	return [...known, await outsider(services)]
}

/** Someone from elsewhere whom the registry does not hold: the "not matched yet" case. */
async function outsider(services: AppServices): Promise<SandboxIdentity> {
	// 079 = Hồ Chí Minh City, 0 = male born in the 1900s, 90 = 1990.
	for (let serial = 246_810; ; serial++) {
		const personalId = `079090${serial}`
		const hash = lookupHash(services.keyring, 'personalId', personalId)
		const held = await services.db.query.residents.findFirst({
			columns: { id: true },
			where: eq(residents.personalIdHash, hash),
		})
		if (!held) {
			return {
				personalId,
				fullName: 'Phạm Minh Khang',
				birthDate: '1990-09-02',
				sex: 'male',
				phone: '0988246810',
				noteVi: 'Người nơi khác đến, chưa có trong sổ theo dõi của phường',
			}
		}
	}
}

function toIdentity(citizen: DemoCitizen): SandboxIdentity {
	return {
		personalId: citizen.personalId,
		fullName: citizen.fullName,
		birthDate: citizen.birthDate,
		sex: citizen.sex,
		phone: citizen.phone,
	}
}

function demoNotes(identities: SandboxIdentity[], issuer: string): string[] {
	const [learner] = identities
	const outsiderIdentity = identities.at(-1)
	return [
		'',
		'Đăng nhập bằng VNeID (môi trường thử nghiệm, không phải VNeID thật) / VNeID sandbox sign-in:',
		`  Trang đăng nhập → “Đăng nhập bằng VNeID” → chọn “${learner?.fullName}” (người học mẫu) → “Đồng ý chia sẻ”.`,
		`  Sign-in page → “Đăng nhập bằng VNeID” → pick “${learner?.fullName}” (the demo learner) → “Đồng ý chia sẻ”.`,
		`  “${outsiderIdentity?.fullName}”: người chưa có trong sổ theo dõi / someone not in the registry.`,
		`  Hoặc nhập số định danh của bất kỳ người dân mẫu nào, mật mã ${DEFAULT_SANDBOX_PASSCODE} / or type any demo resident's ID, passcode ${DEFAULT_SANDBOX_PASSCODE}.`,
		`  Nhà cung cấp / issuer: ${issuer}`,
	]
}

/** The address people type: a listening address of "all interfaces" means this machine. */
function urlHost(host: string): string {
	if (host === '0.0.0.0' || host === '::' || host === '') return 'localhost'
	return host.includes(':') ? `[${host}]` : host
}

/**
 * The callback on the public address; without PUBLIC_URL, also on the other names of this machine,
 * since the redirect URI follows the address the person typed (localhost or 127.0.0.1).
 */
function redirectUris(origin: string, localPort: number | undefined): string[] {
	const origins = new Set([origin])
	if (localPort !== undefined) {
		for (const host of ['localhost', '127.0.0.1']) origins.add(`http://${host}:${localPort}`)
	}
	return [...origins].map((o) => `${o}${VNEID_CALLBACK_PATH}`)
}
