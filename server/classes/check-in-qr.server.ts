import QRCode from 'qrcode'
import { createCheckInCode, secondsToNextCode } from '#server/classes/check-in-code.server.ts'
import type { Keyring } from '#server/security/keyring.server.ts'

/**
 * What the instructor's screen shows now: the check-in address with the current code, as an SVG QR code,
 * and how long until it changes. The address is on PUBLIC_URL when set (behind a proxy the request's own
 * host may be internal), else the request's origin.
 */
export async function currentCheckInQr(
	keyring: Keyring,
	input: { sessionId: string; publicUrl: string | undefined; requestUrl: string; now?: Date },
) {
	const now = input.now ?? new Date()
	const origin = new URL(input.publicUrl ?? input.requestUrl).origin
	const url = `${origin}/diem-danh/${createCheckInCode(keyring, input.sessionId, now)}`
	// Medium error correction: readable on a projector or a phone screen held up in a hall.
	const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 })
	return { url, svg, seconds: secondsToNextCode(now) }
}
