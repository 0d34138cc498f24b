import { foldHeaderText } from '#server/people/import/resident-import-fields.ts'
import { toTitleCase } from '#server/people/import/title-case.ts'

/** A residential group named by a sheet or its title ("Tổ 5", "TDP số 05", "Thôn Đồng Tâm"). */
export interface ResidentialGroupHint {
	/** How the group is shown: "Tổ dân phố số 5", "Thôn 3", "Thôn Đồng Tâm". */
	label: string
	number?: number
}

const NUMBERED_TDP = /(?:^| )(?:to dan pho|to dp|tdp|to)\s*(?:so\s*)?0*(\d{1,3})(?: |$)/
const NUMBERED_OTHER = /(?:^| )(khu pho|thon|xom|khom|ban|khu|ap)\s*(?:so\s*)?0*(\d{1,3})(?: |$)/
const OTHER_KINDS: Record<string, string> = {
	'khu pho': 'Khu phố',
	thon: 'Thôn',
	xom: 'Xóm',
	khom: 'Khóm',
	ban: 'Bản',
	khu: 'Khu',
	ap: 'Ấp',
}
const NAMED = /(?:^|[^\p{L}])(thôn|xóm|bản|ấp|khu phố|làng)\s+([\p{L}][\p{L} ]{1,40})/iu
const NAMED_STOP = /\s+(?:xã|phường|thị trấn|huyện|quận|thị xã|tỉnh|thành phố|tp|năm|tháng)(?:\s|$).*/iu

/** Reads a residential group out of free text; undefined when the text names none. */
export function parseResidentialGroupLabel(text: string): ResidentialGroupHint | undefined {
	const folded = foldHeaderText(text)
	const tdp = NUMBERED_TDP.exec(folded)
	if (tdp) return { label: `Tổ dân phố số ${Number(tdp[1])}`, number: Number(tdp[1]) }
	const other = NUMBERED_OTHER.exec(folded)
	if (other) return { label: `${OTHER_KINDS[other[1]!]} ${Number(other[2])}`, number: Number(other[2]) }
	const named = NAMED.exec(text.normalize('NFC'))
	if (named) {
		const name = named[2]!.replace(NAMED_STOP, '').trim()
		if (name.length >= 2) return { label: toTitleCase(`${named[1]} ${name}`) }
	}
	return undefined
}

/** The sheet's residential group: from its name ("Tổ 5") or else from a title row above the header. */
export function inferResidentialGroup(
	sheetName: string,
	titleLines: readonly string[],
): ResidentialGroupHint | undefined {
	return parseResidentialGroupLabel(sheetName) ?? titleLines.map(parseResidentialGroupLabel).find(Boolean)
}

export interface ResidentialGroupCandidate {
	id: string
	code: string
	name: string
}

/**
 * Finds the ward's residential group a label refers to: by number ("TDP 05" → the group numbered 5) or by
 * name without diacritics; undefined when none or several match.
 */
export function matchResidentialGroup(
	label: string,
	groups: readonly ResidentialGroupCandidate[],
): ResidentialGroupCandidate | undefined {
	const hint = parseResidentialGroupLabel(label)
	const folded = foldHeaderText(hint?.label ?? label)
	const byNumber =
		hint?.number === undefined
			? []
			: groups.filter((g) => {
					const n =
						parseResidentialGroupLabel(g.name)?.number ?? (/^\d+$/.test(g.code) ? Number(g.code) : undefined)
					return n === hint.number
				})
	if (byNumber.length === 1) return byNumber[0]
	const byName = groups.filter((g) => foldHeaderText(g.name) === folded || foldHeaderText(g.code) === folded)
	return byName.length === 1 ? byName[0] : undefined
}
