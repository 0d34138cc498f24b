import crypto from 'node:crypto'
import type { Command } from '#cli/command.ts'
import { generateCertificateSigningSecret } from '#server/certification/signing-key.server.ts'
import { generateKeyMaterial } from '#server/security/keyring.server.ts'

export const keysCommand: Command = {
	summaryVi: 'Tạo khóa mã hóa mới cho dữ liệu cá nhân (in ra dạng biến môi trường)',
	summaryEn: 'Generate new keys for personal-data encryption (printed as environment variables)',
	usage: ['hocvuso keys generate'],
	async run(args) {
		if (args[0] !== 'generate') {
			console.error('Dùng / use: hocvuso keys generate')
			return 2
		}
		const keys = generateKeyMaterial()
		console.info(`DATA_ENCRYPTION_KEY=${keys.encryption}`)
		console.info(`DATA_HASH_KEY=${keys.hash}`)
		console.info(`SESSION_SECRET=${keys.signing}`)
		// Certificates' Ed25519 keys derive from this one (docs/decisions/013-certificate-signatures.md).
		console.info(`CERTIFICATE_SIGNING_KEY=${generateCertificateSigningSecret()}`)
		// Backups get their own key (docs/decisions/010-backups-and-operations.md): keep it apart from these.
		console.info(`BACKUP_ENCRYPTION_KEY=${crypto.randomBytes(32).toString('base64')}`)
		return 0
	},
}
