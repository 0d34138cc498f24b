import { execFile } from 'node:child_process'
import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

/*
 * PDF through LibreOffice: `soffice --headless --convert-to pdf` on the .docx we generated, so the PDF
 * is the Word document exactly (same layout code). LibreOffice is optional on a server: when it is not
 * installed, callers say so plainly; nothing pretends to be a PDF. One conversion at a time per process
 * (LibreOffice takes ~300 MB and a core while it runs), each with its own profile folder so concurrent
 * processes do not fight over the user profile lock.
 */

const candidates = [
	'/usr/bin/soffice',
	'/usr/bin/libreoffice',
	'/usr/local/bin/soffice',
	'/opt/libreoffice/program/soffice',
]

let located: Promise<string | null> | undefined

/** The soffice binary, or null when LibreOffice is not installed (SOFFICE_PATH overrides). */
export function findSoffice(): Promise<string | null> {
	located ??= (async () => {
		const list = process.env.SOFFICE_PATH ? [process.env.SOFFICE_PATH] : candidates
		for (const candidate of list) {
			try {
				await fs.access(candidate, fs.constants.X_OK)
				return candidate
			} catch {}
		}
		return null
	})()
	return located
}

let queue: Promise<unknown> = Promise.resolve()

export class PdfConversionUnavailable extends Error {
	constructor() {
		super('LibreOffice (soffice) is not installed: PDF conversion is unavailable')
	}
}

/** Converts a .docx to PDF; throws PdfConversionUnavailable without LibreOffice. */
export function convertDocxToPdf(docx: Buffer, timeoutMs = 120_000): Promise<Buffer> {
	const job = queue.then(async () => {
		const soffice = await findSoffice()
		if (!soffice) throw new PdfConversionUnavailable()
		const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'hocvuso-pdf-'))
		try {
			const input = path.join(dir, 'report.docx')
			await fs.writeFile(input, docx)
			await new Promise<void>((resolve, reject) => {
				execFile(
					soffice,
					[
						'--headless',
						'--norestore',
						`-env:UserInstallation=file://${path.join(dir, 'profile')}`,
						'--convert-to',
						'pdf',
						'--outdir',
						dir,
						input,
					],
					{ timeout: timeoutMs, env: { ...process.env, HOME: dir } },
					(error) => (error ? reject(error) : resolve()),
				)
			})
			return await fs.readFile(path.join(dir, 'report.pdf'))
		} finally {
			await fs.rm(dir, { recursive: true, force: true })
		}
	})
	queue = job.catch(() => undefined)
	return job
}
