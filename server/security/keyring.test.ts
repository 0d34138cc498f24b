import crypto from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, test } from 'vitest'
import { generateKeyMaterial, loadKeyring } from '#server/security/keyring.server.ts'
import { decryptField, encryptField } from '#server/security/personal-data.server.ts'

// Where the keys protecting personal data come from: the environment in production, a file the demo
// generates once in its data folder, and nowhere else.

const folders: string[] = []
function tempFolder(): string {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hocvuso-keys-'))
	folders.push(dir)
	return dir
}
afterAll(() => {
	for (const dir of folders) fs.rmSync(dir, { recursive: true, force: true })
})

describe('loadKeyring', () => {
	test('takes the three keys from the environment and writes nothing', () => {
		const material = generateKeyMaterial()
		const dir = tempFolder()
		const keyring = loadKeyring({
			encryptionKey: material.encryption,
			hashKey: material.hash,
			signingKey: material.signing,
			generateInto: dir,
		})
		expect(keyring.encryptionKey.equals(Buffer.from(material.encryption, 'base64'))).toBe(true)
		expect(keyring.hashKey.equals(Buffer.from(material.hash, 'base64'))).toBe(true)
		expect(keyring.signingKey.equals(Buffer.from(material.signing, 'base64'))).toBe(true)
		expect(fs.readdirSync(dir)).toEqual([])
	})

	test('refuses to start without keys outside demo mode, saying which to set in both languages', () => {
		expect(() => loadKeyring({})).toThrow(/DATA_ENCRYPTION_KEY, DATA_HASH_KEY và SESSION_SECRET/)
		expect(() => loadKeyring({ encryptionKey: generateKeyMaterial().encryption })).toThrow(/Missing keys/)
	})

	test('refuses a key that is not 32 bytes', () => {
		const material = generateKeyMaterial()
		const short = crypto.randomBytes(16).toString('base64')
		expect(() =>
			loadKeyring({ encryptionKey: short, hashKey: material.hash, signingKey: material.signing }),
		).toThrow(/DATA_ENCRYPTION_KEY .*32/)
	})

	test('in demo mode generates distinct keys once into the data folder, readable by its owner only', () => {
		const dir = path.join(tempFolder(), 'data')
		const first = loadKeyring({ generateInto: dir })
		const file = path.join(dir, 'keys.json')
		expect(fs.statSync(file).mode & 0o777).toBe(0o600)
		expect(first.encryptionKey.equals(first.hashKey)).toBe(false)
		expect(first.hashKey.equals(first.signingKey)).toBe(false)

		// The next start reads the same keys: what was encrypted before still decrypts.
		const sealed = encryptField(first, '019090001234')
		const again = loadKeyring({ generateInto: dir })
		expect(again).toEqual(first)
		expect(decryptField(again, sealed)).toBe('019090001234')

		// Another installation gets other keys.
		const other = loadKeyring({ generateInto: tempFolder() })
		expect(other.encryptionKey.equals(first.encryptionKey)).toBe(false)
		expect(() => decryptField(other, sealed)).toThrow()
	})
})
