import { sql } from 'drizzle-orm'
import { date, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core'
import {
	certificateBases,
	certificateStatuses,
	externalCertificateSources,
} from '#server/certification/certificate-kinds.ts'
import { users } from '#server/identity/schema.ts'
import { learningTracks } from '#server/learning/schema.ts'
import { residents } from '#server/people/schema.ts'
import { wards } from '#server/ward/schema.ts'

/*
 * Certification (issue 6, items 6–7). A certificate says a resident meets the digital-skills standard of a
 * track: earned here (final or oral assessment) or confirmed elsewhere (the national Bình dân học vụ số
 * platform, VNeID) and recorded from the lists the ward receives. See docs/decisions/ on the signing scheme.
 */

export {
	type CertificateBasis,
	type CertificateStatus,
	certificateBases,
	certificateStatuses,
	type ExternalCertificateSource,
	externalCertificateSources,
} from '#server/certification/certificate-kinds.ts'

export interface CertificateImportCounts {
	rows: number
	matched: number
	unmatched: number
	/** The same person twice in the file. */
	duplicate: number
	/** Matched, but the resident already holds a valid certificate for the track. */
	alreadyCertified: number
	invalid: number
	/** Certificates created by the commit. */
	issued: number
}

/**
 * One uploaded list of certifications confirmed elsewhere: previewed, then committed in one transaction.
 * `rowsEncrypted` holds the parsed rows (personal IDs included) encrypted with the ward key, so the preview
 * and the unmatched-rows download can be rebuilt on any app server without keeping the file.
 */
export const certificateImports = pgTable(
	'certificate_import',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		source: text({ enum: externalCertificateSources }).notNull(),
		trackId: text()
			.notNull()
			.references(() => learningTracks.id),
		fileName: text().notNull(),
		status: text({ enum: ['preview', 'committed'] })
			.notNull()
			.default('preview'),
		rowsEncrypted: text().notNull(),
		counts: jsonb().$type<CertificateImportCounts>().notNull(),
		createdBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
		committedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		committedAt: timestamp({ withTimezone: true }),
	},
	(t) => [index().on(t.wardId, t.createdAt)],
)

/** Giấy chứng nhận: one valid certificate per resident × track (revoked ones stay for the record). */
export const certificates = pgTable(
	'certificate',
	{
		id: uuid().primaryKey().defaultRandom(),
		wardId: uuid()
			.notNull()
			.references(() => wards.id),
		residentId: uuid()
			.notNull()
			.references(() => residents.id),
		trackId: text()
			.notNull()
			.references(() => learningTracks.id),
		/** What the public verify page and the QR code use: short, unambiguous, random (not guessable). */
		code: text().notNull().unique(),
		basis: text({ enum: certificateBases }).notNull(),
		/** The assessment attempt id, or the reference given in the imported list (may be empty). */
		sourceId: text(),
		importId: uuid().references(() => certificateImports.id),
		issuedOn: date({ mode: 'string' }).notNull(),
		issuedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		status: text({ enum: certificateStatuses }).notNull().default('valid'),
		revokedReason: text(),
		revokedBy: uuid().references(() => users.id, { onDelete: 'set null' }),
		revokedAt: timestamp({ withTimezone: true }),
		createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
	},
	(t) => [
		uniqueIndex('certificate_one_valid_per_track')
			.on(t.residentId, t.trackId)
			.where(sql`${t.status} = 'valid'`),
		index().on(t.wardId, t.issuedOn),
		index().on(t.residentId),
	],
)
