import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, redirect } from 'react-router'
import type { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { MyDataSection } from '#app/components/privacy/my-data-section.tsx'
import { RoleList } from '#app/components/role-list.tsx'
import { TextField } from '#app/components/text-field.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { describeUserAgent } from '#app/utils/describe-user-agent.ts'
import { formatDateTime } from '#app/utils/format-date.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { changeOwnPassword } from '#server/identity/change-own-password.server.ts'
import { readUserAccount } from '#server/identity/list-user-accounts.server.ts'
import { ChangePasswordFormSchema } from '#server/identity/password-form-schemas.ts'
import { PASSWORD_MIN_LENGTH } from '#server/identity/password-rules.ts'
import { forbidden, requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import {
	clearSessionCookie,
	destroyAllSessionsForUser,
	listSessionsForUser,
} from '#server/identity/session.server.ts'
import { ConsentFormSchema, readConsents, recordConsent } from '#server/privacy/consent.server.ts'
import type { Route } from './+types/account'

// Account data, temporary passwords and the audit trail are never kept by a browser or proxy cache.
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

export const meta: Route.MetaFunction = () => [{ title: 'Tài khoản của tôi — Bình dân học vụ số' }]

/** `/tai-khoan`: one's own account, password and sessions. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'account.self')
	const account = await readUserAccount(context.app.db, user.wardId, user.id)
	if (!account) throw forbidden()
	const sessions = await listSessionsForUser(context.app.db, user.id)
	return {
		consents: user.residentId ? await readConsents(context.app.db, user.residentId) : null,
		account: {
			displayName: account.displayName,
			username: account.username,
			roles: account.roles.map(({ role, scopeKind, scopeName }) => ({ role, scopeKind, scopeName })),
			hasPassword: account.hasPassword,
			mustChangePassword: account.mustChangePassword,
		},
		sessions: sessions.map((s) => ({
			id: s.id,
			createdAt: s.createdAt,
			lastSeenAt: s.lastSeenAt,
			device: describeUserAgent(s.userAgent),
			current: s.id === user.sessionId,
		})),
	}
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'account.self')
	const formData = await readCsrfCheckedForm(request, context)
	const audit = requestAudit(context, user)
	if (formData.get('intent') === 'consent') {
		// The person's own choice, online: purpose and decision only (no note).
		const parsed = ConsentFormSchema.safeParse({
			purpose: formData.get('purpose'),
			decision: formData.get('decision'),
			method: 'online',
		})
		if (!parsed.success || !user.residentId) throw data(null, { status: 400 })
		const outcome = await recordConsent(context.app.db, {
			...parsed.data,
			wardId: user.wardId,
			residentId: user.residentId,
			recordedBy: user.id,
			actor: audit.actor,
		})
		if (outcome === 'notFound') throw data(null, { status: 404 })
		return redirect('/tai-khoan#my-data-title')
	}
	if (formData.get('intent') === 'signOutEverywhere') {
		await destroyAllSessionsForUser(context.app, user.id)
		await recordAudit(context.app.db, {
			...audit,
			action: 'auth.signOutEverywhere',
			entityType: 'user',
			entityId: user.id,
		})
		return redirect('/dang-nhap?thongBao=da-dang-xuat-moi-noi', {
			headers: { 'Set-Cookie': clearSessionCookie(request) },
		})
	}
	const submission = parseWithZod(formData, { schema: ChangePasswordFormSchema })
	const hidden = ['currentPassword', 'newPassword', 'confirmPassword']
	if (submission.status !== 'success') {
		return data({ result: submission.reply({ hideFields: hidden }), changed: null }, { status: 400 })
	}
	const changed = await changeOwnPassword(context.app, audit, {
		userId: user.id,
		sessionId: user.sessionId,
		currentPassword: submission.value.currentPassword,
		newPassword: submission.value.newPassword,
	})
	if (!changed.ok) {
		const result = submission.reply({
			fieldErrors: { currentPassword: ['account.error.wrongPassword'] },
			hideFields: hidden,
		})
		return data({ result, changed: null }, { status: 400 })
	}
	return {
		result: submission.reply({ resetForm: true }),
		changed: { otherSessions: changed.otherSessionsEnded },
	}
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const { account, sessions, consents } = loaderData
	const [form, fields] = useForm<z.input<typeof ChangePasswordFormSchema>>({ lastResult: actionData?.result })
	return (
		<div className="stack">
			<h1>{t('account.title')}</h1>
			{account.mustChangePassword ? (
				<p className="form-error" role="alert">
					{t('account.mustChange')}
				</p>
			) : null}
			<dl className="facts">
				<dt>{t('account.name')}</dt>
				<dd>{account.displayName}</dd>
				{account.username ? (
					<>
						<dt>{t('account.username')}</dt>
						<dd>{account.username}</dd>
					</>
				) : null}
				<dt>{t('account.roles')}</dt>
				<dd>
					<RoleList roles={account.roles} />
				</dd>
			</dl>
			<section aria-labelledby="password-title">
				<h2 id="password-title">{t('account.passwordTitle')}</h2>
				{actionData?.changed ? (
					<p className="notice" role="status">
						{t('account.passwordChanged', { count: actionData.changed.otherSessions })}
					</p>
				) : null}
				{account.hasPassword ? (
					<Form method="post" className="form" {...getFormProps(form)}>
						<CsrfInput />
						<input type="hidden" name="intent" value="changePassword" />
						<TextField
							meta={fields.currentPassword}
							label={t('account.currentPassword')}
							type="password"
							autoComplete="current-password"
							required
						/>
						<TextField
							meta={fields.newPassword}
							label={t('account.newPassword')}
							hint={t('account.passwordHint', { min: PASSWORD_MIN_LENGTH })}
							type="password"
							autoComplete="new-password"
							required
						/>
						<TextField
							meta={fields.confirmPassword}
							label={t('account.confirmPassword')}
							type="password"
							autoComplete="new-password"
							required
						/>
						<p>
							<button type="submit" className="primary">
								{t('account.changePassword')}
							</button>
						</p>
					</Form>
				) : (
					<p>{t('account.noPassword')}</p>
				)}
			</section>
			<section aria-labelledby="sessions-title">
				<h2 id="sessions-title">{t('account.sessionsTitle')}</h2>
				<div className="table-scroll">
					<table>
						<thead>
							<tr>
								<th scope="col">{t('account.sessionStarted')}</th>
								<th scope="col">{t('account.sessionLastSeen')}</th>
								<th scope="col">{t('account.sessionDevice')}</th>
							</tr>
						</thead>
						<tbody>
							{sessions.map((s) => (
								<tr key={s.id}>
									<td>{formatDateTime(locale, s.createdAt)}</td>
									<td>{formatDateTime(locale, s.lastSeenAt)}</td>
									<td>
										{s.device ?? t('account.unknownDevice')}
										{s.current ? ` (${t('account.thisSession')})` : null}
									</td>
								</tr>
							))}
						</tbody>
					</table>
				</div>
				<Form method="post" className="form">
					<CsrfInput />
					<p className="hint" id="sign-out-everywhere-hint">
						{t('account.signOutEverywhereHint')}
					</p>
					<p>
						<button
							type="submit"
							name="intent"
							value="signOutEverywhere"
							className="secondary"
							aria-describedby="sign-out-everywhere-hint"
						>
							{t('account.signOutEverywhere')}
						</button>
					</p>
				</Form>
			</section>
			<MyDataSection consents={consents} />
		</div>
	)
}
