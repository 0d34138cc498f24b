import { and, asc, eq, sql } from 'drizzle-orm'
import { classMaterials } from '#server/classes/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import { learningCourses, learningLessons } from '#server/learning/schema.ts'

/** A class's materials in order: courses and lessons with their titles. */
export async function listMaterials(db: Database, classId: string) {
	return db
		.select({
			id: classMaterials.id,
			courseId: classMaterials.courseId,
			lessonId: classMaterials.lessonId,
			courseTitle: learningCourses.title,
			lessonTitle: learningLessons.title,
		})
		.from(classMaterials)
		.leftJoin(learningCourses, eq(learningCourses.id, classMaterials.courseId))
		.leftJoin(learningLessons, eq(learningLessons.id, classMaterials.lessonId))
		.where(eq(classMaterials.classId, classId))
		.orderBy(asc(classMaterials.position))
}

/** Published courses with their published lessons, for choosing materials and a session's lesson. */
export async function listMaterialOptions(db: Database) {
	const rows = await db
		.select({
			courseId: learningCourses.id,
			courseTitle: learningCourses.title,
			lessonId: learningLessons.id,
			lessonTitle: learningLessons.title,
		})
		.from(learningCourses)
		.innerJoin(learningLessons, eq(learningLessons.courseId, learningCourses.id))
		.where(and(eq(learningCourses.active, true), eq(learningLessons.status, 'published')))
		.orderBy(asc(learningCourses.title), asc(learningLessons.position))
	const courses = new Map<string, { id: string; title: string; lessons: { id: string; title: string }[] }>()
	for (const r of rows) {
		const course = courses.get(r.courseId) ?? { id: r.courseId, title: r.courseTitle, lessons: [] }
		course.lessons.push({ id: r.lessonId, title: r.lessonTitle })
		courses.set(r.courseId, course)
	}
	return [...courses.values()]
}

/** Adds a course ("course:<id>") or a lesson ("lesson:<id>") to a class; 'unknown' if not published. */
export async function addMaterial(
	db: Database,
	input: { classId: string; material: string },
): Promise<'added' | 'exists' | 'unknown'> {
	const [kind, id] = input.material.split(':', 2) as [string, string | undefined]
	if (!id || (kind !== 'course' && kind !== 'lesson')) return 'unknown'
	const options = await listMaterialOptions(db)
	const known =
		kind === 'course'
			? options.some((c) => c.id === id)
			: options.some((c) => c.lessons.some((l) => l.id === id))
	if (!known) return 'unknown'
	const inserted = await db
		.insert(classMaterials)
		.values({
			classId: input.classId,
			courseId: kind === 'course' ? id : null,
			lessonId: kind === 'lesson' ? id : null,
			position: sql`(select coalesce(max(${classMaterials.position}), 0) + 1 from ${classMaterials} where ${classMaterials.classId} = ${input.classId})`,
		})
		.onConflictDoNothing()
		.returning({ id: classMaterials.id })
	return inserted.length > 0 ? 'added' : 'exists'
}

/** Removes a material from a class. */
export async function removeMaterial(
	db: Database,
	input: { classId: string; materialId: string },
): Promise<boolean> {
	const deleted = await db
		.delete(classMaterials)
		.where(and(eq(classMaterials.id, input.materialId), eq(classMaterials.classId, input.classId)))
		.returning({ id: classMaterials.id })
	return deleted.length > 0
}
