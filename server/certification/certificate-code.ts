import crypto from 'node:crypto'

/*
 * Certificate codes: 10 characters from an alphabet without look-alikes (no 0/O, 1/I/L, U), shown as
 * two groups of five ("K7M2Q-9XH4T"). Drawn with crypto.randomInt: about 49 bits, so codes cannot be
 * guessed or enumerated, and the public verify page is rate-limited as well.
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTVWXYZ'
const CODE_LENGTH = 10

export function generateCertificateCode(): string {
	let raw = ''
	for (let i = 0; i < CODE_LENGTH; i++) raw += CODE_ALPHABET[crypto.randomInt(CODE_ALPHABET.length)]
	return `${raw.slice(0, 5)}-${raw.slice(5)}`
}

/**
 * What someone typed or scanned, in the canonical form, or null when it cannot be a code. Lower case,
 * spaces and a missing dash are accepted; a character outside the alphabet means it is not a code.
 */
export function normalizeCertificateCode(input: string): string | null {
	const raw = input.toUpperCase().replace(/[\s-]/g, '')
	if (raw.length !== CODE_LENGTH) return null
	for (const char of raw) if (!CODE_ALPHABET.includes(char)) return null
	return `${raw.slice(0, 5)}-${raw.slice(5)}`
}
