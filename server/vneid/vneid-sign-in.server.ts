import type { AppServices } from '#server/app-services.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { createSession } from '#server/identity/session.server.ts'
import { hitRateLimit, type RateLimitRule } from '#server/security/rate-limit.server.ts'
import { linkVneidAccount, type VneidAccount } from '#server/vneid/link-vneid-account.server.ts'
import { completeVneidSignIn, startVneidSignIn } from '#server/vneid/vneid-client.server.ts'
import { resolveVneidConfig, vneidRedirectUri } from '#server/vneid/vneid-config.server.ts'
import { VneidSignInError } from '#server/vneid/vneid-errors.ts'

/**
 * Sign-ins started from one address: generous, since a whole community class may sit behind the
 * ward's one Internet connection, but each start writes a row, so not unlimited.
 */
export const VNEID_STARTS_PER_IP: RateLimitRule = { limit: 200, windowMs: 15 * 60 * 1000 }

interface RequestInfo {
	requestUrl: string
	ip: string | null
	requestId: string
}

function configOrFail(services: AppServices) {
	const config = resolveVneidConfig(services.env)
	if (!config) throw new VneidSignInError('notConfigured')
	return config
}

/** Step 1: where to send the browser, and the state to remember in its cookie. */
export async function beginVneidSignIn(
	services: AppServices,
	input: RequestInfo & { returnTo: string | null },
): Promise<{ location: string; state: string }> {
	const config = configOrFail(services)
	const starts = await hitRateLimit(
		services.db,
		`vneid:start:ip:${input.ip ?? 'unknown'}`,
		VNEID_STARTS_PER_IP,
	)
	if (starts.count > VNEID_STARTS_PER_IP.limit) throw new VneidSignInError('rateLimited')
	const started = await startVneidSignIn(services.db, config, {
		redirectUri: vneidRedirectUri(services.env, input.requestUrl),
		returnTo: input.returnTo,
	})
	return { location: started.authorizationUrl.href, state: started.state }
}

export interface FinishedVneidSignIn {
	account: VneidAccount
	session: { token: string; expiresAt: Date }
	returnTo: string | null
}

/** Step 2, at the callback: check the answer, find or create the account, open a session. */
export async function finishVneidSignIn(
	services: AppServices,
	input: RequestInfo & { browserState: string | null; userAgent: string | null },
): Promise<FinishedVneidSignIn> {
	const config = configOrFail(services)
	const { identity, returnTo } = await completeVneidSignIn(services.db, config, {
		callbackUrl: new URL(input.requestUrl),
		browserState: input.browserState ?? undefined,
		redirectUri: vneidRedirectUri(services.env, input.requestUrl),
	})
	const audit = { ip: input.ip, requestId: input.requestId }
	const account = await linkVneidAccount(services, identity, audit)
	const session = await createSession(services, {
		userId: account.userId,
		ip: input.ip,
		userAgent: input.userAgent,
	})
	await recordAudit(services.db, {
		...audit,
		actor: { userId: account.userId, label: null, wardId: account.wardId },
		action: 'auth.signIn',
		entityType: 'user',
		entityId: account.userId,
		details: { method: config.sandbox ? 'vneidSandbox' : 'vneid', outcome: account.outcome },
	})
	return { account, session, returnTo }
}
