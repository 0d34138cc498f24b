import { and, eq, type SQL } from 'drizzle-orm'
import type { Locale } from '#app/i18n/translate.ts'
import type { AppServices } from '#server/app-services.server.ts'
import { recordAttendance } from '#server/classes/attendance.server.ts'
import type { WalkInForm } from '#server/classes/class-form-schemas.ts'
import { enrolLearner } from '#server/classes/enrolments.server.ts'
import { classSessions } from '#server/classes/schema.ts'
import { ensureLearnerForResident } from '#server/learning/class-attendance-activity.server.ts'
import { checkResidentIdentifiers } from '#server/people/check-resident-identifiers.ts'
import { residents } from '#server/people/schema.ts'
import { foldVietnamese } from '#server/people/search-name.ts'
import { lookupHash, protectField } from '#server/security/personal-data.server.ts'
import { residentialGroups } from '#server/ward/schema.ts'

/*
 * Walk-in registration (issue 7): someone arrives at a class who is not enrolled, often without a phone.
 * The instructor types what the person says; the registry is searched the way the import matches people —
 * personal ID number (keyed hash), then phone (keyed hash) with the birth year, then exact name and birth
 * year — and a new resident is added only when nobody matches. Several people with the same name and
 * birth year are shown for the instructor to choose; nothing is guessed.
 */

export interface WalkInCandidate {
	id: string
	fullName: string
	birthYear: number
	groupName: string | null
}

export type WalkInMatch =
	| { kind: 'match'; resident: WalkInCandidate; by: 'personalId' | 'phone' | 'name' }
	| { kind: 'choose'; candidates: WalkInCandidate[] }
	| { kind: 'none' }

const candidateColumns = {
	id: residents.id,
	fullName: residents.fullName,
	birthYear: residents.birthYear,
	groupName: residentialGroups.name,
}

async function candidatesWhere(services: AppServices, condition: SQL | undefined) {
	return services.db
		.select(candidateColumns)
		.from(residents)
		.leftJoin(residentialGroups, eq(residentialGroups.id, residents.residentialGroupId))
		.where(condition)
		.limit(10)
}

/** Finds the person in the registry within `scope`, from identifiers already checked. */
export async function matchWalkIn(
	services: AppServices,
	input: {
		wardId: string
		scope: SQL
		fullName: string
		birthYear: number
		personalId?: string
		phone?: string
	},
): Promise<WalkInMatch> {
	const base = and(eq(residents.wardId, input.wardId), eq(residents.status, 'active'), input.scope)
	if (input.personalId) {
		const hash = lookupHash(services.keyring, 'personalId', input.personalId)
		const [found] = await candidatesWhere(services, and(base, eq(residents.personalIdHash, hash)))
		if (found) return { kind: 'match', resident: found, by: 'personalId' }
	}
	if (input.phone) {
		const hash = lookupHash(services.keyring, 'phone', input.phone)
		const found = await candidatesWhere(
			services,
			and(base, eq(residents.phoneHash, hash), eq(residents.birthYear, input.birthYear)),
		)
		if (found.length === 1 && found[0]) return { kind: 'match', resident: found[0], by: 'phone' }
		if (found.length > 1) return { kind: 'choose', candidates: found }
	}
	const byName = await candidatesWhere(
		services,
		and(
			base,
			eq(residents.searchName, foldVietnamese(input.fullName)),
			eq(residents.birthYear, input.birthYear),
		),
	)
	// A person who gave a personal ID that is not in the registry is someone else than a namesake with another ID.
	if (byName.length === 1 && byName[0]) return { kind: 'match', resident: byName[0], by: 'name' }
	if (byName.length > 1) return { kind: 'choose', candidates: byName }
	return { kind: 'none' }
}

export type WalkInResult =
	| { outcome: 'invalid'; fieldErrors: Record<string, string[]> }
	| { outcome: 'choose'; candidates: WalkInCandidate[] }
	| {
			outcome: 'recorded' | 'already'
			residentId: string
			name: string
			created: boolean
			enrolment: 'enrolled' | 'already' | 'full' | 'closed'
	  }

/**
 * Registers a walk-in at a session: matches or creates the resident, enrols them if there is room, and
 * records their attendance (method walkIn).
 */
export async function registerWalkIn(
	services: AppServices,
	input: {
		wardId: string
		scope: SQL
		classId: string
		sessionId: string
		form: WalkInForm
		recordedBy: string
		locale: Locale
	},
): Promise<WalkInResult> {
	const f = input.form
	const [session] = await services.db
		.select({ status: classSessions.status })
		.from(classSessions)
		.where(and(eq(classSessions.id, input.sessionId), eq(classSessions.classId, input.classId)))
		.limit(1)
	if (session?.status !== 'scheduled')
		return { outcome: 'invalid', fieldErrors: { fullName: ['classes.session.cancelledNotice'] } }
	const ids = checkResidentIdentifiers(
		{ personalId: f.personalId, phone: f.phone, sex: f.sex, birthYear: f.birthYear },
		input.locale,
	)
	if (Object.keys(ids.fieldErrors).length > 0) return { outcome: 'invalid', fieldErrors: ids.fieldErrors }
	const match = await matchWalkIn(services, {
		wardId: input.wardId,
		scope: input.scope,
		fullName: f.fullName,
		birthYear: f.birthYear,
		personalId: ids.personalId,
		phone: ids.phone,
	})
	let resident: { id: string; fullName: string } | null = null
	let created = false
	if (match.kind === 'match') resident = match.resident
	else if (match.kind === 'choose') {
		// The instructor picked one of the people shown: it must be one of them.
		const chosen = match.candidates.find((c) => c.id === f.residentId)
		if (!chosen) return { outcome: 'choose', candidates: match.candidates }
		resident = chosen
	} else {
		const personalId = ids.personalId ? protectField(services.keyring, 'personalId', ids.personalId) : null
		const phone = ids.phone ? protectField(services.keyring, 'phone', ids.phone) : null
		const [row] = await services.db
			.insert(residents)
			.values({
				wardId: input.wardId,
				fullName: f.fullName,
				searchName: foldVietnamese(f.fullName),
				sex: f.sex,
				birthYear: f.birthYear,
				personalIdCipher: personalId?.cipher ?? null,
				personalIdHash: personalId?.hash ?? null,
				phoneCipher: phone?.cipher ?? null,
				phoneHash: phone?.hash ?? null,
			})
			.onConflictDoNothing()
			.returning({ id: residents.id, fullName: residents.fullName })
		// The personal ID exists outside the instructor's scope: refuse rather than create a duplicate.
		if (!row) return { outcome: 'invalid', fieldErrors: { personalId: ['classes.walkIn.idElsewhere'] } }
		resident = row
		created = true
	}
	const learner = await ensureLearnerForResident(services.db, {
		wardId: input.wardId,
		residentId: resident.id,
	})
	const enrolment = await enrolLearner(services.db, {
		classId: input.classId,
		learnerId: learner.id,
		by: input.recordedBy,
		source: 'walkIn',
	})
	const outcome = await recordAttendance(services.db, {
		sessionId: input.sessionId,
		learnerId: learner.id,
		method: 'walkIn',
		recordedBy: input.recordedBy,
	})
	if (outcome === 'cancelled')
		return { outcome: 'invalid', fieldErrors: { fullName: ['classes.session.cancelledNotice'] } }
	return { outcome, residentId: resident.id, name: resident.fullName, created, enrolment }
}
