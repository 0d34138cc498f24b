import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import fc from 'fast-check'
import { describe, expect, test } from 'vitest'
import {
	type BackupHeaderInput,
	createDecryptStream,
	createEncryptStream,
} from '#server/operations/backup/backup-format.server.ts'

const key = Buffer.alloc(32, 7)
const input: BackupHeaderInput = {
	engine: 'pglite',
	payload: 'pglite-datadir-tar-gzip',
	createdAt: '2026-05-01T00:00:00.000Z',
	app: { version: '0.1.0', migrationsApplied: 3, latestMigration: '0002_x' },
	keySource: 'BACKUP_ENCRYPTION_KEY',
}

async function collect(source: Readable, transform: NodeJS.ReadWriteStream): Promise<Buffer> {
	const chunks: Buffer[] = []
	const sink = new Writable({
		write(chunk: Buffer, _e, callback) {
			chunks.push(chunk)
			callback()
		},
	})
	await pipeline(source, transform, sink)
	return Buffer.concat(chunks)
}

async function encrypt(plain: Buffer[], chunkSize = 64): Promise<Buffer> {
	return await collect(Readable.from(plain), createEncryptStream(key, input, chunkSize))
}

/** Feeds `bytes` to the decryptor cut at the given offsets (stream chunk boundaries are arbitrary). */
async function decrypt(bytes: Buffer, cuts: number[] = [], withKey = key): Promise<Buffer> {
	const points = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b)
	const pieces = [0, ...points, bytes.length]
		.slice(1)
		.map((end, i, all) => bytes.subarray(i ? all[i - 1] : 0, end))
	return await collect(Readable.from(pieces.filter((p) => p.length)), createDecryptStream(withKey))
}

describe('backup file format', () => {
	test('decrypts to exactly what was encrypted, whatever the sizes and the stream chunking', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.uint8Array({ maxLength: 300 }), { maxLength: 6 }),
				fc.array(fc.nat(), { maxLength: 8 }),
				fc.integer({ min: 1, max: 100 }),
				async (parts, cuts, chunkSize) => {
					const plain = parts.map((p) => Buffer.from(p))
					const sealed = await encrypt(plain, chunkSize)
					expect(await decrypt(sealed, cuts)).toEqual(Buffer.concat(plain))
				},
			),
			{ numRuns: 150, seed: 20260501 },
		)
	})

	test('refuses any single changed byte, truncation, or appended data', async () => {
		const plain = Buffer.from('Nguyễn Văn An, tổ dân phố 3. '.repeat(40))
		const sealed = await encrypt([plain])
		await fc.assert(
			fc.asyncProperty(fc.nat(sealed.length - 1), fc.integer({ min: 1, max: 255 }), async (at, flip) => {
				const changed = Buffer.from(sealed)
				changed[at] = (changed[at] as number) ^ flip
				await expect(decrypt(changed)).rejects.toMatchObject({ name: 'BackupError' })
			}),
			{ numRuns: 200, seed: 7 },
		)
		for (const cut of [1, 10, 100, sealed.length - 17, sealed.length - 1]) {
			await expect(decrypt(sealed.subarray(0, cut))).rejects.toMatchObject({ name: 'BackupError' })
		}
		await expect(decrypt(Buffer.concat([sealed, Buffer.from([0, 0, 0, 0])]))).rejects.toMatchObject({
			code: 'damaged',
		})
	})

	test('says which problem it is: not a backup, a newer format, another key, reordered frames', async () => {
		const sealed = await encrypt([Buffer.alloc(500, 1)])
		await expect(decrypt(Buffer.from('PK\u0003\u0004 not a backup'))).rejects.toMatchObject({
			code: 'notABackup',
		})
		await expect(decrypt(sealed, [], Buffer.alloc(32, 8))).rejects.toMatchObject({ code: 'wrongKey' })
		const newer = Buffer.from(sealed.toString('latin1').replace('"format":1', '"format":9'), 'latin1')
		await expect(decrypt(newer)).rejects.toMatchObject({ code: 'unsupportedVersion' })
		// Swap the first two frames (64-byte chunks: 4 + 64 + 16 bytes each).
		const headerLength = 12 + sealed.readUInt32BE(8)
		const frame = 4 + 64 + 16
		const swapped = Buffer.concat([
			sealed.subarray(0, headerLength),
			sealed.subarray(headerLength + frame, headerLength + 2 * frame),
			sealed.subarray(headerLength, headerLength + frame),
			sealed.subarray(headerLength + 2 * frame),
		])
		await expect(decrypt(swapped)).rejects.toMatchObject({ code: 'damaged' })
	})

	test('an empty payload is still a complete, authenticated file', async () => {
		const sealed = await encrypt([])
		expect(await decrypt(sealed)).toEqual(Buffer.alloc(0))
		await expect(decrypt(sealed.subarray(0, sealed.length - 20))).rejects.toMatchObject({ code: 'truncated' })
	})
})
