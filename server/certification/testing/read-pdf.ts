import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import jsQR from 'jsqr'

/*
 * Reading a certificate PDF back the way a person would: its text through poppler's pdftotext (a real
 * reader, installed by scripts/install-system-deps.sh) and its QR code from a rendered image (pdftoppm)
 * decoded with jsQR.
 */

function withTempPdf<T>(bytes: Uint8Array, fn: (file: string, dir: string) => T): T {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hocvuso-pdf-'))
	try {
		const file = path.join(dir, 'certificate.pdf')
		fs.writeFileSync(file, bytes)
		return fn(file, dir)
	} finally {
		fs.rmSync(dir, { recursive: true, force: true })
	}
}

export function pdfText(bytes: Uint8Array): string {
	return withTempPdf(bytes, (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }))
}

/** `pdfinfo` fields (Pages, Page size, Title…). */
export function pdfInfo(bytes: Uint8Array): Record<string, string> {
	const out = withTempPdf(bytes, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' }))
	return Object.fromEntries(
		out
			.split('\n')
			.map((line) => line.match(/^([^:]+):\s*(.*)$/))
			.filter((m): m is RegExpMatchArray => m !== null)
			.map((m) => [m[1]!.trim(), m[2]!.trim()]),
	)
}

/** Names of the fonts in the PDF and whether each is embedded (`pdffonts`). */
export function pdfFonts(bytes: Uint8Array): Array<{ name: string; embedded: boolean }> {
	const out = withTempPdf(bytes, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }))
	return out
		.split('\n')
		.slice(2)
		.filter((line) => line.trim())
		.map((line) => {
			const cols = line.trim().split(/\s+/)
			// name type [encoding…] emb sub uni object ID: "emb" is the fifth column from the end.
			return { name: cols[0]!, embedded: cols[cols.length - 5] === 'yes' }
		})
}

/**
 * Renders the bottom-right quarter of page 1 (where the certificate's QR code is) at 200 dpi and
 * decodes the QR code there; null when none is found. Cropping keeps jsQR's work small.
 */
export function pdfQrText(bytes: Uint8Array): string | null {
	return withTempPdf(bytes, (file, dir) => {
		const scale = 200 / 72
		const [x, y, w, h] = [560, 330, 282, 265].map((pt) => String(Math.round(pt * scale)))
		execFileSync('pdftoppm', [
			'-r',
			'200',
			'-f',
			'1',
			'-l',
			'1',
			'-x',
			x!,
			'-y',
			y!,
			'-W',
			w!,
			'-H',
			h!,
			file,
			path.join(dir, 'page'),
		])
		const image = fs.readdirSync(dir).find((name) => name.endsWith('.ppm'))
		if (!image) return null
		const { width, height, rgba } = readPpm(fs.readFileSync(path.join(dir, image)))
		return jsQR(rgba, width, height)?.data ?? null
	})
}

/** Binary PPM (P6, maxval 255), as pdftoppm writes it, to RGBA. */
function readPpm(buffer: Buffer): { width: number; height: number; rgba: Uint8ClampedArray } {
	let offset = 0
	const tokens: string[] = []
	while (tokens.length < 4) {
		while (/\s/.test(String.fromCharCode(buffer[offset]!))) offset++
		let token = ''
		while (!/\s/.test(String.fromCharCode(buffer[offset]!))) token += String.fromCharCode(buffer[offset++]!)
		tokens.push(token)
	}
	offset++ // the single whitespace after maxval
	const [magic, w, h, max] = tokens
	if (magic !== 'P6' || max !== '255') throw new Error(`Unexpected image format ${magic} ${max}`)
	const width = Number(w)
	const height = Number(h)
	const rgba = new Uint8ClampedArray(width * height * 4)
	for (let i = 0, j = offset; i < width * height; i++, j += 3) {
		rgba[i * 4] = buffer[j]!
		rgba[i * 4 + 1] = buffer[j + 1]!
		rgba[i * 4 + 2] = buffer[j + 2]!
		rgba[i * 4 + 3] = 255
	}
	return { width, height, rgba }
}
