/*
 * What erasure does to the free-text columns of the tables linked to a resident (resident-links.ts).
 * Every nullable, non-enum text column of a linked table must be named in one of the two lists:
 * resident-links.test.ts fails otherwise, so a new capability decides before it lands.
 */

/** Free text that may describe the person: blanked when their data is erased. */
export const clearOnErasure: Record<string, readonly string[]> = {
	consent_record: ['note'],
	oral_assessment: ['note'],
	organization_membership: ['position'],
	outreach_visit: ['note'],
	user_account: ['username', 'locale', 'passwordHash', 'phoneHash', 'personalIdHash'],
}

/** Codes and records the ward must keep, which say nothing more about the person than the link itself. */
export const keepOnErasure: Record<string, readonly string[]> = {
	// The reason a certificate was revoked is the ward's decision on record, written without personal details.
	certificate: ['sourceId', 'revokedReason'],
	oral_assessment: ['trackId'],
	outreach_visit_person: ['vneidResult'],
	pilot_model_member: ['role'],
	competency_mastery: ['highestLevel'],
	learning_activity: ['itemId'],
	oral_assessment_result: ['itemId'],
	assessment_attempt: ['courseId', 'trackId'],
}

/** Target groups that reveal sensitive data (Decree 13, Art. 2 §4: health, ethnicity, finances). */
export const sensitiveTargetGroups = ['disabled', 'ethnicMinority', 'poorHousehold'] as const
