/*
 * What a person may agree to beyond the ward's public duties (Decree 13/2023/NĐ-CP, Art. 11), in a
 * module without database imports so pages can list the choices without pulling the schema into the
 * browser bundle. The register (personal-data-register.ts) says what each is for.
 */
export const consentPurposes = ['learningProfile', 'outreachContact', 'publicRecognition', 'photos'] as const
export type ConsentPurpose = (typeof consentPurposes)[number]

export const consentDecisions = ['given', 'withdrawn'] as const
export type ConsentDecisionKind = (typeof consentDecisions)[number]
export const consentMethods = ['paper', 'inPerson', 'online'] as const
export type ConsentMethod = (typeof consentMethods)[number]

export const CONSENT_NOTE_MAX = 200
