import { randomUUID } from 'node:crypto'
import { certificates } from '#server/certification/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import {
	learners,
	learningCourses,
	learningLessons,
	learningTracks,
	lessonProgress,
} from '#server/learning/schema.ts'
import { residents, residentTargetGroups } from '#server/people/schema.ts'
import { ensureStandardTargetGroups } from '#server/people/target-groups.server.ts'
import { pilotModels } from '#server/programmes/schema.ts'
import { organizationMemberships, organizations, residentialGroups, wards } from '#server/ward/schema.ts'

/*
 * A small, hand-built ward whose indicator values are known by heart (see indicators.test.ts). Every
 * course has one published lesson, except ai-basics with two, so "finished a course" means every lesson.
 */

const courseIds = [
	'smartphone-internet',
	'vneid',
	'public-services',
	'cashless-payment',
	'scams-misinformation',
	'personal-data',
	'ai-basics',
	'ai-at-work',
	'community-tech-team',
	'student-digital-safety',
	'workplace-digital',
	'online-health',
	'trader-4t',
] as const
type CourseId = (typeof courseIds)[number]

const lessonsOf = (course: CourseId): string[] =>
	course === 'ai-basics' ? ['ai-basics-1', 'ai-basics-2'] : [`${course}-1`]

export interface IndicatorFixture {
	wardId: string
	groups: { g1: string; g2: string }
	organizations: { agency: string; enterprise: string; school: string; team: string }
	/** Resident ids by letter (A…K). */
	people: Record<string, string>
}

interface Person {
	sex: 'male' | 'female'
	birthYear: number
	group: 'g1' | 'g2'
	status?: 'active' | 'movedAway'
	targetGroups?: string[]
	membership?: {
		org: keyof IndicatorFixture['organizations']
		kind: 'staff' | 'worker' | 'student' | 'member'
	}
	/** Courses finished on a day; a course listed with a later day in `late` finishes then. */
	finished?: CourseId[]
	finishedOn?: string
	/** Single lessons finished on a given day. */
	lessons?: { lesson: string; on: string }[]
	certificates?: {
		basis: 'vneid' | 'national_platform'
		issuedOn: string
		revokedAt?: string
		track?: 'elderly'
	}[]
}

const publicEmployeeTrack: CourseId[] = [
	'public-services',
	'personal-data',
	'scams-misinformation',
	'workplace-digital',
	'ai-basics',
	'ai-at-work',
]
const communityTeamTrack: CourseId[] = [
	'smartphone-internet',
	'vneid',
	'public-services',
	'cashless-payment',
	'scams-misinformation',
	'personal-data',
	'ai-basics',
	'ai-at-work',
	'community-tech-team',
]

export const fixturePeople: Record<string, Person> = {
	A: {
		sex: 'male',
		birthYear: 1980,
		group: 'g1',
		targetGroups: ['publicEmployee'],
		membership: { org: 'agency', kind: 'staff' },
		finished: publicEmployeeTrack,
	},
	B: {
		sex: 'female',
		birthYear: 1990,
		group: 'g1',
		targetGroups: ['publicEmployee'],
		membership: { org: 'agency', kind: 'staff' },
		finished: ['public-services'],
	},
	C: {
		sex: 'male',
		birthYear: 2015,
		group: 'g2',
		targetGroups: ['student'],
		membership: { org: 'school', kind: 'student' },
		finished: ['student-digital-safety', 'personal-data', 'ai-basics'],
	},
	D: {
		sex: 'female',
		birthYear: 2016,
		group: 'g2',
		targetGroups: ['student'],
		membership: { org: 'school', kind: 'student' },
		finished: ['student-digital-safety'],
		lessons: [{ lesson: 'ai-basics-1', on: '2026-03-10' }],
	},
	E: {
		sex: 'female',
		birthYear: 1950,
		group: 'g2',
		targetGroups: ['elderly'],
		finished: ['smartphone-internet', 'vneid', 'online-health', 'scams-misinformation'],
		certificates: [{ basis: 'vneid', issuedOn: '2026-03-01' }],
	},
	F: {
		sex: 'male',
		birthYear: 1970,
		group: 'g1',
		certificates: [
			{ basis: 'vneid', issuedOn: '2026-08-01' },
			{ basis: 'national_platform', issuedOn: '2026-02-01', track: 'elderly' },
		],
	},
	G: {
		sex: 'female',
		birthYear: 1985,
		group: 'g2',
		targetGroups: ['enterpriseWorker'],
		membership: { org: 'enterprise', kind: 'worker' },
		finished: ['workplace-digital', 'cashless-payment', 'scams-misinformation', 'personal-data'],
		lessons: [
			{ lesson: 'ai-basics-1', on: '2026-04-02' },
			{ lesson: 'ai-basics-2', on: '2026-07-15' },
		],
	},
	H: {
		sex: 'male',
		birthYear: 1995,
		group: 'g1',
		targetGroups: ['communityTechTeam', 'digitalAmbassador'],
		membership: { org: 'team', kind: 'member' },
		finished: communityTeamTrack,
	},
	I: { sex: 'female', birthYear: 2000, group: 'g2', targetGroups: ['digitalAmbassador'] },
	J: {
		sex: 'male',
		birthYear: 1960,
		group: 'g1',
		status: 'movedAway',
		targetGroups: ['publicEmployee'],
		finished: [
			...communityTeamTrack,
			'student-digital-safety',
			'workplace-digital',
			'online-health',
			'trader-4t',
		],
		certificates: [{ basis: 'vneid', issuedOn: '2026-01-15' }],
	},
	K: {
		sex: 'male',
		birthYear: 1988,
		group: 'g2',
		certificates: [{ basis: 'vneid', issuedOn: '2026-02-01', revokedAt: '2026-05-01T08:00:00+07:00' }],
	},
}

/** A published lesson row with placeholder content (tests that need one more lesson use it too). */
export function fixtureLesson(id: string, courseId: string, position: number) {
	return {
		id,
		courseId,
		position,
		status: 'published' as const,
		title: id,
		summary: id,
		minutes: 5,
		level: 'CB1',
		competencies: [],
		basicSkills: [],
		body: 'Nội dung',
		images: [],
		sources: [],
		revision: 1,
		contentHash: id,
	}
}

/** Inserts the learning content the fixture uses (installation-wide; once per database). */
export async function insertFixtureCourses(db: Database): Promise<void> {
	await db
		.insert(learningCourses)
		.values(
			courseIds.map((id) => ({
				id,
				title: id,
				summary: id,
				level: 'CB1',
				targetGroups: [],
				revision: 1,
				contentHash: id,
			})),
		)
		.onConflictDoNothing()
	await db
		.insert(learningLessons)
		.values(
			courseIds.flatMap((courseId) =>
				lessonsOf(courseId).map((id, position) => fixtureLesson(id, courseId, position)),
			),
		)
		.onConflictDoNothing()
	await db
		.insert(learningTracks)
		.values(
			['citizen', 'elderly'].map((id, position) => ({
				id,
				nameVi: id,
				nameEn: id,
				description: 'Lộ trình',
				position,
				targetGroups: [],
				completion: {},
				revision: 1,
				contentHash: id,
			})),
		)
		.onConflictDoNothing()
}

/** One ward with the people A…K above; `code` keeps several fixtures apart in one database. */
export async function insertIndicatorFixture(db: Database, code = 'TEST-IND'): Promise<IndicatorFixture> {
	await ensureStandardTargetGroups(db)
	await insertFixtureCourses(db)
	const [ward] = await db
		.insert(wards)
		.values({ code, name: `Phường Thử ${code}`, provinceName: 'Thái Nguyên', provinceIdCode: '019' })
		.returning()
	const wardId = ward!.id
	const [g1, g2] = await db
		.insert(residentialGroups)
		.values([
			{ wardId, code: 'TDP1', name: 'Tổ dân phố 1', sortOrder: 1 },
			{ wardId, code: 'TDP2', name: 'Tổ dân phố 2', sortOrder: 2 },
		])
		.returning()
	const orgRows = await db
		.insert(organizations)
		.values([
			{ wardId, kind: 'agency' as const, name: 'UBND phường' },
			{ wardId, kind: 'enterprise' as const, name: 'Công ty May' },
			{ wardId, kind: 'school' as const, name: 'Trường Tiểu học' },
			{ wardId, kind: 'communityTechTeam' as const, name: 'Tổ CNSCĐ TDP1', residentialGroupId: g1!.id },
		])
		.returning()
	const orgs = {
		agency: orgRows[0]!.id,
		enterprise: orgRows[1]!.id,
		school: orgRows[2]!.id,
		team: orgRows[3]!.id,
	}
	const groups = { g1: g1!.id, g2: g2!.id }
	// Target 9: one "Bình dân học AI" model running since March, one still planned, one of another kind.
	await db.insert(pilotModels).values([
		{
			wardId,
			kind: 'aiLiteracy',
			name: 'Bình dân học AI TDP1',
			goal: 'Thử',
			status: 'active',
			startedOn: '2026-03-01',
		},
		{ wardId, kind: 'aiLiteracy', name: 'Bình dân học AI TDP2', goal: 'Thử', status: 'planned' },
		{ wardId, kind: 'other', name: 'Gia đình số', goal: 'Thử', status: 'active', startedOn: '2026-02-01' },
	])
	const people: Record<string, string> = {}
	for (const [letter, person] of Object.entries(fixturePeople)) {
		const id = randomUUID()
		people[letter] = id
		await db.insert(residents).values({
			id,
			wardId,
			residentialGroupId: groups[person.group],
			fullName: `Người ${letter}`,
			searchName: `nguoi ${letter.toLowerCase()}`,
			sex: person.sex,
			birthYear: person.birthYear,
			status: person.status ?? 'active',
		})
		if (person.targetGroups?.length)
			await db.insert(residentTargetGroups).values(
				person.targetGroups.map((targetGroupCode) => ({
					residentId: id,
					targetGroupCode,
					source: 'manual' as const,
				})),
			)
		if (person.membership)
			await db.insert(organizationMemberships).values({
				organizationId: orgs[person.membership.org],
				residentId: id,
				kind: person.membership.kind,
				startedOn: '2025-01-01',
			})
		const lessons = [
			...(person.finished ?? []).flatMap((course) =>
				lessonsOf(course).map((lesson) => ({ lesson, on: person.finishedOn ?? '2026-02-15' })),
			),
			...(person.lessons ?? []),
		]
		if (lessons.length > 0) {
			const [learner] = await db.insert(learners).values({ wardId, residentId: id }).returning()
			await db.insert(lessonProgress).values(
				lessons.map(({ lesson, on }) => {
					const at = new Date(`${on}T09:00:00+07:00`)
					return {
						learnerId: learner!.id,
						lessonId: lesson,
						status: 'completed' as const,
						lessonRevision: 1,
						firstOpenedAt: at,
						lastOpenedAt: at,
						completedAt: at,
					}
				}),
			)
		}
		for (const certificate of person.certificates ?? [])
			await db.insert(certificates).values({
				wardId,
				residentId: id,
				trackId: certificate.track ?? 'citizen',
				code: randomUUID().slice(0, 12),
				basis: certificate.basis,
				issuedOn: certificate.issuedOn,
				status: certificate.revokedAt ? 'revoked' : 'valid',
				revokedAt: certificate.revokedAt ? new Date(certificate.revokedAt) : null,
				revokedReason: certificate.revokedAt ? 'Thử' : null,
			})
	}
	return { wardId, groups, organizations: orgs, people }
}
