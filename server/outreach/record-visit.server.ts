import { and, eq, inArray } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import { redactPersonalData } from '#server/assistant/redact-personal-data.ts'
import { type AuditActor, recordAudit } from '#server/audit/record-audit.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { clampOccurredAt } from '#server/learning/record-activity.server.ts'
import { outreachVisitPeople, outreachVisits } from '#server/outreach/schema.ts'
import type { VisitInput, VisitPersonInput } from '#server/outreach/visit-input.server.ts'
import type { VneidReportResult } from '#server/outreach/visit-vocabulary.ts'
import { households, residents } from '#server/people/schema.ts'
import { updateResident } from '#server/people/update-resident.server.ts'
import { createFollowUp } from '#server/procedures/dossier-follow-ups.server.ts'
import { resolveProcedure } from '#server/procedures/resolve-procedure.server.ts'
import { dossierFollowUps } from '#server/procedures/schema.ts'

/** The volunteer recording a visit, with the residential groups where they may (policy: outreach.record). */
export interface Volunteer {
	id: string
	wardId: string
	username: string | null
	groups: 'all' | string[]
}

export type VisitOutcomeReport =
	| { outcome: 'applied'; conflicts: number; dossier?: 'unknownProcedure' | 'linked' | 'created' }
	/** This visit id was stored before (a form posted twice, a queue sent twice): nothing changed. */
	| { outcome: 'duplicate' }
	/** Not in the volunteer's groups, or people who do not live in the household: nothing stored. */
	| { outcome: 'rejected'; reason: 'outOfScope' | 'notInHousehold' }

export interface RecordVisitOptions {
	origin: 'online' | 'offline'
	/** The phone's time for a queued visit (clamped to the last 30 days, never in the future). */
	visitedAt?: string
	audit: { actor: AuditActor; ip?: string | null; requestId?: string | null }
}

/**
 * Stores one visit exactly once: its id (made on the phone) is the primary key, so a second delivery
 * finds it and changes nothing. Reported VNeID levels update the residents only where nobody changed
 * the level on the server since the volunteer's copy was made; otherwise the visit keeps a conflict for
 * the volunteer to settle (decision 012). Visit, people, level changes and audit commit together.
 */
export async function recordVisit(
	services: Pick<AppServices, 'keyring' | 'db'>,
	volunteer: Volunteer,
	visit: VisitInput,
	options: RecordVisitOptions,
): Promise<VisitOutcomeReport> {
	return services.db.transaction(async (tx) => {
		const [household] = await tx
			.select({ id: households.id, groupId: households.residentialGroupId })
			.from(households)
			.where(and(eq(households.id, visit.householdId), eq(households.wardId, volunteer.wardId)))
		if (!household || (volunteer.groups !== 'all' && !volunteer.groups.includes(household.groupId)))
			return { outcome: 'rejected', reason: 'outOfScope' } as const
		const ids = visit.people.map((p) => p.residentId)
		const members = ids.length
			? await tx
					.select({ id: residents.id, level: residents.vneidLevel, version: residents.version })
					.from(residents)
					.where(and(inArray(residents.id, ids), eq(residents.householdId, household.id)))
			: []
		if (members.length !== ids.length) return { outcome: 'rejected', reason: 'notInHousehold' } as const

		const inserted = await tx
			.insert(outreachVisits)
			.values({
				id: visit.id,
				wardId: volunteer.wardId,
				householdId: household.id,
				residentialGroupId: household.groupId,
				volunteerUserId: volunteer.id,
				outcome: visit.outcome,
				nextVisitOn: visit.nextVisitOn,
				note: visit.note ? redactPersonalData(visit.note).text : null,
				visitedAt: clampOccurredAt(options.visitedAt),
				origin: options.origin,
			})
			.onConflictDoNothing({ target: outreachVisits.id })
			.returning({ id: outreachVisits.id })
		if (inserted.length === 0) return { outcome: 'duplicate' } as const

		const dossier = visit.dossier
			? await followDossier(tx, volunteer, household.groupId, visit, options)
			: null
		let conflicts = 0
		for (const person of visit.people) {
			const current = members.find((m) => m.id === person.residentId)
			if (!current) continue
			const report = await applyVneidReport(services, tx, volunteer, person, current, options)
			if (report.result === 'conflict') conflicts += 1
			await tx.insert(outreachVisitPeople).values({
				visitId: visit.id,
				residentId: person.residentId,
				actions: person.actions,
				vneidLevelSeen: person.vneidLevelSeen,
				residentVersionSeen: person.residentVersionSeen,
				vneidResult: report.result,
				vneidLevelOnServer: report.result === 'conflict' ? current.level : null,
				dossierFollowUpId: person.actions.includes('onlineProcedure') ? (dossier?.id ?? null) : null,
			})
		}
		await recordAudit(tx, {
			actor: options.audit.actor,
			action: 'outreach.visitRecorded',
			entityType: 'outreachVisit',
			entityId: visit.id,
			ip: options.audit.ip ?? null,
			requestId: options.audit.requestId ?? null,
			details: { householdId: household.id, people: visit.people.length, origin: options.origin, conflicts },
		})
		return { outcome: 'applied', conflicts, ...(dossier ? { dossier: dossier.status } : {}) } as const
	})
}

/** The level a reported action brings a person to: installing VNeID and registering is level 1. */
export function reportedLevel(actions: readonly string[]): 1 | 2 | null {
	if (actions.includes('vneidLevel2Activated')) return 2
	if (actions.includes('vneidInstalled')) return 1
	return null
}

async function applyVneidReport(
	services: Pick<AppServices, 'keyring'>,
	tx: Database,
	volunteer: Volunteer,
	person: VisitPersonInput,
	current: { id: string; level: number; version: number },
	options: RecordVisitOptions,
): Promise<{ result: VneidReportResult | null }> {
	const level = reportedLevel(person.actions)
	if (level === null) return { result: null }
	if (current.level >= level) return { result: 'alreadySet' }
	// Someone changed this person's level on the server after the volunteer's copy was made: never
	// overwrite it silently. (A change of other fields only is no conflict for the level.)
	if (person.vneidLevelSeen !== null && person.vneidLevelSeen !== current.level) return { result: 'conflict' }
	const saved = await setVneidLevel(services, tx, volunteer, current, level, options)
	return { result: saved ? 'applied' : 'conflict' }
}

/** Sets a resident's VNeID level at the version just read (optimistic concurrency) and audits it. */
export async function setVneidLevel(
	services: Pick<AppServices, 'keyring'>,
	tx: Database,
	volunteer: Pick<Volunteer, 'wardId'>,
	current: { id: string; version: number },
	level: 1 | 2,
	options: Pick<RecordVisitOptions, 'audit'>,
): Promise<boolean> {
	const result = await updateResident(
		{ keyring: services.keyring, db: tx },
		{
			wardId: volunteer.wardId,
			residentId: current.id,
			expectedVersion: current.version,
			changes: { vneidLevel: level },
		},
	)
	if (!result.ok) return false
	await recordAudit(tx, {
		actor: options.audit.actor,
		action: 'resident.updated',
		entityType: 'resident',
		entityId: current.id,
		ip: options.audit.ip ?? null,
		requestId: options.audit.requestId ?? null,
		details: { fields: ['vneidLevel'], version: result.version, via: 'outreachVisit' },
	})
	return true
}

/**
 * The online filing reported with a visit becomes (or joins) a dossier follow-up of the procedures
 * domain: one record per dossier code, whoever reported it first.
 */
async function followDossier(
	tx: Database,
	volunteer: Volunteer,
	groupId: string,
	visit: VisitInput,
	options: RecordVisitOptions,
): Promise<{ id: string | null; status: 'unknownProcedure' | 'linked' | 'created' }> {
	const { procedureCode: typed, dossierCode } = visit.dossier as NonNullable<VisitInput['dossier']>
	// The volunteer may type the national code or the procedure's name, as on the dossiers page.
	const procedure = await resolveProcedure(tx, typed)
	if (!procedure.ok) return { id: null, status: 'unknownProcedure' }
	const created = await createFollowUp(tx, options.audit, {
		procedureCode: procedure.code,
		dossierCode,
		filedOn: dateInVietnam(clampOccurredAt(options.visitedAt)),
		residentialGroupId: groupId,
		wardId: volunteer.wardId,
		userId: volunteer.id,
		allowedGroups: volunteer.groups,
	})
	if (created.ok) return { id: created.id, status: 'created' }
	if (created.error !== 'duplicate') return { id: null, status: 'unknownProcedure' }
	const [existing] = await tx
		.select({ id: dossierFollowUps.id })
		.from(dossierFollowUps)
		.where(and(eq(dossierFollowUps.wardId, volunteer.wardId), eq(dossierFollowUps.dossierCode, dossierCode)))
	return { id: existing?.id ?? null, status: 'linked' }
}

/** A day as people in Vietnam (UTC+7) name it, YYYY-MM-DD. */
export function dateInVietnam(at: Date = new Date()): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(at)
}
