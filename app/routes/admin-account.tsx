import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link } from 'react-router'
import { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { useDescribeRole } from '#app/components/role-list.tsx'
import { RoleScopeFields } from '#app/components/role-scope-fields.tsx'
import { TemporaryPasswordNotice } from '#app/components/temporary-password-notice.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import type { MessageKey } from '#app/i18n/vi.ts'
import { formatDateTime } from '#app/utils/format-date.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { GrantRoleFormSchema, scopeIdFromForm } from '#server/identity/account-form-schemas.ts'
import { readUserAccount } from '#server/identity/list-user-accounts.server.ts'
import { resetUserPassword, setAccountStatus } from '#server/identity/manage-account.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { grantRole, revokeRole } from '#server/identity/role-assignments.server.ts'
import { roles } from '#server/identity/schema.ts'
import { listScopeOptions } from '#server/identity/scope-options.server.ts'
import type { Route } from './+types/admin-account'

// Account data, temporary passwords and the audit trail are never kept by a browser or proxy cache.
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

export const meta: Route.MetaFunction = ({ data }) => [
	{ title: `${data?.account.displayName ?? 'Tài khoản'} — Quản lý tài khoản` },
]

const UserIdSchema = z.uuid()

function notFound() {
	return data(null, { status: 404 })
}

/** `/quan-tri/tai-khoan/:userId`: one account's roles, password and status. */
export async function loader({ request, context, params }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'accounts.manage')
	const userId = UserIdSchema.safeParse(params.userId)
	if (!userId.success) throw notFound()
	const account = await readUserAccount(context.app.db, user.wardId, userId.data)
	if (!account) throw notFound()
	const options = await listScopeOptions(context.app.db, user.wardId)
	return { account, choices: { roles, ...options }, isSelf: account.id === user.id, now: new Date() }
}

type Outcome = { notice?: MessageKey; error?: MessageKey; temporaryPassword?: string }

export async function action({ request, context, params }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'accounts.manage')
	const formData = await readCsrfCheckedForm(request, context)
	const userId = UserIdSchema.safeParse(params.userId)
	if (!userId.success) throw notFound()
	const audit = requestAudit(context, user)
	const target = { wardId: user.wardId, userId: userId.data }
	const intent = formData.get('intent')
	const reply = (outcome: Outcome, status = 200) => data({ outcome, result: null }, { status })
	if (intent === 'grantRole') {
		const submission = parseWithZod(formData, { schema: GrantRoleFormSchema })
		if (submission.status !== 'success')
			return data({ outcome: {}, result: submission.reply() }, { status: 400 })
		const { role } = submission.value
		const granted = await grantRole(context.app, audit, {
			...target,
			role,
			scopeId: scopeIdFromForm(role, submission.value),
		})
		if (!granted.ok && granted.error === 'notFound') throw notFound()
		return granted.ok
			? reply({ notice: 'admin.account.roleGranted' })
			: reply({ error: `admin.error.${granted.error}` as MessageKey }, 400)
	}
	if (intent === 'revokeRole') {
		const assignmentId = UserIdSchema.safeParse(formData.get('assignmentId'))
		if (!assignmentId.success) return reply({ error: 'error.badRequest.body' }, 400)
		const revoked = await revokeRole(context.app, audit, {
			wardId: user.wardId,
			assignmentId: assignmentId.data,
		})
		if (!revoked.ok && revoked.error === 'notFound') throw notFound()
		return revoked.ok
			? reply({ notice: 'admin.account.roleRevoked' })
			: reply({ error: 'admin.error.lastAdmin' }, 400)
	}
	if (intent === 'resetPassword') {
		const reset = await resetUserPassword(context.app, audit, target)
		if (!reset.ok) throw notFound()
		return reply({ notice: 'admin.account.passwordReset', temporaryPassword: reset.temporaryPassword })
	}
	if (intent === 'disable' || intent === 'enable') {
		const changed = await setAccountStatus(context.app, audit, {
			...target,
			status: intent === 'disable' ? 'disabled' : 'active',
		})
		if (!changed.ok && changed.error === 'notFound') throw notFound()
		if (!changed.ok) return reply({ error: `admin.error.${changed.error}` as MessageKey }, 400)
		return reply({ notice: intent === 'disable' ? 'admin.account.disabled' : 'admin.account.enabled' })
	}
	return reply({ error: 'error.badRequest.body' }, 400)
}

export default function AdminAccount({ loaderData, actionData }: Route.ComponentProps) {
	const { t, locale } = useTranslate()
	const describe = useDescribeRole()
	const { account } = loaderData
	const outcome = actionData?.outcome as Outcome | undefined
	const [form, fields] = useForm<z.input<typeof GrantRoleFormSchema>>({
		lastResult: actionData?.result,
		id: 'grant-role',
	})
	const locked = account.lockedUntil && new Date(account.lockedUntil) > new Date(loaderData.now)
	return (
		<div className="stack">
			<p>
				<Link to="/quan-tri/tai-khoan">{t('admin.accounts.backToList')}</Link>
			</p>
			<h1>{account.displayName}</h1>
			{outcome?.notice ? (
				<p className="notice" role="status">
					{t(outcome.notice)}
				</p>
			) : null}
			{outcome?.error ? (
				<p className="form-error" role="alert">
					{t(outcome.error)}
				</p>
			) : null}
			{outcome?.temporaryPassword ? <TemporaryPasswordNotice password={outcome.temporaryPassword} /> : null}
			<dl className="facts">
				<dt>{t('account.username')}</dt>
				<dd>{account.username ?? '—'}</dd>
				<dt>{t('admin.accounts.status')}</dt>
				<dd>
					{account.status === 'disabled'
						? t('admin.accounts.statusDisabled')
						: locked && account.lockedUntil
							? t('admin.accounts.lockedUntil', { time: formatDateTime(locale, account.lockedUntil) })
							: t('admin.accounts.statusActive')}
				</dd>
				<dt>{t('admin.accounts.lastLogin')}</dt>
				<dd>
					{account.lastLoginAt ? formatDateTime(locale, account.lastLoginAt) : t('admin.accounts.never')}
				</dd>
			</dl>
			<section aria-labelledby="roles-title" className="stack">
				<h2 id="roles-title">{t('admin.account.rolesTitle')}</h2>
				{account.roles.length === 0 ? <p>{t('account.noRoles')}</p> : null}
				<ul className="role-rows">
					{account.roles.map((grant) => (
						<li key={grant.id}>
							<span>{describe(grant)}</span>
							<Form method="post">
								<CsrfInput />
								<input type="hidden" name="assignmentId" value={grant.id} />
								<button
									type="submit"
									name="intent"
									value="revokeRole"
									className="secondary"
									aria-label={t('admin.account.revokeLabel', { role: describe(grant) })}
								>
									{t('admin.account.revoke')}
								</button>
							</Form>
						</li>
					))}
				</ul>
				<Form method="post" className="form" {...getFormProps(form)}>
					<CsrfInput />
					<input type="hidden" name="intent" value="grantRole" />
					<RoleScopeFields fields={fields} choices={loaderData.choices} />
					<p>
						<button type="submit" className="primary">
							{t('admin.account.addRole')}
						</button>
					</p>
				</Form>
			</section>
			{account.hasPassword || account.username ? (
				<section aria-labelledby="password-title">
					<h2 id="password-title">{t('admin.account.passwordTitle')}</h2>
					<Form method="post" className="form">
						<CsrfInput />
						<p className="hint" id="reset-hint">
							{t('admin.account.resetHint')}
						</p>
						<p>
							<button
								type="submit"
								name="intent"
								value="resetPassword"
								className="secondary"
								aria-describedby="reset-hint"
							>
								{t('admin.account.resetPassword')}
							</button>
						</p>
					</Form>
				</section>
			) : null}
			{loaderData.isSelf ? null : (
				<section aria-labelledby="status-title">
					<h2 id="status-title">{t('admin.account.statusTitle')}</h2>
					<Form method="post" className="form">
						<CsrfInput />
						<p className="hint" id="status-hint">
							{t('admin.account.disableHint')}
						</p>
						<p>
							{account.status === 'active' ? (
								<button
									type="submit"
									name="intent"
									value="disable"
									className="secondary"
									aria-describedby="status-hint"
								>
									{t('admin.account.disable')}
								</button>
							) : (
								<button type="submit" name="intent" value="enable" className="primary">
									{t('admin.account.enable')}
								</button>
							)}
						</p>
					</Form>
				</section>
			)}
		</div>
	)
}
