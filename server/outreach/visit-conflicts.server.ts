import { and, desc, eq } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import { recordAudit } from '#server/audit/record-audit.server.ts'
import {
	type RecordVisitOptions,
	reportedLevel,
	setVneidLevel,
	type Volunteer,
} from '#server/outreach/record-visit.server.ts'
import { outreachVisitPeople, outreachVisits } from '#server/outreach/schema.ts'
import { households, residents } from '#server/people/schema.ts'

export interface VisitConflict {
	visitId: string
	residentId: string
	fullName: string
	householdId: string
	address: string | null
	visitedAt: Date
	reportedLevel: number
	levelSeen: number | null
	levelOnServer: number | null
	levelNow: number
}

/**
 * The VNeID levels a volunteer reported that met a change made on the server meanwhile: kept with
 * the visit, shown on the worklist until the volunteer settles each one (never lost, never silently
 * applied over someone else's change).
 */
export async function listOpenConflicts(
	db: AppServices['db'],
	volunteer: Pick<Volunteer, 'id' | 'wardId'>,
): Promise<VisitConflict[]> {
	const rows = await db
		.select({
			visitId: outreachVisitPeople.visitId,
			residentId: outreachVisitPeople.residentId,
			fullName: residents.fullName,
			householdId: outreachVisits.householdId,
			address: households.address,
			visitedAt: outreachVisits.visitedAt,
			actions: outreachVisitPeople.actions,
			levelSeen: outreachVisitPeople.vneidLevelSeen,
			levelOnServer: outreachVisitPeople.vneidLevelOnServer,
			levelNow: residents.vneidLevel,
		})
		.from(outreachVisitPeople)
		.innerJoin(outreachVisits, eq(outreachVisits.id, outreachVisitPeople.visitId))
		.innerJoin(residents, eq(residents.id, outreachVisitPeople.residentId))
		.innerJoin(households, eq(households.id, outreachVisits.householdId))
		.where(
			and(
				eq(outreachVisitPeople.vneidResult, 'conflict'),
				eq(outreachVisits.volunteerUserId, volunteer.id),
				eq(outreachVisits.wardId, volunteer.wardId),
			),
		)
		.orderBy(desc(outreachVisits.visitedAt))
		.limit(100)
	return rows.map(({ actions, ...row }) => ({ ...row, reportedLevel: reportedLevel(actions) ?? 0 }))
}

/**
 * Settles one conflict: `apply` sets the level the volunteer reported (at the record's current
 * version), `keep` leaves the server's value. Either way the visit says what was decided.
 */
export async function resolveConflict(
	services: Pick<AppServices, 'keyring' | 'db'>,
	volunteer: Volunteer,
	input: { visitId: string; residentId: string; choice: 'apply' | 'keep' },
	options: Pick<RecordVisitOptions, 'audit'>,
): Promise<'resolved' | 'notFound' | 'changedAgain'> {
	return services.db.transaction(async (tx) => {
		const [row] = await tx
			.select({
				actions: outreachVisitPeople.actions,
				groupId: outreachVisits.residentialGroupId,
				level: residents.vneidLevel,
				version: residents.version,
			})
			.from(outreachVisitPeople)
			.innerJoin(outreachVisits, eq(outreachVisits.id, outreachVisitPeople.visitId))
			.innerJoin(residents, eq(residents.id, outreachVisitPeople.residentId))
			.where(
				and(
					eq(outreachVisitPeople.visitId, input.visitId),
					eq(outreachVisitPeople.residentId, input.residentId),
					eq(outreachVisitPeople.vneidResult, 'conflict'),
					eq(outreachVisits.volunteerUserId, volunteer.id),
					eq(outreachVisits.wardId, volunteer.wardId),
				),
			)
		if (!row) return 'notFound'
		if (volunteer.groups !== 'all' && !volunteer.groups.includes(row.groupId)) return 'notFound'
		const level = reportedLevel(row.actions)
		if (input.choice === 'apply' && level !== null && row.level < level) {
			const saved = await setVneidLevel(
				services,
				tx,
				volunteer,
				{ id: input.residentId, version: row.version },
				level,
				options,
			)
			if (!saved) return 'changedAgain'
		}
		await tx
			.update(outreachVisitPeople)
			.set({ vneidResult: input.choice === 'apply' ? 'resolvedApplied' : 'resolvedKept' })
			.where(
				and(
					eq(outreachVisitPeople.visitId, input.visitId),
					eq(outreachVisitPeople.residentId, input.residentId),
				),
			)
		await recordAudit(tx, {
			actor: options.audit.actor,
			action: 'outreach.conflictResolved',
			entityType: 'outreachVisit',
			entityId: input.visitId,
			ip: options.audit.ip ?? null,
			requestId: options.audit.requestId ?? null,
			details: { residentId: input.residentId, choice: input.choice },
		})
		return 'resolved'
	})
}
