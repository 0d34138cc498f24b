import { type Ethnicity, ethnicFamilyNames, ethnicGivenNames } from '#server/demo/ethnic-names.ts'
import { type Random, weighted } from '#server/demo/random.ts'
import {
	generationOf,
	kinhFamilyNames,
	kinhGivenNames,
	kinhMiddleNames,
} from '#server/demo/vietnamese-names.ts'
import type { Sex } from '#server/people/schema.ts'

const pickKinhFamilyName = weighted(kinhFamilyNames)
const pickEthnicFamilyName = {
	Tày: weighted(ethnicFamilyNames.Tày),
	Nùng: weighted(ethnicFamilyNames.Nùng),
	'Sán Dìu': weighted(ethnicFamilyNames['Sán Dìu']),
	Dao: weighted(ethnicFamilyNames.Dao),
}
const pickMiddleName = {
	male: {
		elder: weighted(kinhMiddleNames.male.elder),
		middle: weighted(kinhMiddleNames.male.middle),
		young: weighted(kinhMiddleNames.male.young),
	},
	female: {
		elder: weighted(kinhMiddleNames.female.elder),
		middle: weighted(kinhMiddleNames.female.middle),
		young: weighted(kinhMiddleNames.female.young),
	},
}

/** A family name as common among people of this ethnicity. */
export function pickFamilyName(random: Random, ethnicity: Ethnicity): string {
	return ethnicity === 'Kinh' ? pickKinhFamilyName(random) : pickEthnicFamilyName[ethnicity](random)
}

export interface NameFacts {
	familyName: string
	sex: Sex
	birthYear: number
	ethnicity: Ethnicity
}

/** "Nguyễn Văn Hùng": family name, middle name and given name fitting sex, generation and ethnicity. */
export function makeFullName(random: Random, { familyName, sex, birthYear, ethnicity }: NameFacts): string {
	const generation = generationOf(birthYear)
	if (ethnicity !== 'Kinh' && birthYear < 1985 && random.chance(0.45)) {
		const given = random.pick(ethnicGivenNames[ethnicity][sex])
		return `${familyName} ${sex === 'male' ? 'Văn' : 'Thị'} ${given}`
	}
	const middle = pickMiddleName[sex][generation](random)
	let given = random.pick(kinhGivenNames[sex][generation])
	if (given === middle) given = random.pick(kinhGivenNames[sex][generation])
	// Some parents give two middle names now ("Nguyễn Ngọc Bảo Anh").
	if (generation === 'young' && middle !== 'Văn' && middle !== 'Thị' && random.chance(0.05)) {
		const second = pickMiddleName[sex].young(random)
		if (second !== middle && second !== given && second !== 'Văn' && second !== 'Thị') {
			return `${familyName} ${middle} ${second} ${given}`
		}
	}
	return middle === given ? `${familyName} ${middle}` : `${familyName} ${middle} ${given}`
}
