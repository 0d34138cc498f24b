// Party cells (chi bộ) under the ward Party committee: one per ward body, school and large firm, and one
// per few residential groups for members who live there (retirees, veterans, people working elsewhere).
import type { Agencies, StaffedUnit } from '#server/demo/generate-agencies.ts'
import type { School } from '#server/demo/generate-schools.ts'
import type { Workplaces } from '#server/demo/generate-workplaces.ts'
import type { OrganizationBuilder } from '#server/demo/organization-builder.ts'

const GROUPS_PER_CELL = 3

function admit(builder: OrganizationBuilder, members: number[], cell: StaffedUnit['organization']): void {
	// The secretary is an experienced member: the first aged 45–70 if any.
	const secretary =
		members.find((i) => builder.person(i).age >= 45 && builder.person(i).age <= 70) ?? members[0]
	const deputy = members.find((i) => i !== secretary && builder.person(i).age >= 35)
	for (const index of members) {
		const position =
			index === secretary ? 'Bí thư Chi bộ' : index === deputy ? 'Phó Bí thư Chi bộ' : 'Đảng viên'
		builder.addMembership(cell, index, 'partyMember', position, builder.startedOn(index, 20))
	}
}

function residentShare(age: number): number {
	return age < 18 ? 0 : age <= 30 ? 0.015 : age <= 45 ? 0.04 : age <= 59 ? 0.07 : 0.12
}

/** Creates the cells and admits members; everyone belongs to at most one cell. */
export function generatePartyCells(
	builder: OrganizationBuilder,
	agencies: Agencies,
	schools: School[],
	workplaces: Workplaces,
): void {
	const { random, groups } = builder
	const parentId = agencies.partyCommittee.organization.id
	const inCell = new Uint8Array(builder.people.length)
	const unitCell = (name: string, units: StaffedUnit[], share: number) => {
		const cell = builder.addOrganization({ kind: 'partyCell', name, parentId })
		const members = units.flatMap((u) => u.staff).filter((i) => !inCell[i] && random.chance(share))
		for (const i of members) inCell[i] = 1
		admit(builder, members, cell)
	}
	unitCell('Chi bộ Cơ quan Đảng – Mặt trận phường', [agencies.partyCommittee, agencies.frontCommittee], 0.95)
	unitCell('Chi bộ Ủy ban nhân dân phường', [agencies.peoplesCommittee], 0.8)
	unitCell('Chi bộ Công an phường', [agencies.police], 0.95)
	unitCell('Chi bộ Trạm Y tế phường', [agencies.healthStation], 0.5)
	for (const school of schools) unitCell(`Chi bộ ${school.organization.name}`, [school], 0.45)
	const largest = [...workplaces.enterprises].sort((a, b) => b.staff.length - a.staff.length)[0]
	if (largest && largest.staff.length >= 20) unitCell(`Chi bộ ${largest.organization.name}`, [largest], 0.04)

	for (let first = 0; first < groups.length; first += GROUPS_PER_CELL) {
		const last = Math.min(groups.length, first + GROUPS_PER_CELL) - 1
		const name =
			first === last
				? `Chi bộ Tổ dân phố Số ${first + 1}`
				: `Chi bộ Tổ dân phố Số ${first + 1} – Số ${last + 1}`
		const cell = builder.addOrganization({ kind: 'partyCell', name, parentId })
		const members: number[] = []
		for (let g = first; g <= last; g++) {
			for (const index of builder.byGroup[g] ?? []) {
				const person = builder.person(index)
				if (inCell[index] || person.temporary || !random.chance(residentShare(person.age))) continue
				inCell[index] = 1
				members.push(index)
			}
		}
		admit(builder, members, cell)
	}
}
