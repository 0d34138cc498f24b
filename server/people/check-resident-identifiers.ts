import type { Locale } from '#app/i18n/translate.ts'
import { parsePhone } from '#server/people/import/parse-phone.ts'
import { validatePersonalId } from '#server/people/personal-id.ts'

export interface IdentifierCheck {
	personalId?: string
	phone?: string
	fieldErrors: Record<string, string[]>
}

/**
 * Validates a personal ID (against the sex and birth year beside it) and a phone number typed in a
 * form, with the same rules as the spreadsheet import; errors come back in the viewer's language.
 */
export function checkResidentIdentifiers(
	input: { personalId?: string; phone?: string; sex: 'male' | 'female'; birthYear: number },
	locale: Locale,
): IdentifierCheck {
	const fieldErrors: Record<string, string[]> = {}
	const result: IdentifierCheck = { fieldErrors }
	if (input.personalId) {
		const check = validatePersonalId(input.personalId, { sex: input.sex, birthYear: input.birthYear })
		if (check.ok) result.personalId = check.personalId
		else fieldErrors.personalId = [locale === 'vi' ? check.error.messageVi : check.error.messageEn]
	}
	if (input.phone) {
		const phone = parsePhone(input.phone)
		if (phone.ok && phone.value) result.phone = phone.value
		else if (!phone.ok) fieldErrors.phone = [locale === 'vi' ? phone.messageVi : phone.messageEn]
	}
	return result
}
