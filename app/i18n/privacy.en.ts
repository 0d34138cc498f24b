import type { privacyVi } from '#app/i18n/privacy.vi.ts'

export const privacyEn: Record<keyof typeof privacyVi, string> = {
	'privacy.section.title': 'The resident’s rights over their personal data',
	'privacy.section.body':
		'On the resident’s request (Decree 13/2023/NĐ-CP): give them everything held about them, or erase their personal data.',
	'privacy.export.link': 'Download everything held about this person (.json)',
	'privacy.erase.link': 'Erase personal data on request',
	'privacy.erase.title': 'Erase personal data on request',
	'privacy.erase.intro':
		'People may ask for their personal data to be erased (Decree 13/2023/NĐ-CP, Art. 16). You are about to erase the data of {name} (born {year}).',
	'privacy.erase.removed':
		'Erased: full name, date of birth, personal ID number, phone, ethnicity, disability, occupation, relation to the household head, sensitive target groups and every note about this person.',
	'privacy.erase.kept':
		'Kept so that statistics stay true: sex, year of birth, residential group, status, VNeID level, learning results and certificates (no longer tied to a name).',
	'privacy.erase.account':
		'A sign-in account linked to this person (if any) is disabled and signed out everywhere.',
	'privacy.erase.exportFirst':
		'Erasure cannot be undone. If the person wants a copy, download their data first.',
	'privacy.erase.reason': 'Reason, grounds of the request',
	'privacy.erase.reasonHint':
		'E.g. the resident’s written request of 1 December 2026. No ID or phone numbers.',
	'privacy.erase.confirm': 'I have checked the request and confirm erasing the personal data of {name}.',
	'privacy.erase.submit': 'Erase personal data',
	'privacy.erase.formError': 'Give a reason (at least 5 characters) and tick the confirmation box.',
	'privacy.erase.conflict':
		'Someone else has just changed this record. Reload the page, check, and try again.',
	'privacy.erase.already': 'This person’s personal data has been erased on request.',
}
