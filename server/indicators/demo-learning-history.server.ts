import { asc, eq, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { bulkInsert } from '#server/demo/bulk-insert.server.ts'
import { createRandom, type Random } from '#server/demo/random.ts'
import { learners, learningLessons, lessonProgress } from '#server/learning/schema.ts'
import { residents, residentTargetGroups } from '#server/people/schema.ts'

/*
 * A plausible, deterministic learning history for a generated ward (demo and bench): who learns depends
 * on their target group, each learner follows their group's track course by course from a start date in
 * the plan year, some stop part-way, and nothing happens after `today`. Only lesson_progress is written
 * (the summary the pages and the indicators read), not the activity log.
 */

const tracks: Record<string, { share: number; courses: string[] }> = {
	communityTechTeam: {
		share: 0.95,
		courses: [
			'smartphone-internet',
			'vneid',
			'public-services',
			'cashless-payment',
			'scams-misinformation',
			'personal-data',
			'ai-basics',
			'ai-at-work',
			'community-tech-team',
		],
	},
	digitalAmbassador: {
		share: 0.9,
		courses: [
			'vneid',
			'public-services',
			'scams-misinformation',
			'personal-data',
			'ai-basics',
			'ai-at-work',
			'community-tech-team',
		],
	},
	publicEmployee: {
		share: 0.85,
		courses: [
			'public-services',
			'personal-data',
			'scams-misinformation',
			'workplace-digital',
			'ai-basics',
			'ai-at-work',
		],
	},
	student: {
		share: 0.7,
		courses: ['student-digital-safety', 'personal-data', 'ai-basics', 'scams-misinformation'],
	},
	enterpriseWorker: {
		share: 0.5,
		courses: ['workplace-digital', 'cashless-payment', 'scams-misinformation', 'personal-data', 'ai-basics'],
	},
	elderly: { share: 0.3, courses: ['smartphone-internet', 'vneid', 'online-health', 'scams-misinformation'] },
	adultCitizen: {
		share: 0.4,
		courses: [
			'smartphone-internet',
			'vneid',
			'public-services',
			'cashless-payment',
			'scams-misinformation',
			'personal-data',
			'ai-basics',
		],
	},
}
const priority = Object.keys(tracks)

const DAY = 86_400_000

export interface LearningHistorySummary {
	learners: number
	lessonsCompleted: number
}

function startDay(random: Random, from: number, until: number): number {
	// More people start early in the year (the campaign's launch), fewer later.
	const r = random.next() ** 1.6
	return from + Math.floor((r * Math.max(1, until - from - 20 * DAY)) / DAY) * DAY
}

/** Writes the history for the ward's active residents who have no learner record yet. */
export async function seedDemoLearningHistory(
	db: Database,
	input: { wardId: string; seed: number; from: string; today: string },
): Promise<LearningHistorySummary> {
	const lessonRows = await db
		.select({
			id: learningLessons.id,
			courseId: learningLessons.courseId,
			revision: learningLessons.revision,
		})
		.from(learningLessons)
		.where(eq(learningLessons.status, 'published'))
		.orderBy(asc(learningLessons.courseId), asc(learningLessons.position))
	const lessonsByCourse = new Map<string, { id: string; revision: number }[]>()
	for (const l of lessonRows) lessonsByCourse.set(l.courseId, [...(lessonsByCourse.get(l.courseId) ?? []), l])
	if (lessonsByCourse.size === 0) return { learners: 0, lessonsCompleted: 0 }
	const people = await db
		.select({
			id: residents.id,
			groups: sql<
				string[]
			>`coalesce(array_agg(${residentTargetGroups.targetGroupCode}) filter (where ${residentTargetGroups.targetGroupCode} is not null), '{}')`,
		})
		.from(residents)
		.leftJoin(residentTargetGroups, eq(residentTargetGroups.residentId, residents.id))
		.where(
			sql`${residents.wardId} = ${input.wardId} and ${residents.status} = 'active'
				and not exists (select 1 from ${learners} where ${learners.residentId} = ${residents.id})`,
		)
		.groupBy(residents.id)
		.orderBy(asc(residents.id))
	const random = createRandom(input.seed, 'indicator-learning-history')
	const from = Date.parse(`${input.from}T08:00:00+07:00`)
	const until = Date.parse(`${input.today}T20:00:00+07:00`)
	const learnerRows: (typeof learners.$inferInsert)[] = []
	const progressRows: (typeof lessonProgress.$inferInsert)[] = []
	for (const person of people) {
		const group = priority.find((code) => person.groups.includes(code))
		const track = group ? tracks[group] : undefined
		if (!track || !random.chance(track.share)) continue
		const learnerId = random.uuid()
		let day = startDay(random, from, until)
		learnerRows.push({ id: learnerId, wardId: input.wardId, residentId: person.id, createdAt: new Date(day) })
		// How far this learner gets: most finish, some stop after a few courses.
		const stopAfter = random.chance(0.7) ? track.courses.length : random.int(1, track.courses.length)
		for (const courseId of track.courses.slice(0, stopAfter)) {
			for (const lesson of lessonsByCourse.get(courseId) ?? []) {
				day += random.int(1, 6) * DAY + random.int(0, 10) * 3_600_000
				if (day > until) break
				const at = new Date(day)
				progressRows.push({
					learnerId,
					lessonId: lesson.id,
					status: 'completed',
					lessonRevision: lesson.revision,
					firstOpenedAt: at,
					lastOpenedAt: at,
					completedAt: at,
					secondsSpent: random.int(240, 900),
					updatedAt: at,
				})
			}
			if (day > until) break
			day += random.int(2, 20) * DAY
		}
	}
	await bulkInsert(db, learners, learnerRows)
	await bulkInsert(db, lessonProgress, progressRows)
	return { learners: learnerRows.length, lessonsCompleted: progressRows.length }
}
