import type { DigitalFamilyCriterionKind } from '#server/programmes/schema.ts'

/*
 * "Gia đình số" criteria (plain data, also used by the pages). There is no national list: the ward
 * chooses which apply and their thresholds. These defaults follow the model most wards describe.
 */

export interface DigitalFamilyCriterion {
	kind: DigitalFamilyCriterionKind
	enabled: boolean
	/** adultsVneidLevel2: the adult age; ambassadorAssigned: unused (0); others: how many members. */
	threshold: number
}

export const defaultDigitalFamilyCriteria: readonly DigitalFamilyCriterion[] = [
	{ kind: 'adultsVneidLevel2', enabled: true, threshold: 18 },
	{ kind: 'cashlessPayment', enabled: true, threshold: 1 },
	{ kind: 'memberCertified', enabled: true, threshold: 1 },
	{ kind: 'eCommerce', enabled: false, threshold: 1 },
	{ kind: 'ambassadorAssigned', enabled: false, threshold: 0 },
]

/** What a household has, counted from the registry. */
export interface HouseholdFacts {
	/** Active members at or over the adult age of the adultsVneidLevel2 criterion. */
	adults: number
	adultsWithLevel2: number
	cashlessUsers: number
	eCommerceUsers: number
	certifiedMembers: number
	hasAmbassador: boolean
}

/** Whether one criterion is met. A household with no adult meets the VNeID criterion only vacuously: not met. */
export function meetsCriterion(criterion: DigitalFamilyCriterion, facts: HouseholdFacts): boolean {
	switch (criterion.kind) {
		case 'adultsVneidLevel2':
			return facts.adults > 0 && facts.adultsWithLevel2 === facts.adults
		case 'cashlessPayment':
			return facts.cashlessUsers >= criterion.threshold
		case 'eCommerce':
			return facts.eCommerceUsers >= criterion.threshold
		case 'memberCertified':
			return facts.certifiedMembers >= criterion.threshold
		case 'ambassadorAssigned':
			return facts.hasAmbassador
	}
}

/** A "Gia đình số" household meets every enabled criterion (and at least one is enabled). */
export function isDigitalFamily(criteria: readonly DigitalFamilyCriterion[], facts: HouseholdFacts): boolean {
	const enabled = criteria.filter((c) => c.enabled)
	return enabled.length > 0 && enabled.every((c) => meetsCriterion(c, facts))
}
