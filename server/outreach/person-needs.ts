/** What a person may still need from a volunteer (shared by the worklist query and the pages). */
export type PersonNeed = 'notReached' | 'vneid' | 'certification'

/** Level-2 accounts are issued from 14 (Nghị định 59/2022/NĐ-CP, art. 12); younger children use a parent's. */
export const VNEID_MIN_AGE = 14
/** Target 4 of the plan counts adults (18 and over) certified on the universal digital-skills standard. */
export const CERTIFICATION_MIN_AGE = 18
