/**
 * Age bands used for filters and indicator breakdowns. Boundaries follow school levels (tiểu học 6–10,
 * THCS 11–14, THPT 15–17), adulthood at 18 and the elderly from 60 (Luật Người cao tuổi 2009).
 */
export const ageBands = [
	{ code: '0-5', min: 0, max: 5, labelVi: 'Dưới 6 tuổi', labelEn: 'Under 6' },
	{ code: '6-10', min: 6, max: 10, labelVi: '6–10 tuổi', labelEn: '6–10' },
	{ code: '11-14', min: 11, max: 14, labelVi: '11–14 tuổi', labelEn: '11–14' },
	{ code: '15-17', min: 15, max: 17, labelVi: '15–17 tuổi', labelEn: '15–17' },
	{ code: '18-35', min: 18, max: 35, labelVi: '18–35 tuổi', labelEn: '18–35' },
	{ code: '36-59', min: 36, max: 59, labelVi: '36–59 tuổi', labelEn: '36–59' },
	{ code: '60-74', min: 60, max: 74, labelVi: '60–74 tuổi', labelEn: '60–74' },
	{ code: '75+', min: 75, max: 150, labelVi: 'Từ 75 tuổi', labelEn: '75 and over' },
] as const

export type AgeBandCode = (typeof ageBands)[number]['code']

/** The band of an age in whole years, or undefined for a negative age. */
export function ageBandOf(age: number): (typeof ageBands)[number] | undefined {
	return ageBands.find((band) => age >= band.min && age <= band.max)
}

/** Birth years that fall in a band at a reference year (age counted as reference year − birth year). */
export function birthYearRange(code: AgeBandCode, referenceYear: number): { from: number; to: number } {
	const band = ageBands.find((b) => b.code === code)
	if (!band) throw new Error(`Unknown age band ${code}`)
	return { from: referenceYear - band.max, to: referenceYear - band.min }
}
