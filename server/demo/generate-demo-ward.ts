// The demo ward as plain rows, from a size and a seed alone: same input, same ward, on any machine.
// Pure (no database, no clock), so tests and the VNeID sandbox can call it too.
import { demoAccounts } from '#server/demo/demo-accounts.ts'
import { DEMO_REFERENCE_DATE, demoWardProfile, streetNames } from '#server/demo/demo-places.ts'
import type {
	DemoHousehold,
	DemoResident,
	DemoResidentialGroup,
	DemoWard,
	DemoWardOptions,
	DemoWardRow,
} from '#server/demo/demo-ward-types.ts'
import { generateAgencies } from '#server/demo/generate-agencies.ts'
import {
	generateMassOrganizations,
	generateTechTeams,
	pickDigitalAmbassadors,
} from '#server/demo/generate-community.ts'
import { generateHouseholds, type PinnedHead } from '#server/demo/generate-households.ts'
import { generatePartyCells } from '#server/demo/generate-party-cells.ts'
import { generateSchools } from '#server/demo/generate-schools.ts'
import { generateWorkplaces } from '#server/demo/generate-workplaces.ts'
import { OrganizationBuilder, type OrgPerson } from '#server/demo/organization-builder.ts'
import { createRandom } from '#server/demo/random.ts'

/** About 125 residents per residential group (40 at the default 5,000), never fewer than 5 groups. */
export function residentialGroupCount(residents: number): number {
	return Math.max(5, Math.round(residents / 125))
}

const referenceYear = Number(DEMO_REFERENCE_DATE.slice(0, 4))
/** Ages are whole years on the reference date (1 January), so a birth year gives the age exactly. */
const lastBirthYear = referenceYear - 1

function learnerHead(): PinnedHead | undefined {
	const learner = demoAccounts.find((account) => account.role === 'learner')
	if (!learner?.resident) return undefined
	return { fullName: learner.displayName, sex: learner.resident.sex, birthYear: learner.resident.birthYear }
}

/** Generates the whole demo ward in memory. */
export function generateDemoWard({ residents, seed }: DemoWardOptions): DemoWard {
	if (!Number.isInteger(residents) || residents < 1) throw new Error('residents must be a positive integer')
	const ids = createRandom(seed, 'ids')
	const places = createRandom(seed, 'places')
	const ward: DemoWardRow = {
		id: ids.uuid(),
		code: demoWardProfile.code,
		name: demoWardProfile.name,
		kind: demoWardProfile.kind,
		provinceName: demoWardProfile.provinceName,
		provinceIdCode: demoWardProfile.provinceIdCode,
		partyCommitteeName: demoWardProfile.partyCommitteeName,
	}
	const groupCount = residentialGroupCount(residents)
	const residentialGroups: DemoResidentialGroup[] = Array.from({ length: groupCount }, (_, g) => ({
		id: ids.uuid(),
		wardId: ward.id,
		code: `TDP${String(g + 1).padStart(2, '0')}`,
		name: `Tổ dân phố Số ${g + 1}`,
		sortOrder: g + 1,
	}))

	const drafts = generateHouseholds({ residents, seed, lastBirthYear, firstHead: learnerHead() })
	const households: DemoHousehold[] = []
	const residentRows: DemoResident[] = []
	const people: OrgPerson[] = []
	const perGroup = new Array<number>(groupCount).fill(0)
	const houseNumbers = new Array<number>(streetNames.length).fill(0)
	let placed = 0
	for (const draft of drafts) {
		// Fill the groups in order, about the same number of residents in each.
		const groupIndex = Math.min(groupCount - 1, Math.floor((placed * groupCount) / residents))
		const group = residentialGroups[groupIndex] as DemoResidentialGroup
		const sequence = ++perGroup[groupIndex]!
		const streetIndex = Math.floor((groupIndex * streetNames.length) / groupCount)
		houseNumbers[streetIndex] = (houseNumbers[streetIndex] ?? 0) + places.int(1, 4)
		const lane = places.chance(0.4) ? `ngõ ${places.int(1, 40)}, ` : ''
		const household: DemoHousehold = {
			id: ids.uuid(),
			wardId: ward.id,
			residentialGroupId: group.id,
			code: `HGD-${String(groupIndex + 1).padStart(2, '0')}-${String(sequence).padStart(3, '0')}`,
			address: `Số ${houseNumbers[streetIndex]}, ${lane}${streetNames[streetIndex]}, ${group.name}`,
			povertyStatus: draft.povertyStatus,
		}
		households.push(household)
		for (const member of draft.members) {
			const { age, ...rest } = member
			const row: DemoResident = {
				id: ids.uuid(),
				wardId: ward.id,
				householdId: household.id,
				residentialGroupId: group.id,
				occupation: null,
				...rest,
			}
			residentRows.push(row)
			people.push({
				id: row.id,
				age,
				sex: row.sex,
				birthYear: row.birthYear,
				groupIndex,
				temporary: draft.temporary,
				hasPhone: row.phone !== null,
				vneidLevel: row.vneidLevel,
				occupation: null,
			})
		}
		placed += draft.members.length
	}

	const learnerIndex = people.findIndex((p) => p.age >= 18)
	// The demo learner keeps out of jobs: a small trader, the learner the "Chợ số" 4T classes have in mind.
	if (learnerIndex >= 0) (people[learnerIndex] as OrgPerson).occupation = 'Buôn bán nhỏ'
	const builder = new OrganizationBuilder(
		createRandom(seed, 'organizations'),
		ids,
		ward.id,
		people,
		residentialGroups,
		referenceYear,
		learnerIndex >= 0 ? [learnerIndex] : [],
	)
	const agencies = generateAgencies(builder, residents)
	const schools = generateSchools(builder)
	const workplaces = generateWorkplaces(builder, residents)
	generatePartyCells(builder, agencies, schools, workplaces)
	const community = generateMassOrganizations(builder, agencies)
	generateTechTeams(builder, agencies, community)
	const manualTargetGroups = pickDigitalAmbassadors(
		builder,
		community,
		() =>
			`2025-${String(builder.random.int(3, 12)).padStart(2, '0')}-${String(builder.random.int(1, 28)).padStart(2, '0')}`,
	)
	people.forEach((person, index) => {
		;(residentRows[index] as DemoResident).occupation = person.occupation
	})

	const primarySchool = schools.find((s) => s.level === 'primary')
	return {
		referenceDate: DEMO_REFERENCE_DATE,
		ward,
		residentialGroups,
		households,
		residents: residentRows,
		organizations: builder.organizations,
		memberships: builder.memberships,
		manualTargetGroups,
		learnerResidentId: residentRows[learnerIndex]?.id ?? '',
		primarySchoolId: primarySchool?.organization.id ?? '',
	}
}

export interface DemoCitizen {
	fullName: string
	/** 12 digits, in clear: the VNeID sandbox signs these people in. */
	personalId: string
	/** YYYY-MM-DD */
	birthDate: string
	sex: DemoResident['sex']
	phone: string | null
}

/**
 * The first `count` adult residents of the demo ward generated from these options, exactly as the seed
 * stores them. The first is the demo learner. The first households do not depend on the size, so the
 * list is the same for any size large enough to hold `count` adults.
 */
export function listDemoCitizens(options: DemoWardOptions, count: number): DemoCitizen[] {
	const drafts = generateHouseholds({
		residents: options.residents,
		seed: options.seed,
		lastBirthYear,
		firstHead: learnerHead(),
	})
	const citizens: DemoCitizen[] = []
	for (const draft of drafts) {
		for (const member of draft.members) {
			if (citizens.length >= count) return citizens
			if (member.age < 18) continue
			const { fullName, personalId, birthDate, sex, phone } = member
			citizens.push({ fullName, personalId, birthDate, sex, phone })
		}
	}
	return citizens
}
