import { z } from 'zod'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#server/identity/password-rules.ts'

/** A new password: length limits only (NIST SP 800-63B), no composition rules. Messages are i18n keys. */
export const NewPasswordSchema = z
	.string({ error: 'account.error.required' })
	.min(PASSWORD_MIN_LENGTH, 'account.error.tooShort')
	.max(PASSWORD_MAX_LENGTH, 'account.error.tooLong')

/** The account page's "change password" form. */
export const ChangePasswordFormSchema = z
	.object({
		intent: z.literal('changePassword'),
		currentPassword: z.string({ error: 'account.error.required' }).min(1, 'account.error.required'),
		newPassword: NewPasswordSchema,
		confirmPassword: z.string({ error: 'account.error.required' }),
	})
	.refine((v) => v.newPassword === v.confirmPassword, {
		message: 'account.error.mismatch',
		path: ['confirmPassword'],
	})
	.refine((v) => v.newPassword !== v.currentPassword, {
		message: 'account.error.sameAsOld',
		path: ['newPassword'],
	})
