import { decodePersonalId } from '#server/people/personal-id.ts'

/** A person the VNeID sandbox can sign in as. Every value is fictitious (demo data or made up). */
export interface SandboxIdentity {
	personalId: string
	fullName: string
	/** ISO date (YYYY-MM-DD), or only the year (YYYY) as OpenID Connect allows. */
	birthDate: string | null
	sex: 'male' | 'female' | null
	/** National form, 0xxxxxxxxx. */
	phone: string | null
	/** Shown next to the identity on the sandbox login page, e.g. who it is in the demo. */
	noteVi?: string
}

/**
 * What the sandbox knows from the number alone, for a number typed on its login page that is not
 * one of its test identities: sex and birth year are encoded in digits 4–6.
 */
export function identityFromPersonalId(personalId: string): SandboxIdentity | undefined {
	const decoded = decodePersonalId(personalId)
	if (!decoded) return undefined
	return {
		personalId,
		fullName: 'Công dân thử nghiệm',
		birthDate: String(decoded.birthYear),
		sex: decoded.sex,
		phone: null,
	}
}

/** The claims the sandbox releases for an identity, by scope (what the consent page lists). */
export function claimsOf(identity: SandboxIdentity): Record<string, unknown> {
	return {
		sub: identity.personalId,
		personal_id: identity.personalId,
		name: identity.fullName,
		birthdate: identity.birthDate ?? undefined,
		gender: identity.sex ?? undefined,
		// E.164, as OpenID Connect recommends for phone_number.
		phone_number: identity.phone ? `+84${identity.phone.replace(/^0/, '')}` : undefined,
		phone_number_verified: identity.phone ? true : undefined,
	}
}

/** Which claims each scope releases: the sandbox's half of the contract with the relying party. */
export const sandboxScopeClaims: Record<string, string[]> = {
	openid: ['sub', 'personal_id'],
	profile: ['name', 'birthdate', 'gender'],
	phone: ['phone_number', 'phone_number_verified'],
}
