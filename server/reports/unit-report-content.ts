import { z } from 'zod'

/*
 * What a unit report holds besides its state: the figures (pre-filled from the system where it knows them,
 * editable by the unit) and the four narrative sections of the plan's report outline. Shared by the form,
 * the domain and the readers (ward report, emulation).
 */

/** The figures a unit reports, in the order the form and the documents show them. */
export const unitReportFigureKeys = [
	/** Current members (staff, students, workers…) of the unit. */
	'membersTotal',
	/** Members who completed at least one lesson by the end of the period. */
	'membersTrained',
	/** Members holding a valid certificate at the end of the period. */
	'membersCertified',
	/** Class sessions held during the period by classes the unit organised. */
	'classSessionsHeld',
	/** Door-to-door visits its members recorded during the period. */
	'outreachVisits',
	/** "Bình dân học AI" and other pilot models the unit runs (active or completed). */
	'pilotModels',
] as const
export type UnitReportFigureKey = (typeof unitReportFigureKeys)[number]
export type UnitReportFigures = Record<UnitReportFigureKey, number>

const figureValue = z.coerce
	.number({ error: 'Số liệu phải là số' })
	.int({ error: 'Số liệu phải là số nguyên' })
	.min(0, { error: 'Số liệu không được âm' })
	.max(10_000_000, { error: 'Số liệu quá lớn' })

export const UnitReportFiguresSchema = z.object(
	Object.fromEntries(unitReportFigureKeys.map((key) => [key, figureValue])) as Record<
		UnitReportFigureKey,
		typeof figureValue
	>,
)

/** The four narrative sections, in document order. */
export const unitReportSectionKeys = ['results', 'goodPractices', 'difficulties', 'proposals'] as const
export type UnitReportSectionKey = (typeof unitReportSectionKeys)[number]
export type UnitReportSections = Record<UnitReportSectionKey, string>

const sectionText = z
	.string()
	.trim()
	.max(20_000, { error: 'Mỗi phần tối đa 20.000 ký tự' })
	// Control characters other than line breaks and tabs have no place in a report and break documents.
	// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
	.refine((text) => !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text), {
		error: 'Nội dung có ký tự không hợp lệ',
	})

export const UnitReportSectionsSchema = z.object({
	results: sectionText.default(''),
	goodPractices: sectionText.default(''),
	difficulties: sectionText.default(''),
	proposals: sectionText.default(''),
})

/** Reads stored figures (jsonb) back into the full typed record; missing keys count as 0. */
export function readStoredFigures(stored: Record<string, number> | null | undefined): UnitReportFigures {
	const figures = {} as UnitReportFigures
	for (const key of unitReportFigureKeys) {
		const value = stored?.[key]
		figures[key] = typeof value === 'number' && Number.isFinite(value) ? value : 0
	}
	return figures
}
