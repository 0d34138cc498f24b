import type { Readable } from 'node:stream'
import yauzl from 'yauzl'
import { formatMegabytes, ImportFileError } from '#server/people/import/import-file-error.ts'
import type { ImportLimits } from '#server/people/import/import-limits.ts'

/**
 * A zip read through its central directory (yauzl) and checked for zip bombs before anything is inflated:
 * entry count, total declared size, per-entry compression ratio. Entries are then inflated on demand with
 * yauzl's size validation, so an entry that inflates past its declared size is stopped, not trusted.
 */
export interface ZipArchive {
	has(name: string): boolean
	names(): string[]
	/** Inflates an entry; the stream fails with an ImportFileError if the data is bad or lies about its size. */
	openStream(name: string): Promise<Readable>
	/** Inflates a (small) entry whole; undefined when absent. */
	readText(name: string): Promise<string | undefined>
	close(): void
}

function corrupt(cause: unknown): ImportFileError {
	return new ImportFileError(
		'corruptWorkbook',
		{
			messageVi:
				'Tệp Excel bị hỏng, không đọc được (cấu trúc nén không hợp lệ). Hãy mở tệp bằng Excel và lưu lại.',
			messageEn:
				'The Excel file is damaged and cannot be read (invalid zip structure). Open it in Excel and save it again.',
		},
		{ cause },
	)
}

function bomb(detailVi: string, detailEn: string): ImportFileError {
	return new ImportFileError('zipBomb', {
		messageVi: `Tệp bị từ chối vì khi giải nén sẽ quá lớn (${detailVi}). Tệp danh sách nhân khẩu bình thường không như vậy.`,
		messageEn: `The file was refused because it would be too large once decompressed (${detailEn}). A normal resident list is not like this.`,
	})
}

/** Maps an inflation error to the refusal people see: a size lie is a zip bomb, anything else corruption. */
export function toZipReadError(error: unknown): ImportFileError {
	if (error instanceof ImportFileError) return error
	const message = error instanceof Error ? error.message : String(error)
	if (/too many bytes/i.test(message))
		return bomb('dữ liệu giải nén vượt kích thước khai báo', 'an entry inflates past its declared size')
	return corrupt(error)
}

function checkEntries(entries: yauzl.Entry[], limits: ImportLimits): void {
	let total = 0
	for (const entry of entries) {
		total += entry.uncompressedSize
		const ratio = entry.uncompressedSize / Math.max(entry.compressedSize, 1)
		if (entry.uncompressedSize >= limits.ratioCheckFromBytes && ratio > limits.maxCompressionRatio) {
			throw bomb(
				`tỉ lệ nén ${Math.round(ratio)}:1, tối đa ${limits.maxCompressionRatio}:1`,
				`compression ratio ${Math.round(ratio)}:1, at most ${limits.maxCompressionRatio}:1`,
			)
		}
	}
	if (total > limits.maxUncompressedBytes) {
		throw bomb(
			`${formatMegabytes(total)} sau giải nén, tối đa ${formatMegabytes(limits.maxUncompressedBytes)}`,
			`${formatMegabytes(total)} uncompressed, at most ${formatMegabytes(limits.maxUncompressedBytes)}`,
		)
	}
}

async function listEntries(zip: yauzl.ZipFile, limits: ImportLimits): Promise<yauzl.Entry[]> {
	return new Promise((resolve, reject) => {
		const entries: yauzl.Entry[] = []
		zip.on('entry', (entry: yauzl.Entry) => {
			entries.push(entry)
			if (entries.length > limits.maxZipEntries) {
				reject(bomb(`hơn ${limits.maxZipEntries} tệp con`, `more than ${limits.maxZipEntries} entries`))
				zip.close()
				return
			}
			zip.readEntry()
		})
		zip.on('end', () => resolve(entries))
		zip.on('error', (error: unknown) => reject(corrupt(error)))
		zip.readEntry()
	})
}

/** Opens a zip held in memory; throws ImportFileError (corruptWorkbook, zipBomb, encryptedWorkbook). */
export async function openZipArchive(buffer: Buffer, limits: ImportLimits): Promise<ZipArchive> {
	let zip: yauzl.ZipFile
	try {
		zip = await yauzl.fromBufferPromise(buffer, {
			lazyEntries: true,
			autoClose: false,
			validateEntrySizes: true,
		})
	} catch (error) {
		throw corrupt(error)
	}
	const entries = await listEntries(zip, limits)
	checkEntries(entries, limits)
	if (entries.some((e) => e.isEncrypted())) {
		zip.close()
		throw new ImportFileError('encryptedWorkbook', {
			messageVi: 'Tệp được nén có mật khẩu. Hãy bỏ mật khẩu rồi tải lên lại.',
			messageEn: 'The file is a password-protected zip. Remove the password and upload it again.',
		})
	}
	const byName = new Map(entries.map((e) => [e.fileName, e]))

	async function openStream(name: string): Promise<Readable> {
		const entry = byName.get(name)
		if (!entry) throw corrupt(new Error(`Missing zip entry ${name}`))
		try {
			return await zip.openReadStreamPromise(entry)
		} catch (error) {
			throw toZipReadError(error)
		}
	}

	return {
		has: (name) => byName.has(name),
		names: () => [...byName.keys()],
		openStream,
		async readText(name) {
			if (!byName.has(name)) return undefined
			const stream = await openStream(name)
			const chunks: Buffer[] = []
			try {
				for await (const chunk of stream) chunks.push(chunk as Buffer)
			} catch (error) {
				throw toZipReadError(error)
			}
			return Buffer.concat(chunks).toString('utf8')
		},
		close: () => zip.close(),
	}
}
