import crypto from 'node:crypto'

// No 0/o, 1/l/i: read aloud over the phone or copied from a screen without mistakes.
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789'

/** A one-time password an administrator hands over: three groups of five (about 74 bits). */
export function generateTemporaryPassword(): string {
	const groups = Array.from({ length: 3 }, () =>
		Array.from({ length: 5 }, () => ALPHABET[crypto.randomInt(ALPHABET.length)]).join(''),
	)
	return groups.join('-')
}
