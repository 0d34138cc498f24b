import { z } from 'zod'
import { type VisitAction, visitActions, visitOutcomes } from '#server/outreach/visit-vocabulary.ts'
import { DossierCodeSchema } from '#server/procedures/dossier-follow-ups.server.ts'

/*
 * One parser for a visit, whichever way it arrives: the plain form post (no JavaScript), or the same
 * form's fields queued on the phone while offline and sent later to the sync endpoint as
 * `[name, value]` pairs. The page's script never has to know the visit's shape.
 *
 * Field names: visitId, householdId, outcome, nextVisitOn, note, met (resident ids), action.<residentId>
 * (actions), seen.<residentId> ("<vneidLevel>:<version>" of the volunteer's copy), procedureCode,
 * dossierCode, and quick ("<residentId>:<action>", the two-tap buttons).
 */

export type FormFields = readonly (readonly [string, string])[]

export interface VisitPersonInput {
	residentId: string
	actions: VisitAction[]
	vneidLevelSeen: number | null
	residentVersionSeen: number | null
}

export interface VisitInput {
	id: string
	householdId: string
	outcome: (typeof visitOutcomes)[number]
	nextVisitOn: string | null
	note: string | null
	people: VisitPersonInput[]
	dossier: { procedureCode: string; dossierCode: string } | null
}

const SeenSchema = z.string().regex(/^[0-2]:\d{1,9}$/)

const VisitFieldsSchema = z.object({
	visitId: z.uuid({ error: 'outreach.error.badForm' }),
	householdId: z.uuid({ error: 'outreach.error.badForm' }),
	outcome: z.enum(visitOutcomes, { error: 'outreach.error.outcomeRequired' }),
	nextVisitOn: z.union([z.literal(''), z.iso.date({ error: 'outreach.error.dateInvalid' })]),
	note: z.string().max(1000, 'outreach.error.noteTooLong'),
	procedureCode: z.string().trim().max(300),
	dossierCode: z.union([z.literal(''), DossierCodeSchema]),
})

export type ParsedVisit = { ok: true; visit: VisitInput } | { ok: false; errors: string[] }

/** A visit from a form's fields; errors are catalog keys (shown in the volunteer's language). */
export function parseVisitFields(fields: FormFields, today: string): ParsedVisit {
	if (fields.length > 400) return { ok: false, errors: ['outreach.error.badForm'] }
	const first = (name: string) => fields.find(([key]) => key === name)?.[1] ?? ''
	const parsed = VisitFieldsSchema.safeParse({
		visitId: first('visitId'),
		householdId: first('householdId'),
		outcome: first('outcome') || 'helped',
		nextVisitOn: first('nextVisitOn'),
		note: first('note'),
		procedureCode: first('procedureCode'),
		dossierCode: first('dossierCode').trim(),
	})
	if (!parsed.success) return { ok: false, errors: [...new Set(parsed.error.issues.map((i) => i.message))] }
	const errors: string[] = []
	const { data } = parsed
	if (data.nextVisitOn && data.nextVisitOn < today) errors.push('outreach.error.nextVisitPast')

	const people = new Map<string, VisitPersonInput>()
	const person = (residentId: string) => {
		let entry = people.get(residentId)
		if (!entry) {
			entry = { residentId, actions: [], vneidLevelSeen: null, residentVersionSeen: null }
			people.set(residentId, entry)
		}
		return entry
	}
	const isId = (value: string) => z.uuid().safeParse(value).success
	const isAction = (value: string): value is VisitAction =>
		(visitActions as readonly string[]).includes(value)
	for (const [name, value] of fields) {
		if (name === 'met' && isId(value)) person(value)
		else if (name.startsWith('action.') && isId(name.slice(7)) && isAction(value)) {
			const entry = person(name.slice(7))
			if (!entry.actions.includes(value)) entry.actions.push(value)
		} else if (name === 'quick') {
			const [residentId = '', action = ''] = value.split(':')
			if (!isId(residentId) || !isAction(action)) return { ok: false, errors: ['outreach.error.badForm'] }
			const entry = person(residentId)
			if (!entry.actions.includes(action)) entry.actions.push(action)
		}
	}
	// What the volunteer's copy said about each person met: only for people met, so a form listing
	// the whole household does not record those not ticked.
	for (const [name, value] of fields) {
		if (!name.startsWith('seen.')) continue
		const entry = people.get(name.slice(5))
		if (!entry || !SeenSchema.safeParse(value).success) continue
		const [level, version] = value.split(':')
		entry.vneidLevelSeen = Number(level)
		entry.residentVersionSeen = Number(version)
	}
	if (people.size > 30) errors.push('outreach.error.badForm')
	if (data.outcome === 'helped' && people.size === 0) errors.push('outreach.error.nobodyMet')
	const filed = [...people.values()].some((p) => p.actions.includes('onlineProcedure'))
	if (data.dossierCode && !data.procedureCode) errors.push('outreach.error.procedureRequired')
	if (data.dossierCode && !filed) errors.push('outreach.error.dossierWithoutFiling')
	if (errors.length > 0) return { ok: false, errors }
	const note = data.note.trim()
	return {
		ok: true,
		visit: {
			id: data.visitId,
			householdId: data.householdId,
			outcome: data.outcome,
			nextVisitOn: data.nextVisitOn || null,
			note: note || null,
			people: [...people.values()],
			dossier: data.dossierCode ? { procedureCode: data.procedureCode, dossierCode: data.dossierCode } : null,
		},
	}
}

/** A form post's fields as pairs (files are not part of a visit and are ignored). */
export function formDataFields(formData: FormData): [string, string][] {
	const pairs: [string, string][] = []
	for (const [name, value] of formData) if (typeof value === 'string') pairs.push([name, value])
	return pairs
}

/**
 * What the offline queue sends: each visit's id, when it happened on the phone, and the form's fields.
 * At most 50 visits a request; the page sends the rest afterwards.
 */
export const QueuedVisitSchema = z.strictObject({
	id: z.uuid(),
	visitedAt: z.iso.datetime({ offset: true }),
	fields: z.array(z.tuple([z.string().max(60), z.string().max(1000)])).max(400),
})
export type QueuedVisit = z.infer<typeof QueuedVisitSchema>
export const QueuedVisitBatchSchema = z.array(z.unknown()).min(1).max(50)
