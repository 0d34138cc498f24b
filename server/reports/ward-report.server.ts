import { and, count, desc, eq } from 'drizzle-orm'
import { type AuditActor, recordAudit } from '#server/audit/record-audit.server.ts'
import type { Database } from '#server/db/client.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { users } from '#server/identity/schema.ts'
import {
	currentMonthInVietnam,
	monthBounds,
	previousMonth,
	takeMonthlySnapshots,
} from '#server/indicators/snapshots.server.ts'
import { listAcceptedUnitReports } from '#server/reports/accepted-unit-reports.server.ts'
import type { WardHeading } from '#server/reports/documents/ward-heading.ts'
import { getReportingPeriod, type ReportingPeriod } from '#server/reports/periods.server.ts'
import { reportUnits } from '#server/reports/schema.ts'
import { type WardReportContent, WardReportContentSchema } from '#server/reports/ward-report-content.ts'
import {
	defaultWardReportContent,
	type ReportPeriodInfo,
	type UnitReportNarrative,
} from '#server/reports/ward-report-draft-text.ts'
import { loadWardReportFigures, type WardReportFigures } from '#server/reports/ward-report-figures.server.ts'
import { wardReportRevisions, wardReports } from '#server/reports/ward-report-schema.ts'
import { wards } from '#server/ward/schema.ts'

/*
 * The ward's consolidated report for a reporting period: its stored draft (created on first open from the
 * snapshot and the accepted unit reports), saved with optimistic concurrency and a revision per save.
 */

/** The last whole month of the period: a period ending 15 May reports April's snapshot. */
export function closingMonthOf(period: Pick<ReportingPeriod, 'endsOn'>): string {
	const month = period.endsOn.slice(0, 7)
	return monthBounds(month).last === period.endsOn ? month : previousMonth(month)
}

export function periodInfo(period: ReportingPeriod): ReportPeriodInfo {
	return {
		kind: period.kind,
		year: period.year,
		// "Báo cáo 6 tháng đầu năm 2026" reads "… 6 tháng đầu năm 2026" after "Kết quả thực hiện …".
		label: period.label.replace(/^báo cáo\s+/i, ''),
		closingMonth: closingMonthOf(period),
		dueDate: period.dueOn,
	}
}

export interface WardReportRevisionItem {
	version: number
	savedAt: Date
	savedBy: string | null
}

export interface WardReportView {
	period: ReportingPeriod
	info: ReportPeriodInfo
	ward: WardHeading & { id: string }
	/** Null until someone opens the draft (created on first open by ward staff). */
	report: { id: string; version: number; content: WardReportContent; updatedAt: Date } | null
	figures: WardReportFigures | null
	units: UnitReportNarrative[]
	unitsDue: number
	revisions: WardReportRevisionItem[]
}

async function wardHeadingOf(db: Database, wardId: string) {
	const [ward] = await db
		.select({
			id: wards.id,
			name: wards.name,
			kind: wards.kind,
			partyCommitteeName: wards.partyCommitteeName,
		})
		.from(wards)
		.where(eq(wards.id, wardId))
	if (!ward) throw new Error(`ward ${wardId} not found`)
	return ward
}

async function unitsOf(db: Database, wardId: string, periodId: string) {
	const [accepted, [due]] = await Promise.all([
		listAcceptedUnitReports(db, wardId, periodId),
		db.select({ n: count() }).from(reportUnits).where(eq(reportUnits.periodId, periodId)),
	])
	const units: UnitReportNarrative[] = accepted.map((r) => ({
		unitName: r.organization.name,
		figures: r.figures,
		results: r.sections.results,
		goodModels: r.sections.goodPractices,
		difficulties: r.sections.difficulties,
		proposals: r.sections.proposals,
	}))
	return { units, unitsDue: Math.max(due?.n ?? 0, units.length) }
}

/** Everything the report page and the exports need; null when the period is not the ward's (or no id at all). */
export async function loadWardReport(
	db: Database,
	input: { wardId: string; periodId: string },
): Promise<WardReportView | null> {
	if (!isUuid(input.periodId)) return null
	const period = await getReportingPeriod(db, input.wardId, input.periodId)
	if (!period) return null
	const info = periodInfo(period)
	const [ward, figures, { units, unitsDue }, [stored]] = await Promise.all([
		wardHeadingOf(db, input.wardId),
		loadWardReportFigures(db, { wardId: input.wardId, month: info.closingMonth }),
		unitsOf(db, input.wardId, period.id),
		db.select().from(wardReports).where(eq(wardReports.periodId, period.id)),
	])
	const revisions = stored
		? await db
				.select({
					version: wardReportRevisions.version,
					savedAt: wardReportRevisions.savedAt,
					savedBy: users.username,
				})
				.from(wardReportRevisions)
				.leftJoin(users, eq(users.id, wardReportRevisions.savedBy))
				.where(eq(wardReportRevisions.wardReportId, stored.id))
				.orderBy(desc(wardReportRevisions.version))
		: []
	return {
		period,
		info,
		ward,
		report: stored
			? {
					id: stored.id,
					version: stored.version,
					content: WardReportContentSchema.parse(stored.content),
					updatedAt: stored.updatedAt,
				}
			: null,
		figures,
		units,
		unitsDue,
		revisions,
	}
}

/** One saved version of a ward report (from a view already read for the ward), or null when there is none. */
export async function loadWardReportRevision(
	db: Database,
	input: { wardReportId: string; version: number },
): Promise<{ version: number; savedAt: Date; savedBy: string | null; content: WardReportContent } | null> {
	const [row] = await db
		.select({
			version: wardReportRevisions.version,
			savedAt: wardReportRevisions.savedAt,
			savedBy: users.username,
			content: wardReportRevisions.content,
		})
		.from(wardReportRevisions)
		.leftJoin(users, eq(users.id, wardReportRevisions.savedBy))
		.where(
			and(
				eq(wardReportRevisions.wardReportId, input.wardReportId),
				eq(wardReportRevisions.version, input.version),
			),
		)
	if (!row) return null
	return { ...row, content: WardReportContentSchema.parse(row.content) }
}

/** The words to show or export: the stored draft, or the one that would be written now. */
export function contentOf(view: WardReportView): WardReportContent {
	return (
		view.report?.content ??
		defaultWardReportContent({
			wardName: view.ward.name,
			period: view.info,
			figures: view.figures,
			units: view.units,
			unitsDue: view.unitsDue,
		})
	)
}

type Audit = { actor: AuditActor; ip?: string | null; requestId?: string | null }

/**
 * Creates the stored draft (version 1) from the data if the period has none yet; idempotent (a second call,
 * or two people at once, keeps the first). When the closing month has ended but its snapshot is missing
 * (the server was off when the monthly job would have run), it is taken first, as the job would have.
 */
export async function ensureWardReportDraft(
	db: Database,
	input: { wardId: string; periodId: string; audit: Audit; now?: Date },
): Promise<'created' | 'exists' | 'notFound'> {
	let view = await loadWardReport(db, input)
	if (!view) return 'notFound'
	if (view.report) return 'exists'
	if (!view.figures && view.info.closingMonth < currentMonthInVietnam(input.now)) {
		await takeMonthlySnapshots(db, { wardId: input.wardId, month: view.info.closingMonth, origin: 'job' })
		view = (await loadWardReport(db, input))!
	}
	const content = contentOf(view)
	return db.transaction(async (tx) => {
		const [created] = await tx
			.insert(wardReports)
			.values({
				wardId: input.wardId,
				periodId: input.periodId,
				content: content as unknown as Record<string, unknown>,
				createdBy: input.audit.actor.userId,
				updatedBy: input.audit.actor.userId,
			})
			.onConflictDoNothing()
			.returning({ id: wardReports.id })
		if (!created) return 'exists'
		await tx.insert(wardReportRevisions).values({
			wardReportId: created.id,
			version: 1,
			content: content as unknown as Record<string, unknown>,
			savedBy: input.audit.actor.userId,
		})
		await recordAudit(tx, {
			...input.audit,
			action: 'wardReport.created',
			entityType: 'wardReport',
			entityId: created.id,
			details: { periodId: input.periodId, month: view.info.closingMonth, figures: view.figures !== null },
		})
		return 'created'
	})
}

/** Saves the draft naming the version read; 'conflict' (nothing changed) when someone saved in between. */
export async function saveWardReport(
	db: Database,
	input: { wardId: string; periodId: string; version: number; content: WardReportContent; audit: Audit },
): Promise<{ outcome: 'saved'; version: number } | { outcome: 'conflict' } | { outcome: 'notFound' }> {
	const content = WardReportContentSchema.parse(input.content)
	if (!isUuid(input.periodId)) return { outcome: 'notFound' }
	return db.transaction(async (tx) => {
		const [updated] = await tx
			.update(wardReports)
			.set({
				content: content as unknown as Record<string, unknown>,
				version: input.version + 1,
				updatedBy: input.audit.actor.userId,
				updatedAt: new Date(),
			})
			.where(
				and(
					eq(wardReports.wardId, input.wardId),
					eq(wardReports.periodId, input.periodId),
					eq(wardReports.version, input.version),
				),
			)
			.returning({ id: wardReports.id, version: wardReports.version })
		if (!updated) {
			const [exists] = await tx
				.select({ id: wardReports.id })
				.from(wardReports)
				.where(and(eq(wardReports.wardId, input.wardId), eq(wardReports.periodId, input.periodId)))
			return { outcome: exists ? 'conflict' : 'notFound' }
		}
		await tx.insert(wardReportRevisions).values({
			wardReportId: updated.id,
			version: updated.version,
			content: content as unknown as Record<string, unknown>,
			savedBy: input.audit.actor.userId,
		})
		await recordAudit(tx, {
			...input.audit,
			action: 'wardReport.saved',
			entityType: 'wardReport',
			entityId: updated.id,
			details: { periodId: input.periodId, version: updated.version },
		})
		return { outcome: 'saved', version: updated.version }
	})
}
