// Mass organisations under the Fatherland Front, one community digital technology team per residential
// group ("đi từng ngõ, gõ từng nhà, hướng dẫn từng người"), and the digital ambassadors.
import { demoWardProfile } from '#server/demo/demo-places.ts'
import type { DemoManualTargetGroup } from '#server/demo/demo-ward-types.ts'
import type { Agencies } from '#server/demo/generate-agencies.ts'
import type { OrganizationBuilder, OrgPerson } from '#server/demo/organization-builder.ts'
import { shuffled } from '#server/demo/random.ts'

const ward = demoWardProfile.shortName

interface MassOrganizationSpec {
	name: string
	shortName: string
	memberTitle: string
	leaderTitle: string
	share: (person: OrgPerson) => number
}

const massOrganizations: MassOrganizationSpec[] = [
	{
		name: `Hội Liên hiệp Phụ nữ ${ward}`,
		shortName: 'Hội LHPN phường',
		memberTitle: 'Hội viên',
		leaderTitle: 'Chủ tịch Hội Liên hiệp Phụ nữ phường',
		share: (p) => (p.sex === 'female' && p.age >= 18 && p.age <= 75 ? (p.temporary ? 0.1 : 0.45) : 0),
	},
	{
		name: `Đoàn Thanh niên Cộng sản Hồ Chí Minh ${ward}`,
		shortName: 'Đoàn phường',
		memberTitle: 'Đoàn viên',
		leaderTitle: 'Bí thư Đoàn phường',
		share: (p) => (p.age >= 16 && p.age <= 30 ? 0.35 : 0),
	},
	{
		name: `Hội Cựu chiến binh ${ward}`,
		shortName: 'Hội CCB phường',
		memberTitle: 'Hội viên',
		leaderTitle: 'Chủ tịch Hội Cựu chiến binh phường',
		share: (p) => (p.sex === 'male' && !p.temporary ? (p.age >= 60 ? 0.25 : p.age >= 45 ? 0.12 : 0) : 0),
	},
	{
		name: `Hội Nông dân ${ward}`,
		shortName: 'Hội ND phường',
		memberTitle: 'Hội viên',
		leaderTitle: 'Chủ tịch Hội Nông dân phường',
		share: (p) =>
			p.temporary || p.age < 18
				? 0
				: p.occupation === 'Làm nông nghiệp' || p.occupation === 'Xã viên hợp tác xã'
					? 0.8
					: p.age >= 30 && p.age <= 70
						? 0.02
						: 0,
	},
	{
		name: `Hội Người cao tuổi ${ward}`,
		shortName: 'Hội NCT phường',
		memberTitle: 'Hội viên',
		leaderTitle: 'Chủ tịch Hội Người cao tuổi phường',
		share: (p) => (p.age >= 60 && !p.temporary ? 0.75 : 0),
	},
]

export interface Community {
	womenUnionMembers: Set<number>
	youthUnionMembers: Set<number>
	techTeamMembers: number[]
}

/** Creates the mass organisations and their members; returns who joined, for the tech teams. */
export function generateMassOrganizations(builder: OrganizationBuilder, agencies: Agencies): Community {
	const { random, people } = builder
	const parentId = agencies.frontCommittee.organization.id
	const fixedLeaders = [agencies.womenUnionLeader, agencies.youthUnionLeader]
	const joined: Set<number>[] = []
	massOrganizations.forEach((spec, k) => {
		const organization = builder.addOrganization({
			kind: 'massOrganization',
			name: spec.name,
			shortName: spec.shortName,
			parentId,
			address: `Trụ sở Ủy ban MTTQ ${ward}`,
		})
		const members = new Set<number>()
		people.forEach((person, index) => {
			if (random.chance(spec.share(person))) members.add(index)
		})
		const leader = fixedLeaders[k] ?? [...members].find((i) => builder.person(i).age >= 50) ?? [...members][0]
		if (leader !== undefined) {
			members.delete(leader)
			builder.addMembership(organization, leader, 'leader', spec.leaderTitle, builder.startedOn(leader, 25))
		}
		for (const index of members) {
			builder.addMembership(organization, index, 'member', spec.memberTitle, builder.startedOn(index, 16))
		}
		joined.push(members)
	})
	return {
		womenUnionMembers: joined[0] ?? new Set(),
		youthUnionMembers: joined[1] ?? new Set(),
		techTeamMembers: [],
	}
}

/** One team per residential group: the group leader, the area police officer, a Youth and a Women's Union member. */
export function generateTechTeams(
	builder: OrganizationBuilder,
	agencies: Agencies,
	community: Community,
): void {
	const { random, groups } = builder
	const officers = agencies.police.staff.slice(3)
	groups.forEach((group, g) => {
		const organization = builder.addOrganization({
			kind: 'communityTechTeam',
			name: `Tổ Công nghệ số cộng đồng ${group.name}`,
			shortName: `Tổ CNSCĐ ${group.name.replace('Tổ dân phố ', 'TDP ')}`,
			residentialGroupId: group.id,
			parentId: agencies.peoplesCommittee.organization.id,
			address: `Nhà văn hóa ${group.name}`,
		})
		const locals = shuffled(
			(builder.byGroup[g] ?? []).filter((i) => {
				const p = builder.person(i)
				return !p.temporary && p.age >= 20 && p.age <= 68 && p.hasPhone
			}),
			random,
		)
		const chosen = new Set<number>()
		const add = (index: number | undefined, kind: 'leader' | 'member', position: string) => {
			if (index === undefined || chosen.has(index)) return
			chosen.add(index)
			community.techTeamMembers.push(index)
			builder.addMembership(organization, index, kind, position, builder.startedOn(index, 20))
		}
		add(
			locals.find((i) => builder.person(i).age >= 40),
			'leader',
			'Tổ trưởng (Tổ trưởng tổ dân phố)',
		)
		const officer = officers.length > 0 ? officers[g % officers.length] : undefined
		add(officer, 'member', 'Tổ phó (Cảnh sát khu vực)')
		add(
			locals.find((i) => community.youthUnionMembers.has(i) && !chosen.has(i)),
			'member',
			'Thành viên (Chi đoàn thanh niên)',
		)
		add(
			locals.find((i) => community.womenUnionMembers.has(i) && !chosen.has(i)),
			'member',
			'Thành viên (Chi hội Phụ nữ)',
		)
		const size = random.int(3, 5)
		for (const index of locals) {
			if (chosen.size >= size) break
			add(index, 'member', 'Thành viên')
		}
	})
}

/** About 2% of adults, chosen first among tech-team and Youth Union members, all with a phone and VNeID level 2. */
export function pickDigitalAmbassadors(
	builder: OrganizationBuilder,
	community: Community,
	since: () => string,
): DemoManualTargetGroup[] {
	const { random, people } = builder
	const ready = (i: number) => {
		const p = builder.person(i)
		return p.age >= 18 && p.age <= 60 && p.hasPhone && p.vneidLevel === 2
	}
	const adults = people.filter((p) => p.age >= 18).length
	const wanted = Math.round(adults * 0.02)
	const chosen = new Set<number>()
	const consider = (candidates: Iterable<number>, share: number) => {
		for (const index of candidates) {
			if (chosen.size >= wanted) return
			if (!chosen.has(index) && ready(index) && random.chance(share)) chosen.add(index)
		}
	}
	consider(community.techTeamMembers, 0.5)
	consider(shuffled([...community.youthUnionMembers], random), 0.3)
	consider(
		shuffled(
			people.map((_, i) => i),
			random,
		),
		1,
	)
	return [...chosen].map((index) => ({
		residentId: builder.person(index).id,
		targetGroupCode: 'digitalAmbassador' as const,
		since: since(),
	}))
}
