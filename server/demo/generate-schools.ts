// Schools of each level, enough for the ward's children, each serving neighbouring residential groups;
// pupils in classes of about 35 ("Lớp 3A"), teachers and staff drawn from the adults.

import {
	DEMO_SCHOOL_YEAR_START,
	demoWardProfile,
	type SchoolLevel,
	schoolLevels,
	schoolPlaceNames,
} from '#server/demo/demo-places.ts'
import { type StaffedUnit, takeStaff } from '#server/demo/generate-agencies.ts'
import type { OrganizationBuilder } from '#server/demo/organization-builder.ts'

export interface School extends StaffedUnit {
	level: SchoolLevel
}

const CLASS_SIZE = 35

/** Grade in the school year under way: 1–12, 0 to −3 for the pre-school years, null when out of range. */
export function gradeOf(birthYear: number): number | null {
	const grade = DEMO_SCHOOL_YEAR_START - birthYear - 5
	return grade >= -3 && grade <= 12 ? grade : null
}

function levelOf(grade: number): SchoolLevel {
	return grade <= 0 ? 'preschool' : grade <= 5 ? 'primary' : grade <= 9 ? 'lowerSecondary' : 'upperSecondary'
}

const enrolment: Record<SchoolLevel, number> = {
	preschool: 0.9,
	primary: 0.99,
	lowerSecondary: 0.97,
	upperSecondary: 0.85,
}
const femaleTeachers: Record<SchoolLevel, number> = {
	preschool: 0.97,
	primary: 0.85,
	lowerSecondary: 0.72,
	upperSecondary: 0.62,
}
const supportPositions = [
	'Nhân viên kế toán',
	'Nhân viên văn thư',
	'Nhân viên y tế trường học',
	'Nhân viên thư viện',
]

function className(grade: number, letter: string): string {
	if (grade >= 1) return `Lớp ${grade}${letter}`
	return grade === -3 ? `Nhóm trẻ 24–36 tháng ${letter}` : `Lớp Mẫu giáo ${grade + 5} tuổi ${letter}`
}

function schoolName(prefix: string, k: number): string {
	const place = schoolPlaceNames[k % schoolPlaceNames.length] as string
	const round = Math.floor(k / schoolPlaceNames.length)
	return round === 0 ? `${prefix} ${place}` : `${prefix} ${place} số ${round + 1}`
}

/** Creates the schools, enrols the children (pre-school children too) and appoints teachers and staff. */
export function generateSchools(builder: OrganizationBuilder): School[] {
	const { random, people, groups } = builder
	const pupils: Record<SchoolLevel, number[]> = {
		preschool: [],
		primary: [],
		lowerSecondary: [],
		upperSecondary: [],
	}
	people.forEach((person, index) => {
		const grade = gradeOf(person.birthYear)
		if (grade === null) return
		if (grade >= 1) person.occupation = 'Học sinh'
		const level = levelOf(grade)
		if (grade === -3 ? random.chance(0.5) : random.chance(enrolment[level])) pupils[level].push(index)
		else if (grade >= 10) person.occupation = random.chance(0.5) ? 'Học nghề' : 'Lao động tự do'
	})
	const staffPool = builder.pool((p) => !p.temporary && p.age >= 23 && p.age <= 58)
	const schools: School[] = []
	for (const spec of schoolLevels) {
		const enrolled = pupils[spec.level]
		const count = Math.max(1, Math.round(enrolled.length / spec.capacity))
		const levelSchools: School[] = []
		for (let k = 0; k < count; k++) {
			const name = schoolName(spec.prefix, k)
			const organization = builder.addOrganization({
				kind: 'school',
				name,
				shortName: name.replace(spec.prefix, spec.shortPrefix),
				address: `${random.pick(['Đường Thắng Lợi', 'Đường Thống Nhất', 'Đường Độc Lập', 'Đường Chiến Thắng'])}, ${demoWardProfile.shortName}`,
			})
			levelSchools.push({ organization, staff: [], level: spec.level })
		}
		// Catchment: neighbouring residential groups go to the same school.
		const bySchoolAndGrade = new Map<string, number[]>()
		const pupilsPerSchool = levelSchools.map(() => 0)
		for (const index of enrolled) {
			const person = builder.person(index)
			const school = Math.min(count - 1, Math.floor((person.groupIndex * count) / groups.length))
			pupilsPerSchool[school] = (pupilsPerSchool[school] ?? 0) + 1
			const key = `${school}:${gradeOf(person.birthYear)}`
			const list = bySchoolAndGrade.get(key) ?? []
			list.push(index)
			bySchoolAndGrade.set(key, list)
			builder.employed[index] = 1
		}
		for (const [key, list] of bySchoolAndGrade) {
			const [school, grade] = key.split(':').map(Number) as [number, number]
			const classes = Math.ceil(list.length / CLASS_SIZE)
			list.forEach((index, position) => {
				const letter = String.fromCharCode(65 + (position % classes))
				builder.addMembership(
					(levelSchools[school] as School).organization,
					index,
					'student',
					className(grade, letter),
					`${DEMO_SCHOOL_YEAR_START}-09-05`,
				)
			})
		}
		levelSchools.forEach((school, k) => {
			const schoolPupils = pupilsPerSchool[k] ?? 0
			const teachers = Math.max(2, Math.round(schoolPupils / spec.pupilsPerTeacher))
			const support = Math.max(1, Math.round(teachers * 0.15))
			for (let s = 0; s < teachers + support; s++) {
				const position =
					s === 0
						? 'Hiệu trưởng'
						: s === 1
							? 'Phó Hiệu trưởng'
							: s < teachers
								? 'Giáo viên'
								: random.pick(supportPositions)
				const sex = random.chance(femaleTeachers[spec.level]) ? 'female' : 'male'
				const index = takeStaff(builder, staffPool, sex, s < 2 ? 38 : 23, 58)
				if (index === undefined) break
				school.staff.push(index)
				builder.person(index).occupation = s < teachers ? 'Giáo viên' : 'Nhân viên trường học'
				builder.addMembership(school.organization, index, 'staff', position, builder.startedOn(index, 22))
			}
		})
		schools.push(...levelSchools)
	}
	return schools
}
