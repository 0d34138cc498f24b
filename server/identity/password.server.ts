import { hash, verify } from '@node-rs/argon2'

// argon2id with OWASP's second recommended setting (19 MiB, 2 passes, 1 lane).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1, algorithm: 2 } as const

export function hashPassword(password: string): Promise<string> {
	return hash(password, options)
}

/** Constant-time check; false (never throws) on a malformed stored hash. */
export async function verifyPassword(stored: string, password: string): Promise<boolean> {
	try {
		return await verify(stored, password)
	} catch {
		return false
	}
}
