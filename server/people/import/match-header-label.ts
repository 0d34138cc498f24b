import {
	foldHeaderText,
	type ResidentImportField,
	residentImportFieldInfo,
	residentImportFields,
} from '#server/people/import/resident-import-fields.ts'

export interface HeaderFieldMatch {
	field: ResidentImportField
	/** 1 for a known wording, less when a known wording is only part of the header. */
	confidence: number
}

interface Alias {
	folded: string
	field: ResidentImportField
}

// Longest first, so "ho va ten chu ho" (head of household) wins over "ho va ten" (the person).
const aliases: Alias[] = residentImportFields
	.flatMap((field) =>
		residentImportFieldInfo[field].aliases.map((alias) => ({ folded: foldHeaderText(alias), field })),
	)
	.sort((a, b) => b.folded.length - a.folded.length)

const exact = new Map<string, ResidentImportField>()
for (const alias of aliases) if (!exact.has(alias.folded)) exact.set(alias.folded, alias.field)

/** Sub-headers under "Giới tính" (or under "Ngày sinh", where the date is written in the column of the sex). */
const maleWords = new Set(['nam', 'male', 'm'])
const femaleWords = new Set(['nu', 'female', 'f'])

/** Matches one header text to a field; null when it names none we know. */
export function matchHeaderLabel(label: string): HeaderFieldMatch | null {
	const known = seen.get(label)
	if (known !== undefined) return known
	const match = matchUncached(label)
	if (seen.size > 10_000) seen.clear()
	seen.set(label, match)
	return match
}

/** Header texts repeat across sheets and candidate rows: remember the answers (bounded). */
const seen = new Map<string, HeaderFieldMatch | null>()

function matchUncached(label: string): HeaderFieldMatch | null {
	const folded = foldHeaderText(label)
	if (folded === '') return null
	const field = exact.get(folded)
	if (field) return { field, confidence: 1 }
	const padded = ` ${folded} `
	for (const alias of aliases) {
		// Short wordings ("tt", "to", "gt") and the sex sub-headers only count when they are the whole header.
		if (alias.folded.length < 3 || alias.field === 'sexMale' || alias.field === 'sexFemale') continue
		if (padded.includes(` ${alias.folded} `))
			return { field: alias.field, confidence: alias.folded.length >= 6 ? 0.8 : 0.6 }
	}
	return null
}

/**
 * Matches a header split over two rows ("Giới tính" over "Nam" | "Nữ", "Liên hệ" over "Điện thoại"). The
 * lower text is tried first, then both together, then the upper one.
 */
export function matchTwoRowHeader(top: string, bottom: string): HeaderFieldMatch | null {
	const foldedBottom = foldHeaderText(bottom)
	if (foldedBottom === '' || foldHeaderText(top) === foldedBottom) return matchHeaderLabel(top)
	const parent = matchHeaderLabel(top)
	const sexParent = !parent || parent.field === 'sex' || parent.field === 'birthDate'
	if (maleWords.has(foldedBottom) && sexParent) return { field: 'sexMale', confidence: parent ? 1 : 0.8 }
	if (femaleWords.has(foldedBottom) && sexParent) return { field: 'sexFemale', confidence: parent ? 1 : 0.8 }
	const candidates = [matchHeaderLabel(bottom), matchHeaderLabel(`${top} ${bottom}`), parent]
	let best: HeaderFieldMatch | null = null
	for (const candidate of candidates)
		if (candidate && (!best || candidate.confidence > best.confidence)) best = candidate
	return best
}
