import type { Permission } from '#server/identity/permissions.ts'

/** 'public': anyone, signed in or not, and the handler does not ask the policy. */
export type Access = 'public' | Permission

export interface RouteAccess {
	/** What the loader needs (omit when the module has no loader). */
	loader?: Access
	/** What the action needs (omit when the module has no action). */
	action?: Access
	/** Why this route's action takes no CSRF token (every other action must refuse a post without one). */
	csrfExempt?: string
	/**
	 * For the test: what each path parameter names in its fixture ward (a resident or household that
	 * every scoped role can reach), and a representative form body for the action.
	 */
	probe?: { params?: Record<string, 'resident' | 'household' | 'user'>; form?: Record<string, string> }
}

/**
 * For every route module in app/routes.ts, the permission its loader and action require. The table is
 * the specification: app/route-access.test.ts signs in as every role and calls each loader and action
 * in-process, and fails if a route lets in someone the policy does not allow, refuses someone it
 * does, is missing here, or accepts a post without a CSRF token. Add your route here when you add it
 * to routes.ts.
 */
export const routeAccess: Record<string, RouteAccess> = {
	'routes/home.tsx': { loader: 'public' },
	'routes/healthz.ts': { loader: 'public' },
	'routes/preferences.ts': {
		loader: 'public',
		action: 'public',
		csrfExempt:
			'sets only the display-preferences cookie (language, text size, contrast) and must work on every page, error pages included; a forged post can change nothing but how the page looks (docs/decisions/005-csrf.md)',
	},
	'routes/sign-in.tsx': { loader: 'public', action: 'public' },
	'routes/sign-out.tsx': { loader: 'public', action: 'account.self' },
	'routes/account.tsx': { loader: 'account.self', action: 'account.self' },
	'routes/account-data-export.ts': { loader: 'account.self' },
	'routes/privacy-notice.tsx': {},
	'routes/admin-accounts.tsx': { loader: 'accounts.manage' },
	'routes/admin-account-new.tsx': { loader: 'accounts.manage', action: 'accounts.manage' },
	'routes/admin-account.tsx': {
		loader: 'accounts.manage',
		action: 'accounts.manage',
		probe: { params: { userId: 'user' } },
	},
	'routes/admin-audit.tsx': { loader: 'audit.read' },
	'routes/residents.tsx': { loader: 'people.read' },
	'routes/import.tsx': { loader: 'people.import', action: 'people.import' },
	'routes/import-template.ts': { loader: 'people.import' },
	'routes/import-batch.tsx': { loader: 'people.import', action: 'people.import' },
	'routes/import-errors.ts': { loader: 'people.import' },
	'routes/export-residents.ts': { loader: 'people.export' },
	'routes/organizations.tsx': { loader: 'organizations.manage' },
	'routes/organization.tsx': {
		loader: 'organizations.manage',
		action: 'organizations.manage',
		probe: { form: { intent: 'end', membershipId: '00000000-0000-4000-8000-000000000000' } },
	},
	'routes/resident-data-export.ts': {
		loader: 'people.dataRights',
		probe: { params: { residentId: 'resident' } },
	},
	'routes/resident-consent.tsx': {
		loader: 'people.read',
		action: 'people.write',
		probe: {
			params: { residentId: 'resident' },
			form: { purpose: 'photos', decision: 'given', method: 'paper' },
		},
	},
	'routes/resident-erase.tsx': {
		loader: 'people.dataRights',
		action: 'people.dataRights',
		probe: { params: { residentId: 'resident' }, form: { version: '1', reason: 'thử quyền' } },
	},
	'routes/organization-import.tsx': {
		loader: 'organizations.manage',
		action: 'organizations.manage',
		probe: { form: { intent: 'check', kind: 'member', startedOn: '2026-03-01' } },
	},
	'routes/resident.tsx': {
		loader: 'people.read',
		// The status change (people.write) is the stronger of the two intents; reveal needs people.read.
		action: 'people.write',
		probe: {
			params: { residentId: 'resident' },
			form: { intent: 'status', status: 'active', version: '999' },
		},
	},
	'routes/resident-edit.tsx': {
		loader: 'people.write',
		action: 'people.write',
		probe: { params: { residentId: 'resident' } },
	},
	'routes/resident-move.tsx': {
		loader: 'people.write',
		action: 'people.write',
		probe: { params: { residentId: 'resident' } },
	},
	'routes/household.tsx': { loader: 'people.read', probe: { params: { householdId: 'household' } } },
	'routes/vneid-start.tsx': { loader: 'public' },
	'routes/vneid-callback.tsx': { loader: 'public' },
	'routes/vneid-unmatched.tsx': { loader: 'public' },
	'routes/learn.tsx': { loader: 'learning.self' },
	'routes/learn-tracks.tsx': {
		loader: 'learning.self',
		action: 'learning.self',
		probe: { form: { trackId: 'citizen' } },
	},
	'routes/learn-sync.ts': {
		loader: 'learning.self',
		action: 'learning.self',
		probe: { form: { activities: '[]' } },
	},
	'routes/course.tsx': { loader: 'learning.self' },
	'routes/course-offline.ts': { loader: 'learning.self' },
	'routes/lesson.tsx': {
		loader: 'learning.self',
		action: 'learning.self',
		probe: { form: { intent: 'complete', activityId: '00000000-0000-4000-8000-000000000000' } },
	},
	'routes/lesson-image.ts': { loader: 'public' },
	'routes/assessment-home.tsx': {
		loader: 'learning.self',
		action: 'learning.self',
		probe: { form: { kind: 'courseQuiz', courseId: 'vneid' } },
	},
	'routes/assessment-attempt.tsx': {
		loader: 'learning.self',
		action: 'learning.self',
		probe: { form: { intent: 'submit' } },
	},
	'routes/assessment-image.ts': { loader: 'public' },
	'routes/assessment-mastery.tsx': { loader: 'learning.self' },
	'routes/assessment-admin-items.tsx': { loader: 'content.manage', action: 'content.manage' },
	'routes/assessment-oral.tsx': { loader: 'assessment.confirm' },
	'routes/assessment-oral-resident.tsx': {
		loader: 'assessment.confirm',
		action: 'assessment.confirm',
		probe: { params: { residentId: 'resident' }, form: { mode: 'oral' } },
	},
	'routes/content-admin.tsx': { loader: 'content.manage' },
	'routes/content-admin-framework.tsx': { loader: 'content.manage', action: 'content.manage' },
	'routes/content-admin-lesson-new.tsx': { loader: 'content.manage', action: 'content.manage' },
	'routes/content-admin-lesson.tsx': { loader: 'content.manage', action: 'content.manage' },
	'routes/assistant.tsx': { loader: 'public', action: 'public' },
	'routes/assistant-ai-practice.tsx': { loader: 'public', action: 'public' },
	'routes/procedure.tsx': { loader: 'public' },
	'routes/api-assistant-ask.ts': {
		loader: 'public',
		action: 'public',
		csrfExempt:
			'a JSON API without cookie authority: it accepts only application/json bodies, which another site cannot send without a CORS preflight, and a forged call can only ask a question (rate-limited)',
	},
	'routes/assistant-admin.tsx': { loader: 'content.manage', action: 'content.manage' },
	'routes/assistant-admin-procedures.tsx': { loader: 'content.manage' },
	'routes/assistant-admin-procedure.tsx': { loader: 'content.manage', action: 'content.manage' },
	'routes/assistant-admin-synonyms.tsx': { loader: 'content.manage', action: 'content.manage' },
	'routes/assistant-dossiers.tsx': { loader: 'outreach.record', action: 'outreach.record' },
	'routes/assistant-dossier.tsx': { loader: 'outreach.record', action: 'outreach.record' },
	'routes/outreach-worklist.tsx': {
		loader: 'outreach.record',
		action: 'outreach.record',
		probe: {
			form: {
				visitId: '00000000-0000-4000-8000-000000000000',
				residentId: '00000000-0000-4000-8000-000000000000',
				choice: 'keep',
			},
		},
	},
	'routes/outreach-household.tsx': {
		loader: 'outreach.record',
		action: 'outreach.record',
		probe: { params: { householdId: 'household' }, form: { outcome: 'notHome' } },
	},
	'routes/outreach-sync.ts': {
		loader: 'outreach.record',
		action: 'outreach.record',
		probe: { form: { visits: '[]' } },
	},
	'routes/outreach-figures-mine.tsx': { loader: 'outreach.record' },
	'routes/outreach-figures.tsx': { loader: 'indicators.read' },
	'routes/emulation.tsx': { loader: 'emulation.read' },
	'routes/emulation-evidence.ts': { loader: 'emulation.manage' },
	'routes/emulation-criteria.tsx': {
		loader: 'emulation.manage',
		action: 'emulation.manage',
		probe: { form: { intent: 'createDefaults', doiTuong: 'don-vi' } },
	},
	'routes/emulation-score.tsx': { loader: 'emulation.manage', action: 'emulation.manage' },
	'routes/emulation-commendations.tsx': {
		loader: 'emulation.manage',
		action: 'emulation.manage',
		probe: { form: { intent: 'withdraw', commendationId: '00000000-0000-4000-8000-000000000000' } },
	},
	'routes/emulation-commendations-export.ts': { loader: 'emulation.manage' },
	'routes/dashboard.tsx': { loader: 'indicators.read' },
	'routes/dashboard-indicator.tsx': { loader: 'indicators.read' },
	// The auditor (indicators.read without people.read) gets the count only, never the names.
	'routes/dashboard-people.tsx': { loader: 'indicators.read' },
	'routes/dashboard-export.ts': { loader: 'people.export' },
	// Unit reports: a focal point reads and submits their unit's only (the handlers check the organisation).
	'routes/report-periods.tsx': { loader: 'reports.read', action: 'reports.manage' },
	'routes/report-outbox.tsx': { loader: 'reports.manage' },
	'routes/report-period.tsx': {
		loader: 'reports.read',
		action: 'reports.manage',
		probe: { form: { intent: 'close' } },
	},
	'routes/report-unit.tsx': { loader: 'reports.read', action: 'reports.submit' },
	'routes/report-unit-review.ts': {
		action: 'reports.review',
		probe: { form: { decision: 'accept', version: '1' } },
	},
	'routes/notifications.tsx': { loader: 'account.self', action: 'account.self' },
	'routes/report-ward-periods.tsx': { loader: 'reports.consolidate' },
	'routes/report-ward.tsx': { loader: 'reports.consolidate', action: 'reports.consolidate' },
	'routes/report-ward-file.ts': { loader: 'reports.consolidate' },
	'routes/indicator-edit.tsx': {
		loader: 'indicators.manage',
		action: 'indicators.manage',
		probe: { form: { intent: 'preview' } },
	},
	'routes/class-list.tsx': { loader: 'classes.manage' },
	'routes/class-new.tsx': { loader: 'classes.manage', action: 'classes.manage' },
	'routes/class-detail.tsx': {
		loader: 'classes.manage',
		action: 'classes.manage',
		probe: { form: { intent: 'removeMaterial', materialId: '00000000-0000-4000-8000-000000000000' } },
	},
	'routes/class-edit.tsx': { loader: 'classes.manage', action: 'classes.manage' },
	'routes/class-session.tsx': {
		loader: 'classes.manage',
		action: 'classes.manage',
		probe: { form: { intent: 'tick' } },
	},
	'routes/class-session-qr.tsx': { loader: 'classes.manage' },
	// The learner's side of QR attendance: the scanned code is checked without signing in (so an expired one
	// is refused at once); confirming needs a signed-in learner.
	'routes/class-check-in-scan.tsx': { loader: 'public' },
	'routes/class-check-in.tsx': { loader: 'learning.self', action: 'learning.self' },
	'routes/programme-overview.tsx': { loader: 'indicators.read' },
	'routes/programme-family-criteria.tsx': { loader: 'programmes.manage', action: 'programmes.manage' },
	'routes/programme-market.tsx': { loader: 'programmes.manage', action: 'programmes.manage' },
	// Assigning an ambassador to a household changes household data: people.write within the household's group.
	'routes/programme-ambassadors.tsx': { loader: 'people.write' },
	'routes/programme-ambassador.tsx': {
		loader: 'people.write',
		action: 'people.write',
		probe: { params: { residentId: 'resident' } },
	},
	'routes/programme-pilot-models.tsx': { loader: 'indicators.read', action: 'programmes.manage' },
	'routes/programme-pilot-model.tsx': { loader: 'indicators.read', action: 'programmes.manage' },
	'routes/programme-pilot-evidence.ts': { loader: 'indicators.read' },
	'routes/certificates.tsx': { loader: 'certificates.read' },
	'routes/certificate.tsx': {
		loader: 'certificates.read',
		action: 'certificates.manage',
		probe: { form: { reason: 'Cấp nhầm người' } },
	},
	'routes/certificate-pdf.ts': { loader: 'certificates.read' },
	'routes/certificate-import.tsx': {
		loader: 'certificates.manage',
		action: 'certificates.manage',
		probe: { form: { source: 'vneid', trackId: 'citizen' } },
	},
	'routes/certificate-import-batch.tsx': { loader: 'certificates.manage', action: 'certificates.manage' },
	'routes/certificate-import-unmatched.ts': { loader: 'certificates.manage' },
	'routes/certificates-mine.tsx': { loader: 'learning.self' },
	'routes/certificate-mine-pdf.ts': { loader: 'learning.self' },
	'routes/verify-form.tsx': { loader: 'public' },
	'routes/verify-keys.tsx': { loader: 'public' },
	'routes/verify-keys-json.ts': { loader: 'public' },
	'routes/verify-certificate.tsx': { loader: 'public' },
	'routes/not-found.tsx': {
		loader: 'public',
		action: 'public',
		csrfExempt: 'answers 404 to every method and changes nothing',
	},
}
