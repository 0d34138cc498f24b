// Who lives together in a demo household: the head, spouse, children, the head's parents, or an older
// couple with a married child and grandchildren. Ages are whole years on the reference date; relations
// are written as Vietnamese household registers write them.
import { pickFamilyName } from '#server/demo/demo-names.ts'
import { type Ethnicity, minorityEthnicities } from '#server/demo/ethnic-names.ts'
import { type Random, weighted } from '#server/demo/random.ts'
import type { Sex } from '#server/people/schema.ts'

export interface MemberSpec {
	relation: string
	sex: Sex
	age: number
	ethnicity: Ethnicity
	familyName: string
}

export type HouseholdType =
	| 'singleElder'
	| 'singleAdult'
	| 'elderCouple'
	| 'youngCouple'
	| 'nuclear'
	| 'singleParent'
	| 'threeGenerations'
	| 'extended'

export const MAX_HOUSEHOLD_SIZE = 7

const permanentTypes = weighted<HouseholdType>([
	['singleElder', 3.5],
	['singleAdult', 3],
	['elderCouple', 6],
	['youngCouple', 3.5],
	['nuclear', 47],
	['singleParent', 5],
	['threeGenerations', 21],
	['extended', 9],
])
// Renting workers near the industrial parks: young, small households.
const temporaryTypes = weighted<HouseholdType>([
	['singleAdult', 35],
	['youngCouple', 25],
	['nuclear', 40],
])

export function pickHouseholdType(random: Random, temporary: boolean): HouseholdType {
	return temporary ? temporaryTypes(random) : permanentTypes(random)
}

interface Person {
	sex: Sex
	age: number
	ethnicity: Ethnicity
	familyName: string
}

/** An age in [min, max], younger ages more likely (fewer people survive to the oldest ages). */
function olderAge(random: Random, min: number, max: number): number {
	return min + Math.floor(random.next() ** 1.6 * (max - min + 1))
}

function person(random: Random, sex: Sex, age: number, ethnicity: Ethnicity): Person {
	return { sex, age, ethnicity, familyName: pickFamilyName(random, ethnicity) }
}

function spouseEthnicity(random: Random, ethnicity: Ethnicity): Ethnicity {
	if (ethnicity === 'Kinh') return random.chance(0.015) ? random.pick(minorityEthnicities) : 'Kinh'
	return random.chance(0.75) ? ethnicity : 'Kinh'
}

function spouseOf(random: Random, partner: Person): Person {
	const sex: Sex = partner.sex === 'male' ? 'female' : 'male'
	const gap = random.chance(0.12) ? -random.int(0, 3) : random.int(0, 6)
	const age = partner.sex === 'male' ? partner.age - gap : partner.age + gap
	return person(random, sex, Math.max(19, age), spouseEthnicity(random, partner.ethnicity))
}

const childCount = weighted([
	[1, 20],
	[2, 50],
	[3, 30],
] as const)

/** Children of a mother of this age: first born when she was 20–30, then every 2–6 years. */
function children(random: Random, motherAge: number, count: number, father: Person): Person[] {
	const kids: Person[] = []
	let ageAtBirth = random.int(20, 30)
	for (let i = 0; i < count; i++) {
		const age = motherAge - ageAtBirth
		// Children past their late twenties have mostly set up their own household.
		if (age >= 0 && age <= 28) {
			kids.push({
				sex: random.chance(0.515) ? 'male' : 'female',
				age,
				ethnicity: father.ethnicity,
				familyName: father.familyName,
			})
		}
		ageAtBirth += random.int(2, 6)
	}
	return kids
}

function withRelation(relation: string, p: Person): MemberSpec {
	return { relation, ...p }
}

function couple(husband: Person, wife: Person, headIsHusband: boolean): MemberSpec[] {
	return headIsHusband
		? [withRelation('Chủ hộ', husband), withRelation('Vợ', wife)]
		: [withRelation('Chủ hộ', wife), withRelation('Chồng', husband)]
}

export interface CompositionOptions {
	type: HouseholdType
	temporary: boolean
	ethnicity: Ethnicity
	/** Fixes the head of a nuclear household (the demo learner's). */
	head?: { sex: Sex; age: number; familyName: string }
}

/** The members of one household, head first. */
export function composeHousehold(
	random: Random,
	{ type, temporary, ethnicity, head }: CompositionOptions,
): MemberSpec[] {
	const maleFirst = (minAge: number, maxAge: number): Person =>
		person(random, 'male', random.int(minAge, maxAge), ethnicity)
	switch (type) {
		case 'singleElder': {
			const sex: Sex = random.chance(0.65) ? 'female' : 'male'
			return [withRelation('Chủ hộ', person(random, sex, olderAge(random, 60, 95), ethnicity))]
		}
		case 'singleAdult': {
			const sex: Sex = random.chance(0.6) ? 'male' : 'female'
			return [
				withRelation(
					'Chủ hộ',
					person(random, sex, temporary ? random.int(18, 35) : random.int(20, 59), ethnicity),
				),
			]
		}
		case 'elderCouple': {
			const husband = person(random, 'male', olderAge(random, 60, 92), ethnicity)
			return couple(husband, spouseOf(random, husband), random.chance(0.85))
		}
		case 'youngCouple': {
			const husband = maleFirst(22, 34)
			return couple(husband, spouseOf(random, husband), random.chance(0.85))
		}
		case 'nuclear': {
			const first = head ? { ...head, ethnicity } : maleFirst(temporary ? 22 : 25, temporary ? 40 : 58)
			const partner = spouseOf(random, first)
			const [husband, wife] = first.sex === 'male' ? [first, partner] : [partner, first]
			const kids = children(random, wife.age, temporary ? random.int(1, 2) : childCount(random), husband)
			const headIsHusband = head ? head.sex === 'male' : random.chance(0.82)
			return [...couple(husband, wife, headIsHusband), ...kids.map((k) => withRelation('Con', k))]
		}
		case 'singleParent': {
			const parent = person(random, random.chance(0.8) ? 'female' : 'male', random.int(28, 55), ethnicity)
			const father = parent.sex === 'male' ? parent : person(random, 'male', parent.age + 3, ethnicity)
			const kids = children(
				random,
				parent.sex === 'female' ? parent.age : parent.age - 3,
				random.int(1, 2),
				father,
			)
			return [withRelation('Chủ hộ', parent), ...kids.map((k) => withRelation('Con', k))]
		}
		case 'threeGenerations': {
			const husband = maleFirst(28, 50)
			const wife = spouseOf(random, husband)
			const headIsHusband = random.chance(0.9)
			const headPerson = headIsHusband ? husband : wife
			const kids = children(random, wife.age, childCount(random), husband)
			const fatherAge = headPerson.age + random.int(24, 34)
			const grandFather: Person = { ...headPerson, sex: 'male', age: fatherAge }
			const grandMother = person(random, 'female', fatherAge - random.int(0, 5), headPerson.ethnicity)
			const parents: MemberSpec[] = []
			const which = random.next()
			if (which < 0.7 && grandFather.age <= 95) parents.push(withRelation('Bố', grandFather))
			if (which >= 0.1 && grandMother.age <= 97) parents.push(withRelation('Mẹ', grandMother))
			return [...couple(husband, wife, headIsHusband), ...parents, ...kids.map((k) => withRelation('Con', k))]
		}
		case 'extended': {
			const grandFather = person(random, 'male', olderAge(random, 52, 85), ethnicity)
			const grandMother = spouseOf(random, grandFather)
			const widowed = random.chance(0.2)
			const elders = widowed
				? [withRelation('Chủ hộ', random.chance(0.7) ? grandMother : grandFather)]
				: couple(grandFather, grandMother, random.chance(0.85))
			const childAge = Math.max(20, grandMother.age - random.int(22, 32))
			if (random.chance(0.75)) {
				const son: Person = { ...grandFather, sex: 'male', age: childAge }
				const daughterInLaw = spouseOf(random, son)
				const kids = children(random, daughterInLaw.age, childCount(random), son)
				return [
					...elders,
					withRelation('Con', son),
					withRelation('Con dâu', daughterInLaw),
					...kids.map((k) => withRelation('Cháu', k)),
				]
			}
			const daughter: Person = { ...grandFather, sex: 'female', age: childAge }
			const sonInLaw = spouseOf(random, daughter)
			const kids = children(random, daughter.age, childCount(random), sonInLaw)
			return [
				...elders,
				withRelation('Con', daughter),
				withRelation('Con rể', sonInLaw),
				...kids.map((k) => withRelation('Cháu', k)),
			]
		}
	}
}
