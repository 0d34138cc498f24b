// Households and their members, drawn one household at a time from one random stream. Nothing here
// depends on the ward's size, so the first households (and the demo citizens listed from them) are the
// same whatever size is asked for.
import { makeFullName } from '#server/demo/demo-names.ts'
import { ethnicBirthProvinces, migrantBirthProvinces, mobilePrefixes } from '#server/demo/demo-places.ts'
import { type Ethnicity, householdEthnicities } from '#server/demo/ethnic-names.ts'
import {
	composeHousehold,
	MAX_HOUSEHOLD_SIZE,
	type MemberSpec,
	pickHouseholdType,
} from '#server/demo/household-composition.ts'
import { createRandom, type Random, weighted } from '#server/demo/random.ts'
import { generatePersonalId } from '#server/people/personal-id.ts'
import type { Sex, VneidLevel } from '#server/people/schema.ts'

export interface PersonDraft {
	fullName: string
	sex: Sex
	age: number
	birthDate: string
	birthYear: number
	personalId: string
	phone: string | null
	relationToHead: string
	ethnicity: Ethnicity
	hasDisability: boolean
	residence: 'permanent' | 'temporary'
	vneidLevel: VneidLevel
	vneidUpdatedOn: string | null
}

export interface HouseholdDraft {
	members: PersonDraft[]
	temporary: boolean
	povertyStatus: 'none' | 'poor' | 'nearPoor'
}

export interface PinnedHead {
	fullName: string
	sex: Sex
	birthYear: number
}

export interface HouseholdGenerationOptions {
	residents: number
	seed: number
	/** Ages are whole years on 1 January of the year after this one. */
	lastBirthYear: number
	/** The head of the first household (the demo learner). */
	firstHead?: PinnedHead
}

const DAY_MS = 86_400_000
const pickHouseholdEthnicity = weighted(householdEthnicities)
const pickMigrantProvince = weighted(migrantBirthProvinces)
const pickEthnicProvince = {
	Tày: weighted(ethnicBirthProvinces.Tày),
	Nùng: weighted(ethnicBirthProvinces.Nùng),
	'Sán Dìu': weighted(ethnicBirthProvinces['Sán Dìu']),
	Dao: weighted(ethnicBirthProvinces.Dao),
}
const pickMobilePrefix = weighted(mobilePrefixes)

function isoDay(ms: number): string {
	return new Date(ms).toISOString().slice(0, 10)
}

/** A day of the year other than 1 January, so the age on 1 January of the next year is exact. */
function birthDateIn(random: Random, year: number): string {
	const start = Date.UTC(year, 0, 1)
	const days = Math.round((Date.UTC(year + 1, 0, 1) - start) / DAY_MS)
	return isoDay(start + random.int(1, days - 1) * DAY_MS)
}

function otherProvince(random: Random, ethnicity: Ethnicity): string {
	return ethnicity === 'Kinh' ? pickMigrantProvince(random) : pickEthnicProvince[ethnicity](random)
}

/** Where the birth was registered: mostly Thái Nguyên (019), more often elsewhere for older people. */
function birthProvince(
	random: Random,
	birthYear: number,
	ethnicity: Ethnicity,
	origin: string | null,
): string {
	if (origin !== null) return birthYear >= 2021 && random.chance(0.4) ? '019' : origin
	const native = ethnicity === 'Sán Dìu' ? 0.2 : 0
	const local = (birthYear >= 1995 ? 0.92 : birthYear >= 1975 ? 0.72 : 0.45) + native
	return random.chance(local) ? '019' : otherProvince(random, ethnicity)
}

function phoneShare(age: number): number {
	return age < 14 ? 0 : age < 18 ? 0.5 : age < 60 ? 0.93 : age < 75 ? 0.72 : 0.4
}

function disabilityShare(age: number): number {
	return age < 18 ? 0.015 : age < 60 ? 0.032 : age < 75 ? 0.08 : 0.15
}

/** VNeID: none under 14 (brief), most working-age adults at level 2, fewer among the oldest. */
function vneidLevel(random: Random, age: number, hasPhone: boolean, temporary: boolean): VneidLevel {
	if (age < 14 || !hasPhone) return 0
	const [level2, level1] =
		age < 18
			? [0.45, 0.15]
			: age < 60
				? [temporary ? 0.75 : 0.85, 0.07]
				: age < 75
					? [0.65, 0.1]
					: [0.4, 0.08]
	const draw = random.next()
	return draw < level2 ? 2 : draw < level2 + level1 ? 1 : 0
}

function povertyStatus(
	random: Random,
	members: PersonDraft[],
	temporary: boolean,
): HouseholdDraft['povertyStatus'] {
	// Renting workers are on their home commune's poverty list, not the ward's.
	if (temporary) return 'none'
	let factor = 1
	if (members.some((m) => m.ethnicity !== 'Kinh')) factor *= 2.5
	if (members.every((m) => m.age >= 60)) factor *= 2.2
	if (members.some((m) => m.hasDisability)) factor *= 1.8
	if (!members.some((m) => m.relationToHead === 'Vợ' || m.relationToHead === 'Chồng')) factor *= 1.5
	const draw = random.next()
	return draw < 0.017 * factor ? 'poor' : draw < 0.037 * factor ? 'nearPoor' : 'none'
}

/** Draws households until `residents` people are reached; the last household is cut to fit. */
export function generateHouseholds({
	residents,
	seed,
	lastBirthYear,
	firstHead,
}: HouseholdGenerationOptions): HouseholdDraft[] {
	const random = createRandom(seed, 'households')
	const personalIds = new Set<string>()
	const phones = new Set<string>()
	const households: HouseholdDraft[] = []
	let count = 0

	const uniquePersonalId = (provinceCode: string, sex: Sex, birthYear: number) => {
		for (;;) {
			const id = generatePersonalId({ provinceCode, sex, birthYear, random: random.next })
			if (!personalIds.has(id)) {
				personalIds.add(id)
				return id
			}
		}
	}
	const uniquePhone = () => {
		for (;;) {
			const phone = `${pickMobilePrefix(random)}${String(random.int(0, 9_999_999)).padStart(7, '0')}`
			if (!phones.has(phone)) {
				phones.add(phone)
				return phone
			}
		}
	}

	while (count < residents) {
		const pinned = households.length === 0 ? firstHead : undefined
		const temporary = pinned ? false : random.chance(0.08)
		const ethnicity: Ethnicity = pinned ? 'Kinh' : pickHouseholdEthnicity(random)
		const specs: MemberSpec[] = composeHousehold(random, {
			type: pinned ? 'nuclear' : pickHouseholdType(random, temporary),
			temporary,
			ethnicity,
			head: pinned && {
				sex: pinned.sex,
				age: lastBirthYear - pinned.birthYear,
				familyName: pinned.fullName.split(' ')[0] ?? pinned.fullName,
			},
		}).slice(0, MAX_HOUSEHOLD_SIZE)
		const origin = temporary ? (random.chance(0.2) ? '019' : otherProvince(random, ethnicity)) : null
		const members = specs.map((spec, index): PersonDraft => {
			const birthYear = lastBirthYear - spec.age
			const isPinned = pinned !== undefined && index === 0
			const fullName = isPinned ? pinned.fullName : makeFullName(random, { ...spec, birthYear })
			const provinceCode = isPinned ? '019' : birthProvince(random, birthYear, spec.ethnicity, origin)
			const hasPhone = isPinned || random.chance(phoneShare(spec.age))
			const level = isPinned ? 2 : vneidLevel(random, spec.age, hasPhone, temporary)
			return {
				fullName,
				sex: spec.sex,
				age: spec.age,
				birthDate: birthDateIn(random, birthYear),
				birthYear,
				personalId: uniquePersonalId(provinceCode, spec.sex, birthYear),
				phone: hasPhone ? uniquePhone() : null,
				relationToHead: spec.relation,
				ethnicity: spec.ethnicity,
				hasDisability: !isPinned && random.chance(disabilityShare(spec.age)),
				residence: temporary ? 'temporary' : 'permanent',
				vneidLevel: level,
				vneidUpdatedOn: level > 0 ? isoDay(Date.UTC(2022, 0, 1) + random.int(0, 1444) * DAY_MS) : null,
			}
		})
		const kept = members.slice(0, residents - count)
		households.push({ members: kept, temporary, povertyStatus: povertyStatus(random, members, temporary) })
		count += kept.length
	}
	return households
}
