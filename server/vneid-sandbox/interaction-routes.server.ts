import express from 'express'
import type { Interaction, Provider } from 'oidc-provider'
import { z } from 'zod'
import { cleanPersonalIdInput, validatePersonalId } from '#server/people/personal-id.ts'
import type { SandboxClient } from '#server/vneid-sandbox/create-sandbox.server.ts'
import type { SandboxIdentity } from '#server/vneid-sandbox/sandbox-identities.ts'
import {
	type LoginPageInput,
	renderConsentPage,
	renderErrorPage,
	renderLoginPage,
} from '#server/vneid-sandbox/sandbox-pages.server.ts'

export interface InteractionRouterOptions {
	provider: Provider
	basePath: string
	client: SandboxClient
	passcode: string
	identities: SandboxIdentity[]
	resolveIdentity(personalId: string): SandboxIdentity | undefined
}

const LoginFormSchema = z.object({
	method: z.enum(['pick', 'typed']),
	personalId: z
		.string()
		.default('')
		.transform((value) => cleanPersonalIdInput(value)),
	passcode: z.string().default(''),
})

const ConsentFormSchema = z.object({ sharePhone: z.literal('yes').optional() })

/** The sandbox's own pages for the login and consent prompts, served before oidc-provider's routes. */
export function createInteractionRouter(options: InteractionRouterOptions): express.Router {
	const { provider, basePath, client } = options
	const router = express.Router()
	const form = express.urlencoded({ extended: false, limit: '8kb' })
	const loginPage = (uid: string, extra: Partial<LoginPageInput> = {}) =>
		renderLoginPage({
			basePath,
			uid,
			clientName: client.clientName,
			identities: options.identities,
			passcode: options.passcode,
			...extra,
		})

	/** The interaction this browser is in, or undefined after answering with the "expired" page. */
	async function currentInteraction(req: express.Request, res: express.Response, expected?: string) {
		const interaction = await provider.interactionDetails(req, res).catch(() => undefined)
		if (
			interaction &&
			interaction.uid === req.params.uid &&
			(!expected || interaction.prompt.name === expected)
		) {
			return interaction
		}
		send(
			res,
			400,
			renderErrorPage({
				basePath,
				title: 'Phiên đăng nhập đã hết hạn',
				message:
					'Phiên đăng nhập thử nghiệm này đã hết hạn, đã hoàn tất hoặc được mở ở trình duyệt khác. Hãy quay lại ứng dụng và đăng nhập lại.',
				backUrl: client.homeUrl,
			}),
		)
		return undefined
	}

	router.get('/interaction/:uid', async (req, res) => {
		const interaction = await currentInteraction(req, res)
		if (!interaction) return
		if (interaction.prompt.name === 'login') return send(res, 200, loginPage(interaction.uid))
		const identity = options.resolveIdentity(interaction.session?.accountId ?? '')
		if (interaction.prompt.name === 'consent' && identity) {
			const scopes = String(interaction.params.scope ?? '').split(' ')
			return send(
				res,
				200,
				renderConsentPage({
					basePath,
					uid: interaction.uid,
					clientName: client.clientName,
					identity,
					scopes,
				}),
			)
		}
		send(
			res,
			400,
			renderErrorPage({
				basePath,
				title: 'Không thể tiếp tục đăng nhập',
				message: 'Môi trường thử nghiệm không hỗ trợ bước xác nhận mà ứng dụng yêu cầu.',
				detail: interaction.prompt.name,
				backUrl: client.homeUrl,
			}),
		)
	})

	router.post('/interaction/:uid/login', form, async (req, res) => {
		const interaction = await currentInteraction(req, res, 'login')
		if (!interaction) return
		const parsed = LoginFormSchema.safeParse(req.body)
		if (!parsed.success) return send(res, 400, loginPage(interaction.uid))
		const { method, personalId, passcode } = parsed.data
		if (method === 'pick' && !options.identities.some((i) => i.personalId === personalId)) {
			return send(res, 400, loginPage(interaction.uid))
		}
		const check = method === 'typed' ? validatePersonalId(personalId) : undefined
		if (check && !check.ok) {
			const error = { field: 'personalId' as const, message: `${check.error.messageVi}.` }
			return send(res, 400, loginPage(interaction.uid, { typedPersonalId: personalId, error }))
		}
		if (method === 'typed' && passcode !== options.passcode) {
			const error = { field: 'passcode' as const, message: 'Mật mã không đúng. Vui lòng nhập lại.' }
			return send(res, 400, loginPage(interaction.uid, { typedPersonalId: personalId, error }))
		}
		await forgetEarlierSignIn(provider, interaction)
		await provider.interactionFinished(
			req,
			res,
			{ login: { accountId: check?.ok ? check.personalId : personalId, remember: false } },
			{ mergeWithLastSubmission: false },
		)
	})

	router.post('/interaction/:uid/confirm', form, async (req, res) => {
		const interaction = await currentInteraction(req, res, 'consent')
		if (!interaction) return
		const accountId = interaction.session?.accountId
		if (!accountId) return send(res, 400, loginPage(interaction.uid))
		const sharePhone = ConsentFormSchema.safeParse(req.body).data?.sharePhone === 'yes'
		const grant =
			(interaction.grantId ? await provider.Grant.find(interaction.grantId) : undefined) ??
			new provider.Grant({ accountId, clientId: interaction.params.client_id })
		const details = interaction.prompt.details as {
			missingOIDCScope?: string[]
			missingOIDCClaims?: string[]
		}
		const scopes = details.missingOIDCScope ?? []
		const granted = scopes.filter((scope) => scope !== 'phone' || sharePhone)
		if (granted.length) grant.addOIDCScope(granted.join(' '))
		if (scopes.includes('phone') && !sharePhone) grant.rejectOIDCScope('phone')
		if (details.missingOIDCClaims?.length) grant.addOIDCClaims(details.missingOIDCClaims)
		const grantId = await grant.save()
		await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true })
	})

	router.post('/interaction/:uid/abort', form, async (req, res) => {
		const interaction = await currentInteraction(req, res)
		if (!interaction) return
		// error_description must be ASCII (RFC 6749 §5.2); the relying party shows its own Vietnamese text.
		await provider.interactionFinished(
			req,
			res,
			{ error: 'access_denied', error_description: 'End-User aborted interaction' },
			{ mergeWithLastSubmission: false },
		)
	})

	return router
}

/**
 * Every sign-in at the sandbox is a fresh authentication: a browser shared by several people (a
 * volunteer's phone at a community class) must never carry one person's sandbox session into the
 * next person's sign-in. Dropping the old session here also avoids oidc-provider's "log out first"
 * page, which needs JavaScript.
 */
async function forgetEarlierSignIn(provider: Provider, interaction: Interaction): Promise<void> {
	const sessionUid = interaction.session?.uid
	if (!sessionUid) return
	const session = await provider.Session.findByUid(sessionUid)
	await session?.destroy()
	interaction.session = undefined
	await interaction.save(interaction.exp - Math.floor(Date.now() / 1000))
}

function send(res: express.Response, status: number, page: string): void {
	res.status(status).type('html').send(page)
}
