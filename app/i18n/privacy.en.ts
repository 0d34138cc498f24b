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
	'privacy.consent.link': 'This person’s consent',
	'privacy.consent.title': 'Consent about personal data',
	'privacy.consent.intro':
		'Beyond the ward’s duties, some things are done only with the person’s consent (Decree 13/2023, Art. 11). Every consent and withdrawal is kept.',
	'privacy.consent.purpose.learningProfile': 'Using the learning record to suggest the next lesson',
	'privacy.consent.purpose.outreachContact': 'Volunteers calling or texting to arrange a visit',
	'privacy.consent.purpose.publicRecognition':
		'Naming the person in commendations and news about the movement',
	'privacy.consent.purpose.photos':
		'Taking and publishing photos showing the person as evidence of activities',
	'privacy.consent.decision.given': 'Agrees',
	'privacy.consent.decision.withdrawn': 'Does not agree / withdrawn',
	'privacy.consent.notAsked': 'Not asked',
	'privacy.consent.method.paper': 'Signed paper form',
	'privacy.consent.method.inPerson': 'In person, witnessed',
	'privacy.consent.method.online': 'Chosen online',
	'privacy.consent.caption': 'Consent by purpose',
	'privacy.consent.col.purpose': 'Purpose',
	'privacy.consent.col.state': 'Now',
	'privacy.consent.col.when': 'Recorded',
	'privacy.consent.recordedBy': '{when}, {method}, by {name}',
	'privacy.consent.recordedSelf': '{when}, {method}',
	'privacy.consent.historyTitle': 'History',
	'privacy.consent.formTitle': 'Record a decision',
	'privacy.consent.field.purpose': 'Purpose',
	'privacy.consent.field.decision': 'The person’s decision',
	'privacy.consent.field.method': 'How it was given',
	'privacy.consent.field.note': 'Note (optional)',
	'privacy.consent.noteHint': 'E.g. form number, where it was signed. No ID numbers or phone numbers.',
	'privacy.consent.submit': 'Save decision',
	'privacy.consent.saved': 'Decision saved.',
	'privacy.consent.error.purpose': 'Choose a purpose.',
	'privacy.consent.error.decision': 'Choose agrees or does not agree.',
	'privacy.consent.error.method': 'Choose how it was given.',
	'privacy.consent.error.note': 'The note can be at most 200 characters.',
	'privacy.consent.erased': 'This person’s personal data was erased on request: nothing more is recorded.',
	'privacy.mine.title': 'My data',
	'privacy.mine.body':
		'You may know what the ward keeps about you, download a copy and decide the things that need your consent. To correct or erase data, contact the ward’s one-stop desk.',
	'privacy.mine.download': 'Download all my data (.json)',
	'privacy.mine.notice': 'What the ward keeps and why',
	'privacy.mine.notLinked':
		'Your account is not yet linked to the ward’s resident record, so there is no data to download or consent to choose yet.',
	'privacy.mine.give': 'Agree',
	'privacy.mine.withdraw': 'Withdraw',
	'privacy.notice.title': 'Personal data: what the ward keeps and why',
	'privacy.notice.intro':
		'The People’s Committee of {ward} controls the personal data in the Bình dân học vụ số system, under Decree 13/2023/NĐ-CP and the Personal Data Protection Law 2025. This page lists every kind of data kept.',
	'privacy.notice.introNoWard':
		'The ward People’s Committee controls the personal data in the Bình dân học vụ số system, under Decree 13/2023/NĐ-CP and the Personal Data Protection Law 2025. This page lists every kind of data kept.',
	'privacy.notice.data': 'Data',
	'privacy.notice.purpose': 'What for',
	'privacy.notice.basis': 'Legal basis',
	'privacy.notice.access': 'Who may see it',
	'privacy.notice.retention': 'How long it is kept',
	'privacy.notice.sensitive': 'Sensitive data',
	'privacy.notice.consentTitle': 'What needs your consent',
	'privacy.notice.consentBody':
		'You may agree or withdraw at any time: on the My account page, or by telling ward staff, your group leader or a volunteer.',
	'privacy.notice.rightsTitle': 'Your rights',
	'privacy.notice.rights':
		'To be informed; to give or withdraw consent; to see and download your data; to ask for corrections; to ask for erasure (identifying data is removed, only statistics stay); to object or restrict processing; to complain. Go to the ward’s one-stop desk or use the My account page.',
	'privacy.notice.security':
		'ID numbers and phone numbers are encrypted; every reading or change of data is logged; data is never sold or shared for commercial purposes.',
	'privacy.footer.link': 'Personal data',
}
