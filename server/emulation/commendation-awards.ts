/**
 * Hình thức khen thưởng a ward proposes: a certificate of merit of the ward Party Committee's Standing
 * Board or of the People's Committee Chair, or a proposal to a higher level (Luật Thi đua, khen thưởng 2022).
 */
export const commendationAwards = ['partyCommitteeMerit', 'peoplesCommitteeMerit', 'higherLevel'] as const
export type CommendationAward = (typeof commendationAwards)[number]
