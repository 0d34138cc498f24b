import { adminEn } from '#app/i18n/admin.en.ts'
import { assessmentEn } from '#app/i18n/assessment.en.ts'
import { assistantEn } from '#app/i18n/assistant.en.ts'
import { certificationEn } from '#app/i18n/certification.en.ts'
import { classesEn } from '#app/i18n/classes.en.ts'
import { emulationEn } from '#app/i18n/emulation.en.ts'
import { identityEn } from '#app/i18n/identity.en.ts'
import { importEn } from '#app/i18n/import.en.ts'
import { indicatorsEn } from '#app/i18n/indicators.en.ts'
import { learningEn } from '#app/i18n/learning.en.ts'
import { outreachEn } from '#app/i18n/outreach.en.ts'
import { peopleEn } from '#app/i18n/people.en.ts'
import { privacyEn } from '#app/i18n/privacy.en.ts'
import { programmesEn } from '#app/i18n/programmes.en.ts'
import { reportDocumentsEn } from '#app/i18n/report-documents.en.ts'
import { reportsEn } from '#app/i18n/reports.en.ts'
import type { MessageKey } from '#app/i18n/vi.ts'

/** English: the second locale. */
export const en: Record<MessageKey, string> = {
	...assessmentEn,
	...assistantEn,
	...certificationEn,
	...classesEn,
	...emulationEn,
	...reportsEn,
	...programmesEn,
	...identityEn,
	...indicatorsEn,
	...adminEn,
	...peopleEn,
	...privacyEn,
	...importEn,
	...learningEn,
	...outreachEn,
	...reportDocumentsEn,
	'app.name': 'Popular digital education',
	'app.tagline': 'Digital skills for every resident — no one left behind',
	'a11y.skipToContent': 'Skip to main content',
	'a11y.mainNav': 'Main navigation',
	'a11y.preferences': 'Display preferences',
	'prefs.language': 'Language',
	'prefs.textLarge': 'Large text',
	'prefs.textNormal': 'Normal text',
	'prefs.contrastHigh': 'High contrast',
	'prefs.contrastNormal': 'Normal contrast',
	'prefs.switchToEnglish': 'English',
	'prefs.switchToVietnamese': 'Tiếng Việt',
	'prefs.saved': 'Display preferences saved.',
	'nav.home': 'Home',
	'nav.signIn': 'Sign in',
	'nav.signOut': 'Sign out',
	'home.welcome': 'Welcome to the popular digital education movement of {ward}',
	'home.intro':
		'Learn digital skills for free: use a smartphone, install and activate VNeID, file procedures on the Public Service Portal, pay without cash and avoid online scams.',
	'home.targetsTitle': "The ward's {year} targets",
	'home.statsTitle': 'The ward at a glance',
	'home.statsResidents': 'residents in the registry',
	'home.statsHouseholds': 'households',
	'home.statsGroups': 'residential groups',
	'home.statsOrganizations': 'agencies, schools, enterprises, party cells and associations',
	'home.signInPrompt': 'Sign in to learn, follow progress or carry out your assigned work.',
	'footer.text': 'hocvuso open-source software — serving the popular digital education movement.',
	'error.notFound.title': 'Page not found',
	'error.notFound.body':
		'The page you are looking for does not exist or has moved. Please check the address.',
	'error.forbidden.title': 'Access denied',
	'error.forbidden.body':
		'Your account is not allowed to see this page. If you need this access, contact the ward administrator.',
	'error.unauthorized.title': 'Sign-in required',
	'error.unauthorized.body': 'Please sign in to continue.',
	'error.server.title': 'Something went wrong',
	'error.server.body':
		'The system could not process your request. Your data has not been changed. Please try again in a few minutes.',
	'error.badRequest.title': 'Invalid request',
	'error.badRequest.body': 'The submitted data is not valid. Please check it and try again.',
	'error.conflict.title': 'Someone else changed this record',
	'error.tooMany.title': 'Too many requests',
	'error.tooMany.body': 'You have tried too many times. Please wait a moment and try again.',
	'error.backHome': 'Back to the home page',
	'error.code': 'Error code: {code}',
	'vneid.signIn': 'Sign in with VNeID',
	'vneid.sandboxNote': 'Demo: sign-in goes through the VNeID sandbox (not the real VNeID).',
	'vneid.error.title': 'VNeID sign-in did not complete',
	'vneid.error.notConfigured':
		'Sign-in with VNeID is not set up on this system. Please sign in with the account the ward gave you, or contact ward staff.',
	'vneid.error.rateLimited':
		'Too many sign-ins from the same network. Please wait a few minutes and try again.',
	'vneid.error.providerUnavailable':
		'VNeID could not be reached. Please check your connection and try again in a few minutes.',
	'vneid.error.stateMismatch':
		'This sign-in does not match your browser, or the link was already used. To protect your account, it was stopped. Please sign in again from the start.',
	'vneid.error.expired': 'The sign-in took more than 10 minutes and expired. Please sign in again.',
	'vneid.error.consentDenied':
		'You did not agree to share your information from VNeID, so you are not signed in. You can try again, or sign in another way.',
	'vneid.error.providerError':
		'VNeID sent an invalid answer, so your identity could not be confirmed. Please try again.',
	'vneid.error.missingPersonalId':
		'VNeID did not send a personal ID number, so you could not be matched with the ward registry.',
	'vneid.error.accountDisabled': 'Your account is disabled. Please contact ward staff.',
	'vneid.error.noWard': 'This system holds no ward yet, so no account can be created for you.',
	'vneid.error.notInRegistry':
		'You were not found in the registry of any ward on this system. Please contact the office where you live.',
	'vneid.tryAgain': 'Try again',
	'vneid.otherWays': 'Sign in another way',
	'vneid.unmatched.title': 'The ward has not matched you with its registry yet',
	'vneid.unmatched.body':
		'You are signed in with VNeID, but the ward has not found you in its registry of residents yet. Ward staff will check; once they have, your account is linked to your record at your next sign-in.',
	'vneid.unmatched.meanwhile': 'Meanwhile, you can start learning right away.',
	'vneid.unmatched.continue': 'Continue',
}
