import { and, desc, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { contentHashOf } from '#server/learning/content-hash.ts'
import {
	type ContentEntityKind,
	learningRevisions,
	type RevisionOrigin,
	type RevisionStatus,
} from '#server/learning/schema.ts'

export interface RevisionSummary {
	id: string
	revision: number
	status: RevisionStatus
	origin: RevisionOrigin
	contentHash: string
}

const summaryColumns = {
	id: learningRevisions.id,
	revision: learningRevisions.revision,
	status: learningRevisions.status,
	origin: learningRevisions.origin,
	contentHash: learningRevisions.contentHash,
}

/** The newest revision of an entity (any status), or undefined. */
export async function latestRevision(
	db: Database,
	kind: ContentEntityKind,
	entityId: string,
): Promise<RevisionSummary | undefined> {
	const [row] = await db
		.select(summaryColumns)
		.from(learningRevisions)
		.where(and(eq(learningRevisions.entityKind, kind), eq(learningRevisions.entityId, entityId)))
		.orderBy(desc(learningRevisions.revision))
		.limit(1)
	return row
}

/** The newest revision that came from the content files, or undefined. */
async function latestFileRevision(db: Database, kind: ContentEntityKind, entityId: string) {
	const [row] = await db
		.select(summaryColumns)
		.from(learningRevisions)
		.where(
			and(
				eq(learningRevisions.entityKind, kind),
				eq(learningRevisions.entityId, entityId),
				eq(learningRevisions.origin, 'files'),
			),
		)
		.orderBy(desc(learningRevisions.revision))
		.limit(1)
	return row
}

export interface NewRevision {
	kind: ContentEntityKind
	entityId: string
	data: unknown
	origin: RevisionOrigin
	status: 'draft' | 'published'
	userId?: string | null
	note?: string | null
}

/**
 * Appends a revision (number = newest + 1). Publishing one marks the previously published revision
 * superseded; the caller then writes the published data into the learners' tables.
 */
export async function appendRevision(
	tx: Database,
	input: NewRevision,
): Promise<{ id: string; revision: number; contentHash: string }> {
	const latest = await latestRevision(tx, input.kind, input.entityId)
	const revision = (latest?.revision ?? 0) + 1
	const contentHash = contentHashOf(input.data)
	if (input.status === 'published') await supersedePublished(tx, input.kind, input.entityId)
	const now = new Date()
	const [row] = await tx
		.insert(learningRevisions)
		.values({
			entityKind: input.kind,
			entityId: input.entityId,
			revision,
			status: input.status,
			origin: input.origin,
			contentHash,
			data: input.data as Record<string, unknown>,
			note: input.note ?? null,
			createdBy: input.userId ?? null,
			publishedBy: input.status === 'published' ? (input.userId ?? null) : null,
			publishedAt: input.status === 'published' ? now : null,
		})
		.returning({ id: learningRevisions.id })
	return { id: row!.id, revision, contentHash }
}

export async function supersedePublished(tx: Database, kind: ContentEntityKind, entityId: string) {
	await tx
		.update(learningRevisions)
		.set({ status: 'superseded' })
		.where(
			and(
				eq(learningRevisions.entityKind, kind),
				eq(learningRevisions.entityId, entityId),
				eq(learningRevisions.status, 'published'),
			),
		)
}

export type FileRevisionOutcome = 'unchanged' | 'created' | 'updated' | 'keptAsDraft'

/**
 * Records what the content files say about an entity. Unchanged since the last import: nothing. Changed:
 * a new revision, published at once unless ward staff have saved a version since the files' last one —
 * then the files' version waits as a draft for staff to compare and publish, and staff's work stands.
 */
export async function recordFileRevision(
	tx: Database,
	kind: ContentEntityKind,
	entityId: string,
	data: unknown,
): Promise<{ outcome: FileRevisionOutcome; revision?: { revision: number; contentHash: string } }> {
	const fromFiles = await latestFileRevision(tx, kind, entityId)
	if (fromFiles && fromFiles.contentHash === contentHashOf(data)) return { outcome: 'unchanged' }
	const latest = await latestRevision(tx, kind, entityId)
	const staffWorkSince = latest !== undefined && latest.origin === 'staff'
	const status = staffWorkSince ? 'draft' : 'published'
	const created = await appendRevision(tx, { kind, entityId, data, origin: 'files', status })
	if (status === 'draft') return { outcome: 'keptAsDraft' }
	return { outcome: latest ? 'updated' : 'created', revision: created }
}
