// Enterprises in the industrial parks and cooperatives, their workers, and an occupation for everyone
// else. Firm names are invented.
import {
	cooperativeNames,
	demoWardProfile,
	enterpriseBrands,
	enterpriseSectors,
	industrialParks,
} from '#server/demo/demo-places.ts'
import type { StaffedUnit } from '#server/demo/generate-agencies.ts'
import type { OrganizationBuilder } from '#server/demo/organization-builder.ts'
import { weighted } from '#server/demo/random.ts'
import { weightedWords } from '#server/demo/vietnamese-names.ts'

export interface Workplaces {
	enterprises: StaffedUnit[]
	cooperatives: StaffedUnit[]
}

const pickSector = weighted(enterpriseSectors.map((s) => [s, s.weight] as const))
const officePositions = [
	'Nhân viên văn phòng',
	'Kỹ sư',
	'Kế toán',
	'Quản đốc phân xưởng',
	'Nhân viên kỹ thuật',
]
const workingAgeOccupations = weighted(
	weightedWords(
		'Lao_động_tự_do:22 Làm_việc_ngoài_phường:20 Buôn_bán_nhỏ:18 Nội_trợ:10 Làm_nông_nghiệp:10 Kinh_doanh_dịch_vụ:8 Thợ_xây:5 Lái_xe:4 Thợ_may:3',
	).map(([word, weight]) => [word.replaceAll('_', ' '), weight] as const),
)
const elderOccupations = weighted(
	weightedWords('Hưu_trí:45 Làm_nông_nghiệp:20 Nội_trợ:15 Không_đi_làm:12 Buôn_bán_nhỏ:8').map(
		([word, weight]) => [word.replaceAll('_', ' '), weight] as const,
	),
)

function enterpriseName(
	builder: OrganizationBuilder,
	k: number,
): { name: string; shortName: string; sector: string } {
	const sector = pickSector(builder.random)
	const brand = enterpriseBrands[k % enterpriseBrands.length] as string
	const round = Math.floor(k / enterpriseBrands.length)
	const shortName = round === 0 ? brand : `${brand} ${round + 1}`
	const form = builder.random.chance(0.65) ? 'Công ty TNHH' : 'Công ty Cổ phần'
	return { name: `${form} ${sector.sector} ${shortName}`, shortName, sector: sector.position }
}

/** Creates enterprises and cooperatives, hires workers among the working-age adults without a job. */
export function generateWorkplaces(builder: OrganizationBuilder, residents: number): Workplaces {
	const { random, people } = builder
	const enterpriseCount = Math.max(3, Math.round(residents / 600))
	const cooperativeCount = Math.max(1, Math.round(residents / 2500))
	const enterprises: (StaffedUnit & { workerPosition: string })[] = []
	const sizes: number[] = []
	for (let k = 0; k < enterpriseCount; k++) {
		const { name, shortName, sector } = enterpriseName(builder, k)
		const park = random.pick(industrialParks)
		const organization = builder.addOrganization({
			kind: 'enterprise',
			name,
			shortName,
			address: `Lô CN-${String(random.int(1, 60)).padStart(2, '0')}, ${park}, ${demoWardProfile.shortName}`,
		})
		enterprises.push({ organization, staff: [], workerPosition: sector })
		// A few large employers, many small ones.
		sizes.push(1 / (0.08 + random.next()))
	}
	const cooperatives: StaffedUnit[] = []
	for (let k = 0; k < cooperativeCount; k++) {
		const base = cooperativeNames[k % cooperativeNames.length] as string
		const round = Math.floor(k / cooperativeNames.length)
		const organization = builder.addOrganization({
			kind: 'cooperative',
			name: round === 0 ? base : `${base} ${round + 1}`,
			shortName: base.replace('Hợp tác xã', 'HTX'),
			address: `Tổ dân phố Số ${random.int(1, builder.groups.length)}, ${demoWardProfile.shortName}`,
		})
		cooperatives.push({ organization, staff: [] })
	}
	const pickEnterprise = weighted(enterprises.map((e, k) => [e, sizes[k] ?? 1] as const))
	people.forEach((person, index) => {
		if (builder.employed[index] || person.age < 18) return
		const workingAge = person.age <= (person.sex === 'female' ? 55 : 58)
		if (workingAge && random.chance(person.temporary ? 0.85 : 0.4)) {
			pickEnterprise(random).staff.push(index)
			builder.employed[index] = 1
		} else if (workingAge && !person.temporary && random.chance(0.05)) {
			random.pick(cooperatives).staff.push(index)
			builder.employed[index] = 1
		} else if (person.occupation === null) {
			person.occupation =
				person.age >= 60
					? elderOccupations(random)
					: person.age <= 22 && random.chance(0.45)
						? 'Sinh viên'
						: workingAgeOccupations(random)
			if (person.sex === 'male' && (person.occupation === 'Nội trợ' || person.occupation === 'Thợ may')) {
				person.occupation = 'Lao động tự do'
			}
		}
	})
	for (const enterprise of enterprises) {
		// The oldest worker (35 or over) runs the firm; about one in ten works in the office.
		const director = enterprise.staff.reduce<number | undefined>(
			(oldest, i) =>
				builder.person(i).age >= 35 &&
				(oldest === undefined || builder.person(i).age > builder.person(oldest).age)
					? i
					: oldest,
			undefined,
		)
		for (const index of enterprise.staff) {
			const office = index !== director && random.chance(0.1)
			const person = builder.person(index)
			person.occupation =
				index === director ? 'Quản lý doanh nghiệp' : office ? 'Nhân viên văn phòng' : 'Công nhân'
			const position =
				index === director ? 'Giám đốc' : office ? random.pick(officePositions) : enterprise.workerPosition
			const kind = index === director ? 'leader' : office ? 'staff' : 'worker'
			builder.addMembership(enterprise.organization, index, kind, position, builder.startedOn(index, 18))
		}
	}
	for (const cooperative of cooperatives) {
		const director = cooperative.staff.find((i) => builder.person(i).age >= 35)
		for (const index of cooperative.staff) {
			builder.person(index).occupation = 'Xã viên hợp tác xã'
			const leads = index === director
			builder.addMembership(
				cooperative.organization,
				index,
				leads ? 'leader' : 'worker',
				leads ? 'Giám đốc hợp tác xã' : 'Thành viên hợp tác xã',
				builder.startedOn(index, 18),
			)
		}
	}
	return { enterprises, cooperatives }
}
