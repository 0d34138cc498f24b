import type { Role, ScopeKind } from '#server/identity/schema.ts'

/**
 * What a signed-in person may do. Every loader and action names one of these; the policy
 * (policy.server.ts) decides from the person's role assignments and their scopes. Add a permission
 * here and to the roles below when a capability needs one — never test a role name elsewhere.
 */
export const permissions = [
	/** Own account: see it, change own password, end own sessions. Every signed-in person. */
	'account.self',
	/** Learn, take assessments, see own certificates. */
	'learning.self',
	/** Create accounts, assign roles and scopes, reset passwords, disable accounts. */
	'accounts.manage',
	/** Read the audit trail. */
	'audit.read',
	/** Read residents and households within scope (names, groups, progress; identifiers masked). */
	'people.read',
	/** Change residents and households within scope. */
	'people.write',
	/** Import the registry from the ward's spreadsheets. */
	'people.import',
	/** Export lists that contain personal data. */
	'people.export',
	/** See a personal ID number in full (each reveal is audit-logged). */
	'people.revealPersonalId',
	/** See a phone number in full (each reveal is audit-logged). */
	'people.revealPhone',
	/** Give a resident everything held about them, and erase it on request (Decree 13/2023/NĐ-CP). */
	'people.dataRights',
	/** Manage organisations and their memberships within scope. */
	'organizations.manage',
	/** Log door-to-door visits and help given. */
	'outreach.record',
	/** Record an oral or in-class assessment and confirm practical tasks for residents in scope. */
	'assessment.confirm',
	/** Schedule classes, take attendance, run in-class quizzes. */
	'classes.manage',
	/**
	 * Run the plan's programmes: Gia đình số criteria, Chợ số audience and records, pilot models. Seeing their
	 * progress needs `indicators.read`; assigning digital ambassadors to households is `people.write`.
	 */
	'programmes.manage',
	/** See indicators and dashboards within scope. */
	'indicators.read',
	/** Define and edit the ward's indicators (targets, conditions, breakdowns). */
	'indicators.manage',
	/** Submit a unit's periodic report. */
	'reports.submit',
	/** Read submitted reports within scope. */
	'reports.read',
	/** Consolidate and export the ward's 6-month and annual reports. */
	'reports.consolidate',
	/** Return a unit's report with comments, or accept it. */
	'reports.review',
	/** Open and close reporting periods, set the units that must report and the due dates; see the message outbox. */
	'reports.manage',
	/** Manage learning content, question banks and announcements. */
	'content.manage',
	/** See certificates of residents within scope and download their PDFs. */
	'certificates.read',
	/** Revoke certificates; import certifications confirmed on the national platform or VNeID. */
	'certificates.manage',
	/** Score emulation criteria and rank units and individuals. */
	'emulation.manage',
	/** See emulation rankings within scope (a focal point: their unit and its members). */
	'emulation.read',
] as const
export type Permission = (typeof permissions)[number]

export interface RoleDefinition {
	/** The scope kinds this role may be assigned with; other assignments grant nothing. */
	scopeKinds: readonly ScopeKind[]
	permissions: readonly Permission[]
}

/**
 * Roles → permissions (least privilege, Decree 13/2023/NĐ-CP art. 26–27). The scope of the assignment
 * limits where the permissions apply: a group leader's `people.read` covers their residential group.
 */
export const roleDefinitions: Record<Role, RoleDefinition> = {
	wardAdmin: {
		scopeKinds: ['ward'],
		permissions: [
			'learning.self',
			'accounts.manage',
			'audit.read',
			'people.read',
			'people.write',
			'people.import',
			'people.export',
			'certificates.read',
			'certificates.manage',
			'people.revealPersonalId',
			'people.revealPhone',
			'people.dataRights',
			'organizations.manage',
			'classes.manage',
			'programmes.manage',
			'indicators.read',
			'indicators.manage',
			'reports.read',
			'reports.consolidate',
			'reports.review',
			'reports.manage',
			'content.manage',
			'emulation.manage',
			'emulation.read',
		],
	},
	steeringStaff: {
		scopeKinds: ['ward'],
		permissions: [
			'learning.self',
			'people.read',
			'certificates.read',
			'programmes.manage',
			'indicators.read',
			'reports.read',
			'reports.consolidate',
			'reports.review',
			'emulation.manage',
			'emulation.read',
		],
	},
	focalPoint: {
		scopeKinds: ['organization'],
		permissions: [
			'learning.self',
			'people.read',
			'certificates.read',
			'people.write',
			'people.revealPhone',
			'organizations.manage',
			'indicators.read',
			'reports.submit',
			'reports.read',
			'emulation.read',
		],
	},
	groupLeader: {
		scopeKinds: ['residentialGroup'],
		permissions: [
			'learning.self',
			'people.read',
			'certificates.read',
			'people.write',
			'people.revealPersonalId',
			'people.revealPhone',
			'outreach.record',
			'indicators.read',
		],
	},
	volunteer: {
		scopeKinds: ['residentialGroup'],
		permissions: [
			'learning.self',
			'people.read',
			'certificates.read',
			'people.revealPhone',
			'outreach.record',
			'assessment.confirm',
		],
	},
	instructor: {
		scopeKinds: ['ward'],
		permissions: ['learning.self', 'classes.manage', 'assessment.confirm'],
	},
	learner: {
		scopeKinds: ['self'],
		permissions: ['learning.self', 'people.read'],
	},
	/** Read-only oversight: the trail, the indicators and the reports; no personal lists. */
	auditor: {
		scopeKinds: ['ward'],
		permissions: ['learning.self', 'audit.read', 'indicators.read', 'reports.read', 'emulation.read'],
	},
}

/** Granted to every signed-in person whatever their roles. */
export const baselinePermissions: readonly Permission[] = ['account.self']

/** A role held within a scope (one row of role_assignment). */
export interface RoleGrant {
	role: Role
	scopeKind: ScopeKind
	scopeId: string | null
}

/** What the policy needs to know about a person. */
export interface PolicySubject {
	id: string
	wardId: string
	residentId: string | null
	roles: readonly RoleGrant[]
}

/** What an action is about; omitted fields are not checked. */
export interface PolicyTarget {
	wardId?: string
	residentialGroupId?: string | null
	organizationIds?: readonly string[]
	residentId?: string | null
}
