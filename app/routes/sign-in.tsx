import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link, redirect } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { TextField } from '#app/components/text-field.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { formatTime } from '#app/utils/format-date.ts'
import { safeRedirectPath } from '#app/utils/safe-redirect.ts'
import { getCurrentUser } from '#server/identity/current-user.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { destroySession, serializeSessionCookie } from '#server/identity/session.server.ts'
import { signInWithPassword } from '#server/identity/sign-in-with-password.server.ts'
import type { Route } from './+types/sign-in'

// Account data, temporary passwords and the audit trail are never kept by a browser or proxy cache.
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

export const meta: Route.MetaFunction = () => [{ title: 'Đăng nhập — Bình dân học vụ số' }]

const SignInFormSchema = z.object({
	identifier: z
		.string({ error: 'signIn.error.identifierRequired' })
		.trim()
		.min(1, 'signIn.error.identifierRequired')
		.max(200),
	password: z
		.string({ error: 'signIn.error.passwordRequired' })
		.min(1, 'signIn.error.passwordRequired')
		.max(200),
	returnTo: z.string().max(2000).optional(),
})

const notices = {
	'da-dang-xuat': 'signIn.signedOut',
	'da-dang-xuat-moi-noi': 'signIn.signedOutEverywhere',
} as const

/** `/dang-nhap`: anyone may open it; someone already signed in goes straight on. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const url = new URL(request.url)
	const returnTo = url.searchParams.get('returnTo')
	if (await getCurrentUser(request, context)) throw redirect(safeRedirectPath(returnTo))
	const notice = notices[url.searchParams.get('thongBao') as keyof typeof notices] ?? null
	return { returnTo: returnTo ? safeRedirectPath(returnTo) : null, notice }
}

type SignInError = { key: MessageKey; until?: Date; minutes?: number }

/** Username/phone + password; every failure answers with the same words whether the account exists or not. */
export async function action({ request, context }: Route.ActionArgs) {
	const formData = await readCsrfCheckedForm(request, context)
	const submission = parseWithZod(formData, { schema: SignInFormSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: ['password'] }), error: null }, { status: 400 })
	}
	const { identifier, password, returnTo } = submission.value
	const result = await signInWithPassword(context.app, {
		identifier,
		password,
		ip: context.clientIp,
		userAgent: request.headers.get('User-Agent'),
		requestId: context.requestId,
	})
	if (result.status === 'ok') {
		// A fresh session every sign-in (no fixation); a session already open in this browser ends.
		const previous = await getCurrentUser(request, context)
		if (previous) await destroySession(context.app, previous.sessionId)
		return redirect(safeRedirectPath(returnTo), {
			headers: { 'Set-Cookie': serializeSessionCookie(result.token, result.expiresAt, request) },
		})
	}
	const minutes =
		'until' in result ? Math.max(1, Math.ceil((result.until.getTime() - Date.now()) / 60_000)) : 0
	const error: SignInError =
		result.status === 'locked'
			? { key: 'signIn.error.locked', until: result.until, minutes }
			: result.status === 'rateLimited'
				? { key: 'signIn.error.rateLimited', until: result.until, minutes }
				: result.status === 'disabled'
					? { key: 'signIn.error.disabled' }
					: { key: 'signIn.error.invalid' }
	const status = result.status === 'rateLimited' || result.status === 'locked' ? 429 : 400
	return data({ result: submission.reply({ hideFields: ['password'] }), error }, { status })
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const [form, fields] = useForm<z.input<typeof SignInFormSchema>>({ lastResult: actionData?.result })
	const error = actionData?.error
	const vneidHref = loaderData.returnTo
		? `/dang-nhap/vneid?returnTo=${encodeURIComponent(loaderData.returnTo)}`
		: '/dang-nhap/vneid'
	return (
		<div className="stack sign-in">
			<h1>{t('signIn.title')}</h1>
			{loaderData.notice ? (
				<p className="notice" role="status">
					{t(loaderData.notice)}
				</p>
			) : loaderData.returnTo ? (
				<p className="notice">{t('signIn.required')}</p>
			) : null}
			<section aria-labelledby="citizen-title" className="card sign-in__vneid">
				<h2 id="citizen-title">{t('signIn.citizenTitle')}</h2>
				<p>{t('signIn.citizenIntro')}</p>
				{/* A plain link so it works without JavaScript; the VNeID route starts the OpenID Connect flow. */}
				<a className="button" href={vneidHref}>
					{t('signIn.vneidButton')}
				</a>
			</section>
			<section aria-labelledby="staff-title" className="card">
				<h2 id="staff-title">{t('signIn.staffTitle')}</h2>
				<p>{t('signIn.staffIntro')}</p>
				<Form method="post" className="form" {...getFormProps(form)}>
					<CsrfInput />
					{loaderData.returnTo ? <input type="hidden" name="returnTo" value={loaderData.returnTo} /> : null}
					{error ? (
						<p className="form-error" role="alert" id={form.errorId}>
							{t(
								error.key,
								error.until
									? { time: formatTime(locale, error.until), minutes: error.minutes ?? 1 }
									: undefined,
							)}
						</p>
					) : null}
					<TextField
						meta={fields.identifier}
						label={t('signIn.identifier')}
						autoComplete="username"
						autoCapitalize="none"
						spellCheck={false}
						required
					/>
					<TextField
						meta={fields.password}
						label={t('signIn.password')}
						type="password"
						autoComplete="current-password"
						required
					/>
					<p>
						<button type="submit" className="primary">
							{t('signIn.submit')}
						</button>
					</p>
				</Form>
				<p className="hint">{t('signIn.forgot')}</p>
			</section>
			<p>
				<Link to="/">{t('error.backHome')}</Link>
			</p>
		</div>
	)
}
