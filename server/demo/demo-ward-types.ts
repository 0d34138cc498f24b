// Plain rows produced by generateDemoWard: what the seed inserts, with personal ID and phone in clear
// (the seed encrypts them). Ids are drawn from the seed, so a demo ward is the same on every machine.
import type { Ethnicity } from '#server/demo/ethnic-names.ts'
import type { Sex, VneidLevel } from '#server/people/schema.ts'
import type { MembershipKind, OrganizationKind } from '#server/ward/schema.ts'

export interface DemoWardOptions {
	/** Number of residents (exact). */
	residents: number
	seed: number
}

export interface DemoWardRow {
	id: string
	code: string
	name: string
	kind: 'ward' | 'commune'
	provinceName: string
	provinceIdCode: string
	partyCommitteeName: string
}

export interface DemoResidentialGroup {
	id: string
	wardId: string
	code: string
	name: string
	sortOrder: number
}

export interface DemoHousehold {
	id: string
	wardId: string
	residentialGroupId: string
	code: string
	address: string
	povertyStatus: 'none' | 'poor' | 'nearPoor'
}

export interface DemoResident {
	id: string
	wardId: string
	householdId: string
	residentialGroupId: string
	fullName: string
	sex: Sex
	/** YYYY-MM-DD */
	birthDate: string
	birthYear: number
	/** 12 digits, in clear: the seed stores only its cipher and keyed hash. */
	personalId: string
	/** 0xxxxxxxxx, in clear, or null. */
	phone: string | null
	relationToHead: string
	ethnicity: Ethnicity
	hasDisability: boolean
	occupation: string | null
	residence: 'permanent' | 'temporary'
	vneidLevel: VneidLevel
	/** YYYY-MM-DD, when the level was last confirmed; null without VNeID. */
	vneidUpdatedOn: string | null
}

export interface DemoOrganization {
	id: string
	wardId: string
	kind: OrganizationKind
	name: string
	shortName: string | null
	residentialGroupId: string | null
	parentId: string | null
	address: string | null
}

export interface DemoMembership {
	id: string
	organizationId: string
	residentId: string
	kind: MembershipKind
	position: string | null
	startedOn: string | null
}

export interface DemoManualTargetGroup {
	residentId: string
	targetGroupCode: 'digitalAmbassador'
	since: string
}

export interface DemoWard {
	/** The day ages are counted to (fixed, so the data does not change with the calendar). */
	referenceDate: string
	ward: DemoWardRow
	residentialGroups: DemoResidentialGroup[]
	households: DemoHousehold[]
	residents: DemoResident[]
	organizations: DemoOrganization[]
	memberships: DemoMembership[]
	manualTargetGroups: DemoManualTargetGroup[]
	/** The resident behind the demo learner account: the first adult resident. */
	learnerResidentId: string
	/** Scope of the demo focal point. */
	primarySchoolId: string
}
