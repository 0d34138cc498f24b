import { and, asc, count, desc, eq, gt, inArray, sql } from 'drizzle-orm'
import type { ClassForm } from '#server/classes/class-form-schemas.ts'
import { classEnrolments, classSessions, communityClasses } from '#server/classes/schema.ts'
import type { Database } from '#server/db/client.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { roleDefinitions } from '#server/identity/permissions.ts'
import { type Role, roleAssignments, roles, users } from '#server/identity/schema.ts'
import { organizations } from '#server/ward/schema.ts'

/** The classes of a ward, newest first, with how many are enrolled and when the next session is. */
export async function listClasses(db: Database, input: { wardId: string; status?: 'open' | 'closed' }) {
	const c = communityClasses
	const enrolled = db
		.select({ classId: classEnrolments.classId, n: count().as('n') })
		.from(classEnrolments)
		.where(eq(classEnrolments.status, 'enrolled'))
		.groupBy(classEnrolments.classId)
		.as('enrolled')
	const next = db
		.select({ classId: classSessions.classId, at: sql<Date>`min(${classSessions.startsAt})`.as('at') })
		.from(classSessions)
		.where(and(eq(classSessions.status, 'scheduled'), gt(classSessions.endsAt, sql`now()`)))
		.groupBy(classSessions.classId)
		.as('next')
	return db
		.select({
			id: c.id,
			kind: c.kind,
			title: c.title,
			place: c.place,
			capacity: c.capacity,
			status: c.status,
			instructorName: users.displayName,
			enrolled: sql<number>`coalesce(${enrolled.n}, 0)::int`,
			nextSessionAt: next.at,
		})
		.from(c)
		.innerJoin(users, eq(users.id, c.instructorId))
		.leftJoin(enrolled, eq(enrolled.classId, c.id))
		.leftJoin(next, eq(next.classId, c.id))
		.where(and(eq(c.wardId, input.wardId), input.status ? eq(c.status, input.status) : undefined))
		.orderBy(desc(c.status), desc(c.createdAt))
		.limit(200)
}

/** One class of the ward with its instructor's and organiser's names, or null. */
export async function getClass(db: Database, input: { wardId: string; classId: string }) {
	if (!isUuid(input.classId)) return undefined
	const c = communityClasses
	const [row] = await db
		.select({
			id: c.id,
			wardId: c.wardId,
			kind: c.kind,
			title: c.title,
			description: c.description,
			place: c.place,
			capacity: c.capacity,
			status: c.status,
			version: c.version,
			instructorId: c.instructorId,
			instructorName: users.displayName,
			organizerOrganizationId: c.organizerOrganizationId,
			organizerName: organizations.name,
		})
		.from(c)
		.innerJoin(users, eq(users.id, c.instructorId))
		.leftJoin(organizations, eq(organizations.id, c.organizerOrganizationId))
		.where(and(eq(c.id, input.classId), eq(c.wardId, input.wardId)))
		.limit(1)
	return row ?? null
}
export type ClassDetail = NonNullable<Awaited<ReturnType<typeof getClass>>>

/** Roles whose holders may teach: those the policy grants `classes.manage` (no role name written here). */
const teachingRoles = roles.filter((r: Role) => roleDefinitions[r].permissions.includes('classes.manage'))

/** Active accounts of the ward that may teach, for the instructor choice. */
export async function listInstructorOptions(db: Database, wardId: string) {
	return db
		.selectDistinct({ id: users.id, displayName: users.displayName })
		.from(users)
		.innerJoin(roleAssignments, eq(roleAssignments.userId, users.id))
		.where(
			and(eq(users.wardId, wardId), eq(users.status, 'active'), inArray(roleAssignments.role, teachingRoles)),
		)
		.orderBy(asc(users.displayName))
}

/** Organisations of the ward, for the organiser choice. */
export async function listOrganizerOptions(db: Database, wardId: string) {
	return db
		.select({ id: organizations.id, name: organizations.name })
		.from(organizations)
		.where(eq(organizations.wardId, wardId))
		.orderBy(asc(organizations.name))
}

/** 'invalid' when the instructor cannot teach or the organiser is not of this ward. */
async function checkReferences(
	db: Database,
	wardId: string,
	form: ClassForm,
): Promise<'ok' | 'instructor' | 'organizer'> {
	const instructors = await listInstructorOptions(db, wardId)
	if (!instructors.some((i) => i.id === form.instructorId)) return 'instructor'
	if (form.organizerOrganizationId) {
		const [org] = await db
			.select({ id: organizations.id })
			.from(organizations)
			.where(and(eq(organizations.id, form.organizerOrganizationId), eq(organizations.wardId, wardId)))
			.limit(1)
		if (!org) return 'organizer'
	}
	return 'ok'
}

export type ClassSaveResult =
	| { outcome: 'saved'; id: string }
	| { outcome: 'invalid'; field: 'instructorId' | 'organizerOrganizationId' }
	| { outcome: 'conflict' }
	| { outcome: 'notFound' }

/** Creates a class. */
export async function createClass(
	db: Database,
	input: { wardId: string; createdBy: string; form: ClassForm },
): Promise<ClassSaveResult> {
	const check = await checkReferences(db, input.wardId, input.form)
	if (check !== 'ok')
		return { outcome: 'invalid', field: check === 'instructor' ? 'instructorId' : 'organizerOrganizationId' }
	const f = input.form
	const [row] = await db
		.insert(communityClasses)
		.values({
			wardId: input.wardId,
			kind: f.kind,
			title: f.title,
			description: f.description ?? null,
			place: f.place,
			instructorId: f.instructorId,
			organizerOrganizationId: f.organizerOrganizationId ?? null,
			capacity: f.capacity,
			createdBy: input.createdBy,
		})
		.returning({ id: communityClasses.id })
	if (!row) throw new Error('class not created')
	return { outcome: 'saved', id: row.id }
}

/** Saves an edit made on `version`; a conflict when someone saved in between. Capacity never drops below those enrolled. */
export async function updateClass(
	db: Database,
	input: { wardId: string; classId: string; version: number; status: 'open' | 'closed'; form: ClassForm },
): Promise<ClassSaveResult | { outcome: 'belowEnrolled'; enrolled: number }> {
	const check = await checkReferences(db, input.wardId, input.form)
	if (check !== 'ok')
		return { outcome: 'invalid', field: check === 'instructor' ? 'instructorId' : 'organizerOrganizationId' }
	return db.transaction(async (tx) => {
		const [current] = await tx
			.select({ version: communityClasses.version })
			.from(communityClasses)
			.where(and(eq(communityClasses.id, input.classId), eq(communityClasses.wardId, input.wardId)))
			.for('update')
		if (!current) return { outcome: 'notFound' as const }
		if (current.version !== input.version) return { outcome: 'conflict' as const }
		const [enrolled] = await tx
			.select({ n: count() })
			.from(classEnrolments)
			.where(and(eq(classEnrolments.classId, input.classId), eq(classEnrolments.status, 'enrolled')))
		if ((enrolled?.n ?? 0) > input.form.capacity)
			return { outcome: 'belowEnrolled' as const, enrolled: enrolled?.n ?? 0 }
		const f = input.form
		await tx
			.update(communityClasses)
			.set({
				kind: f.kind,
				title: f.title,
				description: f.description ?? null,
				place: f.place,
				instructorId: f.instructorId,
				organizerOrganizationId: f.organizerOrganizationId ?? null,
				capacity: f.capacity,
				status: input.status,
				version: current.version + 1,
				updatedAt: new Date(),
			})
			.where(eq(communityClasses.id, input.classId))
		return { outcome: 'saved' as const, id: input.classId }
	})
}
