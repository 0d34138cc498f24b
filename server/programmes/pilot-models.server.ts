import { and, asc, desc, eq, sql } from 'drizzle-orm'
import { z } from 'zod'
import type { Database } from '#server/db/client.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { residents } from '#server/people/schema.ts'
import {
	pilotModelEvidence,
	pilotModelKinds,
	pilotModelMembers,
	pilotModelStatuses,
	pilotModels,
} from '#server/programmes/schema.ts'
import { organizations, residentialGroups } from '#server/ward/schema.ts'

/** The plan's target 9: at least one "Bình dân học AI" pilot model. */
export const AI_PILOT_TARGET = 1

export const PilotModelFormSchema = z.object({
	kind: z.enum(pilotModelKinds, { error: 'programmes.error.kind' }),
	name: z
		.string()
		.trim()
		.min(3, { error: 'programmes.error.name' })
		.max(200, { error: 'programmes.error.name' }),
	goal: z
		.string()
		.trim()
		.min(10, { error: 'programmes.error.goal' })
		.max(2000, { error: 'programmes.error.goal' }),
	status: z.enum(pilotModelStatuses, { error: 'programmes.error.status' }),
	startedOn: z
		.string()
		.regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'programmes.error.date' })
		.optional()
		.or(z.literal('').transform(() => undefined)),
	organizationId: z
		.uuid()
		.optional()
		.or(z.literal('').transform(() => undefined)),
})
export type PilotModelForm = z.infer<typeof PilotModelFormSchema>

/** Evidence: a title and an http(s) link, or a file (checked by the route: size and type). */
export const EvidenceLinkSchema = z.object({
	title: z
		.string()
		.trim()
		.min(2, { error: 'programmes.error.evidenceTitle' })
		.max(200, { error: 'programmes.error.evidenceTitle' }),
	url: z
		.url({ protocol: /^https?$/, error: 'programmes.error.url' })
		.max(1000, { error: 'programmes.error.url' })
		.optional()
		.or(z.literal('').transform(() => undefined)),
})

/** Pilot models of the ward with member and evidence counts. */
export async function listPilotModels(db: Database, wardId: string) {
	return db
		.select({
			id: pilotModels.id,
			kind: pilotModels.kind,
			name: pilotModels.name,
			status: pilotModels.status,
			startedOn: pilotModels.startedOn,
			organizationName: organizations.name,
			members: sql<number>`(select count(*)::int from ${pilotModelMembers} m where m.pilot_model_id = ${pilotModels.id})`,
			evidence: sql<number>`(select count(*)::int from ${pilotModelEvidence} e where e.pilot_model_id = ${pilotModels.id})`,
		})
		.from(pilotModels)
		.leftJoin(organizations, eq(organizations.id, pilotModels.organizationId))
		.where(eq(pilotModels.wardId, wardId))
		.orderBy(asc(pilotModels.kind), desc(pilotModels.createdAt))
}

export async function getPilotModel(db: Database, input: { wardId: string; id: string }) {
	if (!isUuid(input.id)) return undefined
	const [row] = await db
		.select({
			id: pilotModels.id,
			kind: pilotModels.kind,
			name: pilotModels.name,
			goal: pilotModels.goal,
			status: pilotModels.status,
			startedOn: pilotModels.startedOn,
			organizationId: pilotModels.organizationId,
			organizationName: organizations.name,
			version: pilotModels.version,
		})
		.from(pilotModels)
		.leftJoin(organizations, eq(organizations.id, pilotModels.organizationId))
		.where(and(eq(pilotModels.id, input.id), eq(pilotModels.wardId, input.wardId)))
	return row ?? null
}

async function organizationOfWard(db: Database, wardId: string, organizationId: string | undefined) {
	if (!organizationId) return true
	const [org] = await db
		.select({ id: organizations.id })
		.from(organizations)
		.where(and(eq(organizations.id, organizationId), eq(organizations.wardId, wardId)))
	return !!org
}

export async function createPilotModel(
	db: Database,
	input: { wardId: string; form: PilotModelForm; by: string },
) {
	if (!(await organizationOfWard(db, input.wardId, input.form.organizationId))) return null
	const [row] = await db
		.insert(pilotModels)
		.values({
			wardId: input.wardId,
			kind: input.form.kind,
			name: input.form.name,
			goal: input.form.goal,
			status: input.form.status,
			startedOn: input.form.startedOn ?? null,
			organizationId: input.form.organizationId ?? null,
			createdBy: input.by,
		})
		.returning({ id: pilotModels.id })
	return row?.id ?? null
}

/** Saves an edit made on `version`: 'conflict' when someone saved in between. */
export async function updatePilotModel(
	db: Database,
	input: { wardId: string; id: string; version: number; form: PilotModelForm },
): Promise<'saved' | 'conflict' | 'invalid'> {
	if (!(await organizationOfWard(db, input.wardId, input.form.organizationId))) return 'invalid'
	const f = input.form
	const updated = await db
		.update(pilotModels)
		.set({
			kind: f.kind,
			name: f.name,
			goal: f.goal,
			status: f.status,
			startedOn: f.startedOn ?? null,
			organizationId: f.organizationId ?? null,
			version: input.version + 1,
			updatedAt: new Date(),
		})
		.where(
			and(
				eq(pilotModels.id, input.id),
				eq(pilotModels.wardId, input.wardId),
				eq(pilotModels.version, input.version),
			),
		)
		.returning({ id: pilotModels.id })
	return updated.length > 0 ? 'saved' : 'conflict'
}

export async function listPilotMembers(db: Database, pilotModelId: string) {
	return db
		.select({
			residentId: residents.id,
			fullName: residents.fullName,
			birthYear: residents.birthYear,
			role: pilotModelMembers.role,
			groupName: residentialGroups.name,
		})
		.from(pilotModelMembers)
		.innerJoin(residents, eq(residents.id, pilotModelMembers.residentId))
		.leftJoin(residentialGroups, eq(residentialGroups.id, residents.residentialGroupId))
		.where(eq(pilotModelMembers.pilotModelId, pilotModelId))
		.orderBy(asc(residents.searchName))
}

export async function addPilotMember(
	db: Database,
	input: { pilotModelId: string; residentId: string; role?: string },
) {
	const inserted = await db
		.insert(pilotModelMembers)
		.values({ pilotModelId: input.pilotModelId, residentId: input.residentId, role: input.role ?? null })
		.onConflictDoNothing()
		.returning({ residentId: pilotModelMembers.residentId })
	return inserted.length > 0
}

export async function removePilotMember(db: Database, input: { pilotModelId: string; residentId: string }) {
	const deleted = await db
		.delete(pilotModelMembers)
		.where(
			and(
				eq(pilotModelMembers.pilotModelId, input.pilotModelId),
				eq(pilotModelMembers.residentId, input.residentId),
			),
		)
		.returning({ residentId: pilotModelMembers.residentId })
	return deleted.length > 0
}

export async function listEvidence(db: Database, pilotModelId: string) {
	return db
		.select({
			id: pilotModelEvidence.id,
			title: pilotModelEvidence.title,
			url: pilotModelEvidence.url,
			fileName: pilotModelEvidence.fileName,
			sizeBytes: pilotModelEvidence.sizeBytes,
			addedAt: pilotModelEvidence.addedAt,
		})
		.from(pilotModelEvidence)
		.where(eq(pilotModelEvidence.pilotModelId, pilotModelId))
		.orderBy(desc(pilotModelEvidence.addedAt))
}

export async function addEvidence(
	db: Database,
	input: {
		pilotModelId: string
		title: string
		url?: string
		file?: { name: string; type: string; bytes: Uint8Array<ArrayBuffer> }
		by: string
	},
) {
	const [row] = await db
		.insert(pilotModelEvidence)
		.values({
			pilotModelId: input.pilotModelId,
			title: input.title,
			url: input.url ?? null,
			fileName: input.file?.name ?? null,
			contentType: input.file?.type ?? null,
			bytes: input.file?.bytes ?? null,
			sizeBytes: input.file?.bytes.byteLength ?? null,
			addedBy: input.by,
		})
		.returning({ id: pilotModelEvidence.id })
	return row?.id ?? null
}

/** An evidence file of a model of this ward, or null. */
export async function readEvidenceFile(
	db: Database,
	input: { wardId: string; pilotModelId: string; evidenceId: string },
) {
	if (!isUuid(input.pilotModelId) || !isUuid(input.evidenceId)) return undefined
	const [row] = await db
		.select({
			fileName: pilotModelEvidence.fileName,
			contentType: pilotModelEvidence.contentType,
			bytes: pilotModelEvidence.bytes,
		})
		.from(pilotModelEvidence)
		.innerJoin(pilotModels, eq(pilotModels.id, pilotModelEvidence.pilotModelId))
		.where(
			and(
				eq(pilotModelEvidence.id, input.evidenceId),
				eq(pilotModelEvidence.pilotModelId, input.pilotModelId),
				eq(pilotModels.wardId, input.wardId),
			),
		)
	return row?.bytes ? row : null
}

/** Target 9: active or completed "Bình dân học AI" models. */
export async function aiPilotFigures(db: Database, wardId: string) {
	const [row] = await db
		.select({
			running: sql<number>`count(*) filter (where ${pilotModels.status} in ('active', 'completed'))::int`,
			all: sql<number>`count(*)::int`,
		})
		.from(pilotModels)
		.where(and(eq(pilotModels.wardId, wardId), eq(pilotModels.kind, 'aiLiteracy')))
	return { running: row?.running ?? 0, all: row?.all ?? 0, target: AI_PILOT_TARGET }
}
