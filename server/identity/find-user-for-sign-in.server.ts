import { eq } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import { users } from '#server/identity/schema.ts'
import { lookupHash, normalizePhone } from '#server/security/personal-data.server.ts'

export interface SignInCandidate {
	id: string
	wardId: string
	username: string | null
	passwordHash: string | null
	status: 'active' | 'disabled'
}

const PHONE_LIKE = /^[+\d][\d\s.-]{7,16}$/

/** Usernames are stored lower-case and compared that way. */
export function normalizeUsername(input: string): string {
	return input.trim().toLowerCase()
}

/**
 * The account a sign-in identifier names: a phone number (looked up by its keyed hash, never in
 * clear) or a username.
 */
export async function findUserForSignIn(
	services: AppServices,
	identifier: string,
): Promise<SignInCandidate | null> {
	const trimmed = identifier.trim()
	const columns = { id: true, wardId: true, username: true, passwordHash: true, status: true } as const
	if (PHONE_LIKE.test(trimmed)) {
		const phoneHash = lookupHash(services.keyring, 'phone', normalizePhone(trimmed))
		const byPhone = await services.db.query.users.findFirst({
			columns,
			where: eq(users.phoneHash, phoneHash),
		})
		if (byPhone) return byPhone
	}
	const byUsername = await services.db.query.users.findFirst({
		columns,
		where: eq(users.username, normalizeUsername(trimmed)),
	})
	return byUsername ?? null
}
