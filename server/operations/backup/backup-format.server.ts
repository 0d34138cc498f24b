import crypto from 'node:crypto'
import { Transform, type TransformCallback } from 'node:stream'
import { z } from 'zod'
import { BackupError } from '#server/operations/backup/backup-error.ts'

/*
 * A backup file (docs/decisions/010-backups-and-operations.md):
 *
 *   "HVBACKUP" | u32 header length | header (JSON, readable, authenticated) | frames…
 *   frame = u32 (bit 31: last frame; bits 0–30: ciphertext length) | ciphertext | 16-byte GCM tag
 *
 * Each file has its own AES-256-GCM key, derived with HKDF-SHA-256 from the operator's backup key
 * and a random salt in the header, so nonces never repeat across files. A frame's nonce is its
 * index (11 bytes) and the last-frame flag (1 byte); every frame's additional data is the SHA-256
 * of the header bytes. Reordering, dropping, appending or truncating frames, or editing the header,
 * fails authentication (the STREAM construction of Hoang, Reyhanitabar, Rogaway and Vizár, 2015).
 * Plaintext is released one authenticated frame at a time.
 */

const MAGIC = Buffer.from('HVBACKUP', 'ascii')
export const BACKUP_FORMAT_VERSION = 1
const DEFAULT_CHUNK = 256 * 1024
const MAX_CHUNK = 16 * 1024 * 1024
const MAX_HEADER = 64 * 1024
const TAG = 16
const LAST = 0x8000_0000

export const BackupHeaderSchema = z.object({
	format: z.number().int().positive(),
	engine: z.enum(['pglite', 'postgres']),
	/** What the decrypted bytes are. */
	payload: z.enum(['pglite-datadir-tar-gzip', 'pg-dump-custom']),
	createdAt: z.string(),
	app: z.object({
		version: z.string(),
		migrationsApplied: z.number().int(),
		latestMigration: z.string().nullable(),
	}),
	cipher: z.literal('aes-256-gcm-stream'),
	/** Tells "another key" apart from "damaged": HMAC of a constant under the backup key (8 bytes). */
	keyId: z.string(),
	keySource: z.enum(['BACKUP_ENCRYPTION_KEY', 'keyring']),
	salt: z.string(),
	chunkSize: z.number().int().positive().max(MAX_CHUNK),
})
export type BackupHeader = z.infer<typeof BackupHeaderSchema>
export type BackupHeaderInput = Omit<BackupHeader, 'format' | 'cipher' | 'keyId' | 'salt' | 'chunkSize'>

/** The public identifier of a backup key (does not reveal the key). */
export function backupKeyId(key: Buffer): string {
	return crypto.createHmac('sha256', key).update('hocvuso backup key id').digest('hex').slice(0, 16)
}

function fileKey(key: Buffer, salt: Buffer): Buffer {
	return Buffer.from(crypto.hkdfSync('sha256', key, salt, 'hocvuso backup v1 aes-256-gcm', 32))
}

function nonce(index: number, last: boolean): Buffer {
	const value = Buffer.alloc(12)
	value.writeUIntBE(index, 5, 6)
	value[11] = last ? 1 : 0
	return value
}

/** Encrypts a byte stream into the backup format; the header goes first. */
export function createEncryptStream(
	key: Buffer,
	input: BackupHeaderInput,
	chunkSize = DEFAULT_CHUNK,
): Transform {
	const salt = crypto.randomBytes(32)
	const header: BackupHeader = {
		...input,
		format: BACKUP_FORMAT_VERSION,
		cipher: 'aes-256-gcm-stream',
		keyId: backupKeyId(key),
		salt: salt.toString('base64'),
		chunkSize,
	}
	const json = Buffer.from(JSON.stringify(header), 'utf8')
	const length = Buffer.alloc(4)
	length.writeUInt32BE(json.length)
	const headerBytes = Buffer.concat([MAGIC, length, json])
	const aad = crypto.createHash('sha256').update(headerBytes).digest()
	const k = fileKey(key, salt)
	let index = 0
	let pending: Buffer[] = []
	let pendingLength = 0
	const seal = (plain: Buffer, last: boolean): Buffer => {
		const cipher = crypto.createCipheriv('aes-256-gcm', k, nonce(index++, last))
		cipher.setAAD(aad)
		const body = Buffer.concat([cipher.update(plain), cipher.final()])
		const prefix = Buffer.alloc(4)
		prefix.writeUInt32BE((body.length | (last ? LAST : 0)) >>> 0)
		return Buffer.concat([prefix, body, cipher.getAuthTag()])
	}
	return new Transform({
		construct(callback) {
			this.push(headerBytes)
			callback()
		},
		transform(chunk: Buffer, _encoding, callback: TransformCallback) {
			pending.push(chunk)
			pendingLength += chunk.length
			if (pendingLength > chunkSize) {
				let all = Buffer.concat(pending)
				while (all.length > chunkSize) {
					this.push(seal(all.subarray(0, chunkSize), false))
					all = all.subarray(chunkSize)
				}
				pending = [all]
				pendingLength = all.length
			}
			callback()
		},
		flush(callback) {
			this.push(seal(Buffer.concat(pending), true))
			callback()
		},
	})
}

/** Parses the header at the start of `bytes`; null when more bytes are needed. */
export function parseBackupHeader(bytes: Buffer): { header: BackupHeader; headerBytes: Buffer } | null {
	const probe = Math.min(bytes.length, MAGIC.length)
	if (!bytes.subarray(0, probe).equals(MAGIC.subarray(0, probe))) throw new BackupError('notABackup')
	if (bytes.length < MAGIC.length + 4) return null
	const length = bytes.readUInt32BE(MAGIC.length)
	if (length > MAX_HEADER) throw new BackupError('notABackup')
	if (bytes.length < MAGIC.length + 4 + length) return null
	const headerBytes = bytes.subarray(0, MAGIC.length + 4 + length)
	let json: unknown
	try {
		json = JSON.parse(headerBytes.subarray(MAGIC.length + 4).toString('utf8'))
	} catch {
		throw new BackupError('notABackup')
	}
	const format = (json as { format?: unknown })?.format
	if (typeof format === 'number' && format > BACKUP_FORMAT_VERSION)
		throw new BackupError('unsupportedVersion')
	const parsed = BackupHeaderSchema.safeParse(json)
	if (!parsed.success) throw new BackupError('notABackup')
	return { header: parsed.data, headerBytes: Buffer.from(headerBytes) }
}

/**
 * Decrypts a backup stream. Emits 'header' (BackupHeader) before any data; releases each frame's
 * plaintext only once its tag has been verified; fails on a wrong key, a damaged or truncated file.
 */
export function createDecryptStream(key: Buffer): Transform {
	let buffered: Buffer = Buffer.alloc(0)
	let header: BackupHeader | null = null
	let aad: Buffer | null = null
	let k: Buffer | null = null
	let index = 0
	let finished = false
	return new Transform({
		transform(chunk: Buffer, _encoding, callback: TransformCallback) {
			buffered = buffered.length ? Buffer.concat([buffered, chunk]) : chunk
			try {
				if (!header) {
					const parsed = parseBackupHeader(buffered)
					if (!parsed) return callback()
					header = parsed.header
					if (header.keyId !== backupKeyId(key)) throw new BackupError('wrongKey')
					aad = crypto.createHash('sha256').update(parsed.headerBytes).digest()
					k = fileKey(key, Buffer.from(header.salt, 'base64'))
					buffered = buffered.subarray(parsed.headerBytes.length)
					this.emit('header', header)
				}
				while (buffered.length >= 4) {
					if (finished) throw new BackupError('damaged', 'data after the last frame')
					const word = buffered.readUInt32BE(0)
					const last = (word & LAST) !== 0
					const length = word & ~LAST
					if (length > header.chunkSize + TAG) throw new BackupError('damaged', 'frame too long')
					if (buffered.length < 4 + length + TAG) break
					const decipher = crypto.createDecipheriv('aes-256-gcm', k as Buffer, nonce(index++, last))
					decipher.setAAD(aad as Buffer)
					decipher.setAuthTag(buffered.subarray(4 + length, 4 + length + TAG))
					let plain: Buffer
					try {
						plain = Buffer.concat([decipher.update(buffered.subarray(4, 4 + length)), decipher.final()])
					} catch {
						throw new BackupError('damaged')
					}
					buffered = buffered.subarray(4 + length + TAG)
					if (last) finished = true
					if (plain.length) this.push(plain)
				}
				callback()
			} catch (error) {
				callback(error as Error)
			}
		},
		flush(callback) {
			if (!header) return callback(new BackupError(buffered.length ? 'truncated' : 'notABackup'))
			if (!finished || buffered.length) return callback(new BackupError(finished ? 'damaged' : 'truncated'))
			callback()
		},
	})
}
