import { and, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { createNotifications } from '#server/notifications/notifications.server.ts'
import { listFocalPoints } from '#server/reports/focal-points.server.ts'
import type { ReportingPeriod } from '#server/reports/periods.server.ts'
import { unitMayEdit, wardMayReview } from '#server/reports/reporting-rules.ts'
import {
	reportUnits,
	type UnitReportAction,
	type UnitReportStatus,
	unitReportRevisions,
	unitReports,
} from '#server/reports/schema.ts'
import type { UnitReportFigures, UnitReportSections } from '#server/reports/unit-report-content.ts'
import { computeUnitFigures } from '#server/reports/unit-report-figures.server.ts'

/*
 * The unit report's life: the unit saves drafts and submits; the ward returns it with a comment or
 * accepts it; a returned report is edited and submitted again. Every change names the version it read
 * (a second tab or a colleague who saved first gets a conflict, never a silent overwrite) and appends a
 * revision in the same transaction.
 */

export type SaveOutcome = 'saved' | 'submitted' | 'conflict' | 'notEditable' | 'closed' | 'notListed'

interface CurrentRow {
	id: string
	status: UnitReportStatus
	version: number
}

async function currentReport(
	db: Database,
	periodId: string,
	organizationId: string,
): Promise<CurrentRow | null> {
	const [row] = await db
		.select({ id: unitReports.id, status: unitReports.status, version: unitReports.version })
		.from(unitReports)
		.where(and(eq(unitReports.periodId, periodId), eq(unitReports.organizationId, organizationId)))
	return row ?? null
}

async function isListed(db: Database, periodId: string, organizationId: string): Promise<boolean> {
	const [row] = await db
		.select({ id: reportUnits.organizationId })
		.from(reportUnits)
		.where(and(eq(reportUnits.periodId, periodId), eq(reportUnits.organizationId, organizationId)))
	return !!row
}

/** The unit saves its draft, or submits it (`submit`), at the version it read (0: none yet). */
export async function saveUnitReport(
	db: Database,
	input: {
		period: ReportingPeriod
		organizationId: string
		expectedVersion: number
		figures: UnitReportFigures
		sections: UnitReportSections
		submit: boolean
		/** Null only for data brought in by the demo seed. */
		actorId: string | null
		/** Already computed for this unit and period (the demo seed); computed here otherwise. */
		systemFigures?: UnitReportFigures
		/** The clock (tests, demo history); now by default. */
		at?: Date
	},
): Promise<SaveOutcome> {
	const { period, organizationId } = input
	if (period.status !== 'open') return 'closed'
	if (!(await isListed(db, period.id, organizationId))) return 'notListed'
	const systemFigures = input.systemFigures ?? (await computeUnitFigures(db, { organizationId, period }))
	const at = input.at ?? new Date()
	const status: UnitReportStatus = input.submit ? 'submitted' : 'draft'
	const action: UnitReportAction = input.submit ? 'submit' : 'saveDraft'
	return db.transaction(async (tx) => {
		const current = await currentReport(tx, period.id, organizationId)
		if ((current?.version ?? 0) !== input.expectedVersion) return 'conflict'
		if (!unitMayEdit(current?.status ?? null)) return 'notEditable'
		const values = {
			status,
			figures: input.figures,
			systemFigures,
			...input.sections,
			updatedBy: input.actorId,
			updatedAt: at,
			...(input.submit ? { submittedAt: at } : {}),
		}
		let saved: { id: string; version: number } | undefined
		if (!current) {
			;[saved] = await tx
				.insert(unitReports)
				.values({ periodId: period.id, organizationId, version: 1, createdAt: at, ...values })
				.onConflictDoNothing()
				.returning({ id: unitReports.id, version: unitReports.version })
		} else {
			;[saved] = await tx
				.update(unitReports)
				.set({ ...values, version: current.version + 1 })
				.where(and(eq(unitReports.id, current.id), eq(unitReports.version, current.version)))
				.returning({ id: unitReports.id, version: unitReports.version })
		}
		if (!saved) return 'conflict'
		await tx.insert(unitReportRevisions).values({
			unitReportId: saved.id,
			version: saved.version,
			action,
			status,
			figures: input.figures,
			...input.sections,
			actorId: input.actorId,
			createdAt: at,
		})
		return input.submit ? 'submitted' : 'saved'
	})
}

export type ReviewOutcome =
	| 'returned'
	| 'accepted'
	| 'conflict'
	| 'notReviewable'
	| 'closed'
	| 'commentRequired'

/**
 * The ward returns a submitted report with a comment (required: the unit must know what to fix) or
 * accepts it (comment optional); the unit's focal points are told in the app.
 */
export async function reviewUnitReport(
	db: Database,
	input: {
		period: ReportingPeriod
		organizationId: string
		expectedVersion: number
		decision: 'return' | 'accept'
		comment: string
		actorId: string
		at?: Date
		/** Where the notification points (the unit report page). */
		link: string
		organizationName: string
	},
): Promise<ReviewOutcome> {
	const { period, organizationId, decision } = input
	const comment = input.comment.trim()
	if (period.status !== 'open') return 'closed'
	if (decision === 'return' && comment === '') return 'commentRequired'
	const status: UnitReportStatus = decision === 'return' ? 'returned' : 'accepted'
	const at = input.at ?? new Date()
	return db.transaction(async (tx) => {
		const current = await currentReport(tx, period.id, organizationId)
		if (!current || current.version !== input.expectedVersion) return current ? 'conflict' : 'notReviewable'
		if (!wardMayReview(current.status)) return 'notReviewable'
		const [saved] = await tx
			.update(unitReports)
			.set({
				status,
				version: current.version + 1,
				reviewComment: comment || null,
				reviewedAt: at,
				updatedBy: input.actorId,
				updatedAt: at,
			})
			.where(and(eq(unitReports.id, current.id), eq(unitReports.version, current.version)))
			.returning({
				id: unitReports.id,
				version: unitReports.version,
				figures: unitReports.figures,
				results: unitReports.results,
				goodPractices: unitReports.goodPractices,
				difficulties: unitReports.difficulties,
				proposals: unitReports.proposals,
			})
		if (!saved) return 'conflict'
		const { id, version, ...content } = saved
		await tx.insert(unitReportRevisions).values({
			unitReportId: id,
			version,
			action: decision,
			status,
			...content,
			comment: comment || null,
			actorId: input.actorId,
			createdAt: at,
		})
		const recipients = await listFocalPoints(tx, [organizationId])
		await createNotifications(
			tx,
			recipients.map((r) => ({
				userId: r.userId,
				kind: decision === 'return' ? ('reportReturned' as const) : ('reportAccepted' as const),
				title:
					decision === 'return'
						? `Báo cáo bị trả lại: ${period.label}`
						: `Báo cáo đã được tiếp nhận: ${period.label}`,
				body:
					decision === 'return'
						? `Phường trả lại báo cáo của ${input.organizationName} để bổ sung: ${comment}`
						: `Phường đã tiếp nhận báo cáo của ${input.organizationName}.${comment ? ` Ý kiến: ${comment}` : ''}`,
				link: input.link,
				createdAt: at,
			})),
		)
		return decision === 'return' ? 'returned' : 'accepted'
	})
}
