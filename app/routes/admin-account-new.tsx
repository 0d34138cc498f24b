import { getFormProps, useForm } from '@conform-to/react'
import { parseWithZod } from '@conform-to/zod/v4'
import { data, Form, Link } from 'react-router'
import type { z } from 'zod'
import { CsrfInput } from '#app/components/csrf-input.tsx'
import { RoleScopeFields } from '#app/components/role-scope-fields.tsx'
import { TemporaryPasswordNotice } from '#app/components/temporary-password-notice.tsx'
import { TextField } from '#app/components/text-field.tsx'
import { useTranslate } from '#app/i18n/use-translate.ts'
import { requestAudit } from '#server/audit/request-audit.server.ts'
import { CreateAccountFormSchema, scopeIdFromForm } from '#server/identity/account-form-schemas.ts'
import { createUserAccount } from '#server/identity/create-user-account.server.ts'
import { requirePermission } from '#server/identity/policy.server.ts'
import { readCsrfCheckedForm } from '#server/identity/require-csrf.server.ts'
import { roles } from '#server/identity/schema.ts'
import { listScopeOptions } from '#server/identity/scope-options.server.ts'
import type { Route } from './+types/admin-account-new'

// Account data, temporary passwords and the audit trail are never kept by a browser or proxy cache.
export const headers: Route.HeadersFunction = () => ({ 'Cache-Control': 'no-store' })

export const meta: Route.MetaFunction = () => [{ title: 'Tạo tài khoản — Bình dân học vụ số' }]

/** `/quan-tri/tai-khoan/tao-moi`: create a staff, volunteer, instructor or auditor account. */
export async function loader({ request, context }: Route.LoaderArgs) {
	const user = await requirePermission(request, context, 'accounts.manage')
	const options = await listScopeOptions(context.app.db, user.wardId)
	return { choices: { roles, ...options } }
}

export async function action({ request, context }: Route.ActionArgs) {
	const user = await requirePermission(request, context, 'accounts.manage')
	const formData = await readCsrfCheckedForm(request, context)
	const submission = parseWithZod(formData, { schema: CreateAccountFormSchema })
	if (submission.status !== 'success') {
		return data({ result: submission.reply(), created: null }, { status: 400 })
	}
	const value = submission.value
	const created = await createUserAccount(context.app, requestAudit(context, user), {
		wardId: user.wardId,
		username: value.username,
		displayName: value.displayName,
		phone: value.phone || null,
		role: value.role,
		scopeId: scopeIdFromForm(value.role, value),
	})
	if (!created.ok) {
		const field = { usernameTaken: 'username', phoneTaken: 'phone', invalidScope: 'role' }[created.error]
		const result = submission.reply({ fieldErrors: { [field]: [`admin.error.${created.error}`] } })
		return data({ result, created: null }, { status: 400 })
	}
	return {
		result: submission.reply({ resetForm: true }),
		created: {
			userId: created.userId,
			username: value.username,
			temporaryPassword: created.temporaryPassword,
		},
	}
}

export default function AdminAccountNew({ loaderData, actionData }: Route.ComponentProps) {
	const { t } = useTranslate()
	const [form, fields] = useForm<z.input<typeof CreateAccountFormSchema>>({ lastResult: actionData?.result })
	const created = actionData?.created
	return (
		<div className="stack">
			<p>
				<Link to="/quan-tri/tai-khoan">{t('admin.accounts.backToList')}</Link>
			</p>
			<h1>{t('admin.create.title')}</h1>
			{created ? (
				<section aria-labelledby="created-title" className="stack">
					<h2 id="created-title">{t('admin.create.created', { username: created.username })}</h2>
					{created.temporaryPassword ? (
						<TemporaryPasswordNotice password={created.temporaryPassword} />
					) : null}
					<p>
						<Link to={`/quan-tri/tai-khoan/${created.userId}`}>{t('admin.create.viewAccount')}</Link>
					</p>
				</section>
			) : null}
			<p>{t('admin.create.intro')}</p>
			<Form method="post" className="form" {...getFormProps(form)}>
				<CsrfInput />
				<TextField
					meta={fields.displayName}
					label={t('admin.create.displayName')}
					autoComplete="off"
					required
				/>
				<TextField
					meta={fields.username}
					label={t('admin.create.username')}
					hint={t('admin.create.usernameHint')}
					autoComplete="off"
					autoCapitalize="none"
					spellCheck={false}
					required
				/>
				<TextField
					meta={fields.phone}
					label={t('admin.create.phone')}
					hint={t('admin.create.phoneHint')}
					type="tel"
					autoComplete="off"
				/>
				<RoleScopeFields fields={fields} choices={loaderData.choices} />
				<p>
					<button type="submit" className="primary">
						{t('admin.create.submit')}
					</button>
				</p>
			</Form>
		</div>
	)
}
