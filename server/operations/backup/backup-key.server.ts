import crypto from 'node:crypto'
import type { Env } from '#server/config/env.server.ts'
import { BackupError } from '#server/operations/backup/backup-error.ts'
import type { Keyring } from '#server/security/keyring.server.ts'

export interface BackupKey {
	key: Buffer
	source: 'BACKUP_ENCRYPTION_KEY' | 'keyring'
}

/**
 * The key backups are encrypted with: BACKUP_ENCRYPTION_KEY, or — in demo mode only — one derived
 * from the installation's data-encryption key, so `npm start` can back up without setup. A real
 * installation must set its own: a backup key kept apart from the data keys can be handed to
 * whoever keeps the backups without opening the live database's personal data.
 */
export function resolveBackupKey(
	env: Pick<Env, 'BACKUP_ENCRYPTION_KEY'>,
	demo: boolean,
	keyring: () => Keyring,
): BackupKey {
	if (env.BACKUP_ENCRYPTION_KEY) {
		const key = Buffer.from(env.BACKUP_ENCRYPTION_KEY, 'base64')
		if (key.length !== 32) throw new BackupError('badKey')
		return { key, source: 'BACKUP_ENCRYPTION_KEY' }
	}
	if (!demo) throw new BackupError('noKey')
	const derived = crypto.hkdfSync(
		'sha256',
		keyring().encryptionKey,
		Buffer.alloc(0),
		'hocvuso demo backup key',
		32,
	)
	return { key: Buffer.from(derived), source: 'keyring' }
}
