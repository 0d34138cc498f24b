import { z } from 'zod'
import { roleDefinitions } from '#server/identity/permissions.ts'
import { type Role, roles } from '#server/identity/schema.ts'
import { normalizePhone } from '#server/security/personal-data.server.ts'

/** Lower-case ASCII, digits, dot, hyphen, underscore: typeable on any phone keyboard. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{3,32}$/

const optionalId = z
	.string()
	.optional()
	.transform((v) => v || undefined)
	.pipe(z.uuid().optional())

/** Role with the residential group or organisation chosen beside it (messages are i18n keys). */
export const RoleScopeFields = {
	role: z.enum(roles, { error: 'admin.error.required' }),
	residentialGroupId: optionalId,
	organizationId: optionalId,
}

/** The administrator's "create account" form. */
export const CreateAccountFormSchema = z.object({
	displayName: z.string({ error: 'admin.error.required' }).trim().min(1, 'admin.error.required').max(120),
	username: z
		.string({ error: 'admin.error.required' })
		.trim()
		.toLowerCase()
		.regex(USERNAME_PATTERN, 'admin.error.usernameFormat'),
	phone: z
		.string()
		.trim()
		.max(20)
		.refine((v) => /^0\d{9}$/.test(normalizePhone(v)), 'admin.error.phoneFormat')
		.optional(),
	...RoleScopeFields,
})

/** The "add role" form on an account's page. */
export const GrantRoleFormSchema = z.object({ intent: z.literal('grantRole'), ...RoleScopeFields })

/** The scope id a role needs from the two pickers: a residential group, an organisation, or none. */
export function scopeIdFromForm(
	role: Role,
	value: { residentialGroupId?: string; organizationId?: string },
): string | null {
	const kind = roleDefinitions[role].scopeKinds[0]
	if (kind === 'residentialGroup') return value.residentialGroupId ?? null
	if (kind === 'organization') return value.organizationId ?? null
	return null
}
