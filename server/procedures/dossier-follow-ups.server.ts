import { and, count, desc, eq, inArray, or, type SQL, sql } from 'drizzle-orm'
import { z } from 'zod'
import { redactPersonalData } from '#server/assistant/redact-personal-data.ts'
import { type AuditActor, recordAudit } from '#server/audit/record-audit.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { users } from '#server/identity/schema.ts'
import {
	type DossierStatus,
	dossierFollowUps,
	dossierStatuses,
	dossierStatusUpdates,
	procedures,
} from '#server/procedures/schema.ts'
import { residentialGroups } from '#server/ward/schema.ts'

/** The portal's dossier codes (e.g. "G22.99.25-251124-0001", "000.00.21.H56-251124-0012"). */
export const DossierCodeSchema = z
	.string({ error: 'dossier.error.codeRequired' })
	.trim()
	.toUpperCase()
	.regex(/^[A-Z0-9][A-Z0-9._\-/]{3,59}$/, 'dossier.error.codeInvalid')

export const NewFollowUpSchema = z.object({
	procedureCode: z
		.string({ error: 'dossier.error.procedureRequired' })
		.trim()
		.min(1, 'dossier.error.procedureRequired')
		.max(40),
	dossierCode: DossierCodeSchema,
	filedOn: z.iso.date({ error: 'dossier.error.dateInvalid' }),
	residentialGroupId: z.uuid().optional(),
	note: z.string().trim().max(500).optional(),
})

export const StatusUpdateSchema = z.object({
	status: z.enum(dossierStatuses, { error: 'dossier.error.statusRequired' }),
	note: z.string().trim().max(500).optional(),
	version: z.coerce.number().int().optional(),
})

/** Who may see which follow-ups: all of the ward, or those of some residential groups and one's own. */
export type FollowUpScope = { kind: 'ward' } | { kind: 'groups'; groupIds: string[]; userId: string }

function scopeCondition(wardId: string, scope: FollowUpScope): SQL {
	const inWard = eq(dossierFollowUps.wardId, wardId)
	if (scope.kind === 'ward') return inWard
	const mine = eq(dossierFollowUps.recordedByUserId, scope.userId)
	const groups = scope.groupIds.length
		? inArray(dossierFollowUps.residentialGroupId, scope.groupIds)
		: undefined
	return and(inWard, groups ? or(mine, groups) : mine) as SQL
}

/** Notes are free text: personal data typed into them is replaced before storing. */
function cleanNote(note: string | undefined): string | null {
	const text = note?.trim()
	return text ? redactPersonalData(text).text : null
}

export type CreateFollowUpResult =
	| { ok: true; id: string }
	| { ok: false; error: 'unknownProcedure' | 'duplicate' | 'invalidGroup' }

/** Records an online filing a volunteer helped with; its first status is "submitted". */
export async function createFollowUp(
	db: Database,
	audit: { actor: AuditActor; ip?: string | null; requestId?: string | null },
	input: z.infer<typeof NewFollowUpSchema> & {
		wardId: string
		userId: string
		allowedGroups: 'all' | string[]
	},
): Promise<CreateFollowUpResult> {
	const [procedure] = await db
		.select({ code: procedures.code })
		.from(procedures)
		.where(eq(procedures.code, input.procedureCode))
	if (!procedure) return { ok: false, error: 'unknownProcedure' }
	const groupId = input.residentialGroupId ?? null
	if (groupId && input.allowedGroups !== 'all' && !input.allowedGroups.includes(groupId))
		return { ok: false, error: 'invalidGroup' }
	return db.transaction(async (tx) => {
		const [created] = await tx
			.insert(dossierFollowUps)
			.values({
				wardId: input.wardId,
				procedureCode: input.procedureCode,
				dossierCode: input.dossierCode,
				filedOn: input.filedOn,
				residentialGroupId: groupId,
				recordedByUserId: input.userId,
			})
			.onConflictDoNothing()
			.returning({ id: dossierFollowUps.id })
		if (!created) return { ok: false, error: 'duplicate' } as const
		await tx.insert(dossierStatusUpdates).values({
			followUpId: created.id,
			status: 'submitted',
			note: cleanNote(input.note),
			byUserId: input.userId,
		})
		await recordAudit(tx, {
			actor: audit.actor,
			action: 'dossierFollowUp.created',
			entityType: 'dossierFollowUp',
			entityId: created.id,
			ip: audit.ip ?? null,
			requestId: audit.requestId ?? null,
			details: { procedureCode: input.procedureCode },
		})
		return { ok: true, id: created.id } as const
	})
}

const PAGE_SIZE = 30

/** Follow-ups within a scope, most recently changed first. */
export async function listFollowUps(
	db: Database,
	input: { wardId: string; scope: FollowUpScope; status?: DossierStatus; page: number },
) {
	const where = and(
		scopeCondition(input.wardId, input.scope),
		input.status ? eq(dossierFollowUps.status, input.status) : undefined,
	)
	const rows = await db
		.select({
			id: dossierFollowUps.id,
			dossierCode: dossierFollowUps.dossierCode,
			procedureCode: dossierFollowUps.procedureCode,
			procedureName: sql<string>`coalesce(${procedures.overrides}->'name'->>'value', ${procedures.national}->>'name')`,
			filedOn: dossierFollowUps.filedOn,
			status: dossierFollowUps.status,
			updatedAt: dossierFollowUps.updatedAt,
			groupName: residentialGroups.name,
			recordedBy: users.displayName,
		})
		.from(dossierFollowUps)
		.innerJoin(procedures, eq(procedures.code, dossierFollowUps.procedureCode))
		.innerJoin(users, eq(users.id, dossierFollowUps.recordedByUserId))
		.leftJoin(residentialGroups, eq(residentialGroups.id, dossierFollowUps.residentialGroupId))
		.where(where)
		.orderBy(desc(dossierFollowUps.updatedAt))
		.limit(PAGE_SIZE + 1)
		.offset((input.page - 1) * PAGE_SIZE)
	return { items: rows.slice(0, PAGE_SIZE), hasMore: rows.length > PAGE_SIZE }
}

/** How many follow-ups of the ward are in each status. */
export async function countFollowUpsByStatus(
	db: Database,
	wardId: string,
	scope: FollowUpScope = { kind: 'ward' },
) {
	const rows = await db
		.select({ status: dossierFollowUps.status, n: count() })
		.from(dossierFollowUps)
		.where(scopeCondition(wardId, scope))
		.groupBy(dossierFollowUps.status)
	const counts = Object.fromEntries(dossierStatuses.map((s) => [s, 0])) as Record<DossierStatus, number>
	for (const row of rows) counts[row.status] = Number(row.n)
	return counts
}

/** One follow-up with its status history, if the scope covers it. */
export async function getFollowUp(db: Database, input: { id: string; wardId: string; scope: FollowUpScope }) {
	const [row] = await db
		.select({
			id: dossierFollowUps.id,
			dossierCode: dossierFollowUps.dossierCode,
			procedureCode: dossierFollowUps.procedureCode,
			procedureName: sql<string>`coalesce(${procedures.overrides}->'name'->>'value', ${procedures.national}->>'name')`,
			sourceUrl: procedures.sourceUrl,
			filedOn: dossierFollowUps.filedOn,
			status: dossierFollowUps.status,
			updatedAt: dossierFollowUps.updatedAt,
			groupName: residentialGroups.name,
		})
		.from(dossierFollowUps)
		.innerJoin(procedures, eq(procedures.code, dossierFollowUps.procedureCode))
		.leftJoin(residentialGroups, eq(residentialGroups.id, dossierFollowUps.residentialGroupId))
		.where(and(eq(dossierFollowUps.id, input.id), scopeCondition(input.wardId, input.scope)))
	if (!row) return null
	const updates = await db
		.select({
			id: dossierStatusUpdates.id,
			status: dossierStatusUpdates.status,
			note: dossierStatusUpdates.note,
			at: dossierStatusUpdates.at,
			by: users.displayName,
		})
		.from(dossierStatusUpdates)
		.innerJoin(users, eq(users.id, dossierStatusUpdates.byUserId))
		.where(eq(dossierStatusUpdates.followUpId, row.id))
		.orderBy(desc(dossierStatusUpdates.at))
	return { ...row, updates }
}

/** Adds a status update (and moves the follow-up's current status). */
export async function addStatusUpdate(
	db: Database,
	audit: { actor: AuditActor; ip?: string | null; requestId?: string | null },
	input: {
		id: string
		wardId: string
		scope: FollowUpScope
		status: DossierStatus
		note?: string
		userId: string
	},
): Promise<boolean> {
	return db.transaction(async (tx) => {
		const [updated] = await tx
			.update(dossierFollowUps)
			.set({ status: input.status, updatedAt: sql`now()` })
			.where(and(eq(dossierFollowUps.id, input.id), scopeCondition(input.wardId, input.scope)))
			.returning({ id: dossierFollowUps.id })
		if (!updated) return false
		await tx.insert(dossierStatusUpdates).values({
			followUpId: input.id,
			status: input.status,
			note: cleanNote(input.note),
			byUserId: input.userId,
		})
		await recordAudit(tx, {
			actor: audit.actor,
			action: 'dossierFollowUp.statusChanged',
			entityType: 'dossierFollowUp',
			entityId: input.id,
			ip: audit.ip ?? null,
			requestId: audit.requestId ?? null,
			details: { status: input.status },
		})
		return true
	})
}
