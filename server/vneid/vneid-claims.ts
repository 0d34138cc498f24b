import { z } from 'zod'
import { normalizePhone } from '#server/security/personal-data.server.ts'
import { VneidSignInError } from '#server/vneid/vneid-errors.ts'

/** Who VNeID says signed in: what hocvuso uses from the ID token and the userinfo response. */
export interface VneidIdentity {
	/** 12-digit personal ID number (số định danh cá nhân). Never stored in clear. */
	personalId: string
	fullName: string | null
	/** YYYY-MM-DD, or YYYY when only the year is known. */
	birthDate: string | null
	sex: 'male' | 'female' | null
	/** National form 0xxxxxxxxx, only when the person agreed to share it. */
	phone: string | null
}

const PERSONAL_ID = /^\d{12}$/

const text = z.string().trim().min(1).max(200).optional().catch(undefined)

/** The claims hocvuso reads; anything else VNeID sends is ignored. Wrong shapes become "absent". */
export const VneidClaimsSchema = z.object({
	sub: z.string().min(1),
	personal_id: z.string().trim().optional().catch(undefined),
	name: text,
	birthdate: z
		.string()
		.regex(/^\d{4}(-\d{2}-\d{2})?$/)
		.optional()
		.catch(undefined),
	gender: z.string().optional().catch(undefined),
	phone_number: z.string().optional().catch(undefined),
})

/**
 * Maps the provider's claims to a VneidIdentity. The personal ID comes from `personal_id`, or from
 * `sub` when the issuer uses the personal ID as the subject (the sandbox does both).
 */
export function readVneidIdentity(claims: Record<string, unknown>): VneidIdentity {
	const parsed = VneidClaimsSchema.safeParse(claims)
	if (!parsed.success) throw new VneidSignInError('missingPersonalId', { cause: parsed.error })
	const { sub, personal_id, name, birthdate, gender, phone_number } = parsed.data
	const personalId =
		personal_id && PERSONAL_ID.test(personal_id) ? personal_id : PERSONAL_ID.test(sub) ? sub : null
	if (!personalId) throw new VneidSignInError('missingPersonalId')
	return {
		personalId,
		fullName: name ?? null,
		birthDate: birthdate ?? null,
		sex: readSex(gender),
		phone: readPhone(phone_number),
	}
}

function readSex(gender: string | undefined): VneidIdentity['sex'] {
	const value = gender?.trim().toLowerCase()
	if (value === 'male' || value === 'nam') return 'male'
	if (value === 'female' || value === 'nữ' || value === 'nu') return 'female'
	return null
}

/** "+84 912 345 678" or "0912345678" → "0912345678"; anything else is dropped. */
function readPhone(phone: string | undefined): string | null {
	if (!phone) return null
	const national = normalizePhone(phone)
	return /^0\d{9}$/.test(national) ? national : null
}
