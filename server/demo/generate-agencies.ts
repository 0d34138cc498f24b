// The ward's own bodies: Party committee, People's Committee, police, Fatherland Front and the health
// station, with staff whose numbers grow (within limits) with the size of the ward.
import { demoWardProfile } from '#server/demo/demo-places.ts'
import type { DemoOrganization } from '#server/demo/demo-ward-types.ts'
import type { OrganizationBuilder, PersonPool } from '#server/demo/organization-builder.ts'
import type { Sex } from '#server/people/schema.ts'
import type { OrganizationKind } from '#server/ward/schema.ts'

export interface StaffedUnit {
	organization: DemoOrganization
	/** Resident indexes, most senior first. */
	staff: number[]
}

export interface Agencies {
	partyCommittee: StaffedUnit
	peoplesCommittee: StaffedUnit
	police: StaffedUnit
	frontCommittee: StaffedUnit
	healthStation: StaffedUnit
	/** Front vice-chairs who lead the Women's Union and the Youth Union (the 2025 organisation). */
	womenUnionLeader: number | undefined
	youthUnionLeader: number | undefined
}

interface AgencySpec {
	kind: OrganizationKind
	name: string
	shortName: string
	address: string
	/** Staff at 5,000 residents. */
	baseStaff: number
	femaleShare: number
	occupation: string
	/** Held by the first staff members, in order. */
	leading: readonly string[]
	others: readonly string[]
}

const ward = demoWardProfile.shortName
const office = `Trụ sở Đảng ủy – HĐND – UBND ${ward}, Đường Cách Mạng Tháng Mười`

const specs = {
	partyCommittee: {
		kind: 'agency',
		name: `Đảng ủy ${ward}`,
		shortName: 'Đảng ủy phường',
		address: office,
		baseStaff: 9,
		femaleShare: 0.45,
		occupation: 'Cán bộ, công chức',
		leading: [
			'Bí thư Đảng ủy phường',
			'Phó Bí thư Thường trực Đảng ủy',
			'Chánh Văn phòng Đảng ủy',
			'Trưởng Ban Xây dựng Đảng',
			'Chủ nhiệm Ủy ban Kiểm tra Đảng ủy',
		],
		others: [
			'Chuyên viên Ban Xây dựng Đảng',
			'Chuyên viên Văn phòng Đảng ủy',
			'Chuyên viên Ủy ban Kiểm tra Đảng ủy',
		],
	},
	peoplesCommittee: {
		kind: 'agency',
		name: `Ủy ban nhân dân ${ward}`,
		shortName: 'UBND phường',
		address: office,
		baseStaff: 24,
		femaleShare: 0.5,
		occupation: 'Cán bộ, công chức',
		leading: [
			'Chủ tịch UBND phường',
			'Phó Chủ tịch UBND phường',
			'Phó Chủ tịch UBND phường',
			'Chánh Văn phòng HĐND và UBND phường',
			'Trưởng phòng Kinh tế, Hạ tầng và Đô thị',
			'Trưởng phòng Văn hóa – Xã hội',
			'Giám đốc Trung tâm Phục vụ hành chính công',
		],
		others: [
			'Chuyên viên Văn phòng HĐND và UBND phường',
			'Chuyên viên Phòng Kinh tế, Hạ tầng và Đô thị',
			'Chuyên viên Phòng Văn hóa – Xã hội',
			'Viên chức Trung tâm Phục vụ hành chính công',
			'Nhân viên hợp đồng',
		],
	},
	police: {
		kind: 'agency',
		name: `Công an ${ward}`,
		shortName: 'Công an phường',
		address: `Đường Thắng Lợi, ${ward}`,
		baseStaff: 16,
		femaleShare: 0.15,
		occupation: 'Công an',
		leading: ['Trưởng Công an phường', 'Phó Trưởng Công an phường', 'Phó Trưởng Công an phường'],
		others: [
			'Cảnh sát khu vực',
			'Cảnh sát khu vực',
			'Cán bộ Đội Cảnh sát quản lý hành chính về trật tự xã hội',
		],
	},
	frontCommittee: {
		kind: 'agency',
		name: `Ủy ban Mặt trận Tổ quốc Việt Nam ${ward}`,
		shortName: 'Ủy ban MTTQ phường',
		address: office,
		baseStaff: 6,
		femaleShare: 0.5,
		occupation: 'Cán bộ, công chức',
		leading: [
			'Chủ tịch Ủy ban MTTQ Việt Nam phường',
			'Phó Chủ tịch Ủy ban MTTQ, Chủ tịch Hội Liên hiệp Phụ nữ phường',
			'Phó Chủ tịch Ủy ban MTTQ, Bí thư Đoàn phường',
		],
		others: ['Chuyên viên Ủy ban MTTQ phường'],
	},
	healthStation: {
		kind: 'healthFacility',
		name: `Trạm Y tế ${ward}`,
		shortName: 'Trạm Y tế phường',
		address: `Đường Thống Nhất, ${ward}`,
		baseStaff: 9,
		femaleShare: 0.75,
		occupation: 'Nhân viên y tế',
		leading: ['Trạm trưởng Trạm Y tế', 'Phó Trạm trưởng Trạm Y tế'],
		others: ['Bác sĩ', 'Y sĩ', 'Điều dưỡng', 'Nữ hộ sinh', 'Dược sĩ', 'Kỹ thuật viên xét nghiệm'],
	},
} satisfies Record<string, AgencySpec>

/** Staff numbers grow with the ward, but a ward's offices stay offices. */
export function staffCount(baseStaff: number, residents: number): number {
	return Math.max(3, Math.round(baseStaff * Math.min(4, Math.max(0.25, residents / 5000))))
}

/** Takes one person: preferred sex and age first, then anyone of working age. */
export function takeStaff(
	builder: OrganizationBuilder,
	pool: PersonPool,
	sex: Sex | undefined,
	minAge: number,
	maxAge: number,
): number | undefined {
	const fits = (i: number, strictSex: boolean) => {
		const p = builder.person(i)
		return p.age >= minAge && p.age <= maxAge && (!strictSex || sex === undefined || p.sex === sex)
	}
	return pool.take((i) => fits(i, true)) ?? pool.take((i) => fits(i, false)) ?? pool.take()
}

function staffUnit(
	builder: OrganizationBuilder,
	pool: PersonPool,
	spec: AgencySpec,
	residents: number,
): StaffedUnit {
	const organization = builder.addOrganization(spec)
	const staff: number[] = []
	const count = staffCount(spec.baseStaff, residents)
	for (let k = 0; k < count; k++) {
		const position = spec.leading[k] ?? builder.random.pick(spec.others)
		const senior = k < spec.leading.length
		let sex: Sex = builder.random.chance(spec.femaleShare) ? 'female' : 'male'
		if (position.includes('Phụ nữ') || position === 'Nữ hộ sinh') sex = 'female'
		const [minAge, maxAge] = position.includes('Đoàn')
			? [26, 35]
			: senior && k < 2
				? [42, 58]
				: senior
					? [35, 58]
					: [23, 55]
		const index = takeStaff(builder, pool, sex, minAge, maxAge)
		if (index === undefined) break
		staff.push(index)
		builder.person(index).occupation = spec.occupation
		const kind = senior && k === 0 ? 'leader' : 'staff'
		builder.addMembership(organization, index, kind, position, builder.startedOn(index, 23))
	}
	return { organization, staff }
}

/**
 * The ward's steering board for science, technology, innovation and digital transformation (the plan's
 * "Ban Chỉ đạo"): heads of the ward bodies sitting on it, so kind `other` and no staff of its own.
 */
function addSteeringBoard(
	builder: OrganizationBuilder,
	seats: [number | undefined, 'leader' | 'member', string][],
): void {
	const organization = builder.addOrganization({
		kind: 'other',
		name: `Ban Chỉ đạo phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số ${ward}`,
		shortName: 'Ban Chỉ đạo phường',
		address: office,
	})
	for (const [index, kind, position] of seats) {
		if (index !== undefined)
			builder.addMembership(organization, index, kind, position, `${builder.referenceYear - 1}-03-01`)
	}
}

/** Creates the five ward bodies and appoints their staff from the working-age residents. */
export function generateAgencies(builder: OrganizationBuilder, residents: number): Agencies {
	const pool = builder.pool((p) => !p.temporary && p.age >= 23 && p.age <= 58)
	const partyCommittee = staffUnit(builder, pool, specs.partyCommittee, residents)
	const peoplesCommittee = staffUnit(builder, pool, specs.peoplesCommittee, residents)
	const police = staffUnit(builder, pool, specs.police, residents)
	const frontCommittee = staffUnit(builder, pool, specs.frontCommittee, residents)
	const healthStation = staffUnit(builder, pool, specs.healthStation, residents)
	addSteeringBoard(builder, [
		[partyCommittee.staff[0], 'leader', 'Trưởng Ban Chỉ đạo (Bí thư Đảng ủy phường)'],
		[peoplesCommittee.staff[0], 'member', 'Phó Trưởng Ban Thường trực (Chủ tịch UBND phường)'],
		[partyCommittee.staff[3], 'member', 'Phó Trưởng Ban (Trưởng Ban Xây dựng Đảng)'],
		[police.staff[0], 'member', 'Thành viên (Trưởng Công an phường)'],
		[frontCommittee.staff[0], 'member', 'Thành viên (Chủ tịch Ủy ban MTTQ phường)'],
		[frontCommittee.staff[2], 'member', 'Thành viên (Bí thư Đoàn phường)'],
		[healthStation.staff[0], 'member', 'Thành viên (Trạm trưởng Trạm Y tế)'],
	])
	return {
		partyCommittee,
		peoplesCommittee,
		police,
		frontCommittee,
		healthStation,
		womenUnionLeader: frontCommittee.staff[1],
		youthUnionLeader: frontCommittee.staff[2],
	}
}
