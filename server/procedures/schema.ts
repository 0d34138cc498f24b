import {
	boolean,
	date,
	index,
	integer,
	jsonb,
	pgTable,
	primaryKey,
	real,
	text,
	timestamp,
	uniqueIndex,
	uuid,
} from 'drizzle-orm/pg-core'
import { users } from '#server/identity/schema.ts'
import type { ProcedureFields, ProcedureOverrides } from '#server/procedures/procedure-fields.ts'
import { residentialGroups, wards } from '#server/ward/schema.ts'

/**
 * The procedure knowledge base (issue 9): one row per administrative procedure, keyed by the national
 * code (ma_thu_tuc). `national` holds the fields parsed from the national data and is replaced by each
 * re-import; the ward's corrections (`overrides`), notes, keywords and the "handled at the ward" flag are
 * the installation's own and survive re-imports. What people see is `national` with `overrides` applied.
 */
export const procedures = pgTable(
	'procedure',
	{
		code: text().primaryKey(),
		national: jsonb().$type<ProcedureFields>().notNull(),
		/** SHA-256 of the national record as imported: an unchanged record is skipped on re-import. */
		nationalHash: text().notNull(),
		/** The record's page on the National Public Service Portal: the citation. */
		sourceUrl: text().notNull(),
		ministry: text().notNull().default(''),
		overrides: jsonb().$type<ProcedureOverrides>().notNull().default({}),
		handledAtWard: boolean().notNull(),
		/** 'national': follows the national levels ("Cấp xã"); 'staff': set by ward staff, kept on re-import. */
		handledAtWardSource: text({ enum: ['national', 'staff'] })
			.notNull()
			.default('national'),
		/** The ward's own note (office, hours, what to bring locally), shown with the record. */
		localNote: text().notNull().default(''),
		/** Extra search words staff add (local names for the procedure). */
		keywords: text().notNull().default(''),
		/** Optimistic concurrency for staff edits. */
		version: integer().notNull().default(1),
		importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [index().on(t.handledAtWard)],
)

export const procedureRevisionKinds = [
	'imported',
	'nationalUpdated',
	'corrected',
	'correctionRemoved',
	'wardFlag',
	'localNote',
	'keywords',
] as const
export type ProcedureRevisionKind = (typeof procedureRevisionKinds)[number]

/** The history of a record: imports, national updates and every staff change, with who and why. */
export const procedureRevisions = pgTable(
	'procedure_revision',
	{
		id: uuid().primaryKey().defaultRandom(),
		procedureCode: text()
			.notNull()
			.references(() => procedures.code, { onDelete: 'cascade' }),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		kind: text({ enum: procedureRevisionKinds }).notNull(),
		actorUserId: uuid().references(() => users.id),
		/** Username or `import`/`cli`; never a personal identifier. */
		actorLabel: text(),
		/** Field → { from, to } for staff changes; the changed field names for a national update. */
		changes: jsonb().$type<Record<string, unknown>>().notNull().default({}),
		reason: text(),
		/** The record's version after this change. */
		version: integer().notNull(),
	},
	(t) => [index().on(t.procedureCode, t.at)],
)

/** Guides and regulations the ward adds: plain documents searched with the procedures. */
export const knowledgeDocuments = pgTable('kb_document', {
	id: text().primaryKey(),
	title: text().notNull(),
	body: text().notNull(),
	/** How it came in: a Markdown file, a JSON line `{id, title, text}`, or a guide shipped with hocvuso. */
	format: text({ enum: ['markdown', 'jsonl', 'builtin'] }).notNull(),
	sourceUrl: text(),
	contentHash: text().notNull(),
	importedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/**
 * Words people use → the words of the procedures ("công chứng" → "chứng thực"). Seeded with common
 * colloquialisms; ward staff add and remove entries. Matching is on the folded phrase.
 */
export const procedureSynonyms = pgTable(
	'procedure_synonym',
	{
		id: uuid().primaryKey().defaultRandom(),
		phrase: text().notNull(),
		phraseFolded: text().notNull(),
		expansion: text().notNull(),
		note: text(),
		origin: text({ enum: ['seed', 'staff'] })
			.notNull()
			.default('staff'),
		createdByUserId: uuid().references(() => users.id),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [uniqueIndex().on(t.phraseFolded, t.expansion)],
)

/**
 * One row (id 1): a counter bumped by every change to what the search reads (records, documents,
 * synonyms), so each app server knows when to rebuild its in-memory index.
 */
export const knowledgeBaseState = pgTable('kb_state', {
	id: integer().primaryKey(),
	revision: integer().notNull().default(0),
	nationalImportedAt: timestamp({ withTimezone: true }),
	nationalRecordCount: integer().notNull().default(0),
	updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
})

/**
 * Optional embeddings from an OpenAI-compatible /v1/embeddings endpoint, one per searchable item and
 * model; `contentHash` tells when the text has changed and the vector must be recomputed.
 */
export const knowledgeEmbeddings = pgTable(
	'kb_embedding',
	{
		itemId: text().notNull(),
		model: text().notNull(),
		contentHash: text().notNull(),
		vector: real().array().notNull(),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [primaryKey({ columns: [t.itemId, t.model] })],
)

export const dossierStatuses = [
	'submitted',
	'received',
	'inProgress',
	'needsMore',
	'done',
	'rejected',
	'withdrawn',
] as const
export type DossierStatus = (typeof dossierStatuses)[number]

/**
 * An online filing a volunteer helped with, so the ward can follow it up: the procedure, the portal's
 * dossier code and the date. No personal data: the dossier code is what the portal tracks.
 */
export const dossierFollowUps = pgTable(
	'dossier_follow_up',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		procedureCode: text()
			.notNull()
			.references(() => procedures.code),
		dossierCode: text().notNull(),
		filedOn: date().notNull(),
		/** The volunteer's residential group when it was recorded (decides who else may see it). */
		residentialGroupId: uuid().references(() => residentialGroups.id),
		recordedByUserId: uuid()
			.notNull()
			.references(() => users.id),
		status: text({ enum: dossierStatuses }).notNull().default('submitted'),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		index().on(t.wardId, t.status, t.updatedAt),
		index().on(t.recordedByUserId),
		uniqueIndex().on(t.wardId, t.dossierCode),
	],
)

/** Each status change of a followed dossier, with a short note. */
export const dossierStatusUpdates = pgTable(
	'dossier_status_update',
	{
		id: uuid().primaryKey().defaultRandom(),
		followUpId: uuid()
			.notNull()
			.references(() => dossierFollowUps.id, { onDelete: 'cascade' }),
		status: text({ enum: dossierStatuses }).notNull(),
		note: text(),
		at: timestamp({ withTimezone: true }).notNull().defaultNow(),
		byUserId: uuid()
			.notNull()
			.references(() => users.id),
	},
	(t) => [index().on(t.followUpId, t.at)],
)
