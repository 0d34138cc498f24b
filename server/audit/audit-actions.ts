/**
 * The actions the audit trail records. Other domains add theirs (e.g. 'resident.updated'); the audit
 * page shows a translated label for known ones (app/i18n/identity.vi.ts, key `audit.action.<action>`).
 */
export const auditActions = [
	'auth.signIn',
	'auth.signIn.failed',
	'auth.lockout',
	'auth.signOut',
	'auth.signOutEverywhere',
	'auth.passwordChanged',
	'account.created',
	'account.disabled',
	'account.enabled',
	'account.passwordReset',
	'account.roleGranted',
	'account.roleRevoked',
	'personalData.reveal',
	'personalData.bulkRead',
	'personalData.export',
] as const
export type KnownAuditAction = (typeof auditActions)[number]
