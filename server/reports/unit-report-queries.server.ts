import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { users } from '#server/identity/schema.ts'
import { type UnitStanding, unitStanding } from '#server/reports/reporting-rules.ts'
import {
	reportingPeriods,
	reportUnits,
	type UnitReportAction,
	type UnitReportStatus,
	unitReportRevisions,
	unitReports,
} from '#server/reports/schema.ts'
import {
	readStoredFigures,
	type UnitReportFigures,
	type UnitReportSections,
} from '#server/reports/unit-report-content.ts'
import { type OrganizationKind, organizations } from '#server/ward/schema.ts'

// What the report pages read: a period's units and where each stands, one report, its history.

export interface PeriodUnit {
	organizationId: string
	name: string
	kind: OrganizationKind
	status: UnitReportStatus | null
	standing: UnitStanding
	version: number
	submittedAt: Date | null
	reviewedAt: Date | null
}

/** The units that must report for a period (optionally only some), with their report's state. */
export async function listPeriodUnits(
	db: Database,
	input: { periodId: string; dueOn: string; today: string; organizationIds?: 'all' | readonly string[] },
): Promise<PeriodUnit[]> {
	const scope = input.organizationIds ?? 'all'
	if (scope !== 'all' && scope.length === 0) return []
	const rows = await db
		.select({
			organizationId: organizations.id,
			name: organizations.name,
			kind: organizations.kind,
			status: unitReports.status,
			version: unitReports.version,
			submittedAt: unitReports.submittedAt,
			reviewedAt: unitReports.reviewedAt,
		})
		.from(reportUnits)
		.innerJoin(organizations, eq(organizations.id, reportUnits.organizationId))
		.leftJoin(
			unitReports,
			and(
				eq(unitReports.periodId, reportUnits.periodId),
				eq(unitReports.organizationId, reportUnits.organizationId),
			),
		)
		.where(
			and(
				eq(reportUnits.periodId, input.periodId),
				scope === 'all' ? undefined : inArray(reportUnits.organizationId, [...scope]),
			),
		)
		.orderBy(asc(organizations.kind), asc(organizations.name))
	return rows.map((row) => ({
		...row,
		version: row.version ?? 0,
		standing: unitStanding(row.status, input.dueOn, input.today),
	}))
}

export interface PeriodSummary {
	periodId: string
	units: number
	submitted: number
	accepted: number
	returned: number
}

/** Per period of the ward: units listed, reports waiting for the ward, accepted, returned. */
export async function summarisePeriods(db: Database, wardId: string): Promise<Map<string, PeriodSummary>> {
	const rows = await db
		.select({
			periodId: reportUnits.periodId,
			units: sql<number>`count(*)::int`,
			submitted: sql<number>`count(*) filter (where ${unitReports.status} = 'submitted')::int`,
			accepted: sql<number>`count(*) filter (where ${unitReports.status} = 'accepted')::int`,
			returned: sql<number>`count(*) filter (where ${unitReports.status} = 'returned')::int`,
		})
		.from(reportUnits)
		.innerJoin(reportingPeriods, eq(reportingPeriods.id, reportUnits.periodId))
		.leftJoin(
			unitReports,
			and(
				eq(unitReports.periodId, reportUnits.periodId),
				eq(unitReports.organizationId, reportUnits.organizationId),
			),
		)
		.where(eq(reportingPeriods.wardId, wardId))
		.groupBy(reportUnits.periodId)
	return new Map(rows.map((row) => [row.periodId, row]))
}

export interface UnitReportDetail {
	id: string
	status: UnitReportStatus
	version: number
	figures: UnitReportFigures
	systemFigures: UnitReportFigures
	sections: UnitReportSections
	reviewComment: string | null
	submittedAt: Date | null
	reviewedAt: Date | null
	updatedAt: Date
}

/** A unit's report for a period, or null when the unit has not started one. */
export async function getUnitReport(
	db: Database,
	input: { periodId: string; organizationId: string },
): Promise<UnitReportDetail | null> {
	const [row] = await db
		.select()
		.from(unitReports)
		.where(
			and(eq(unitReports.periodId, input.periodId), eq(unitReports.organizationId, input.organizationId)),
		)
	if (!row) return null
	return {
		id: row.id,
		status: row.status,
		version: row.version,
		figures: readStoredFigures(row.figures),
		systemFigures: readStoredFigures(row.systemFigures),
		sections: {
			results: row.results,
			goodPractices: row.goodPractices,
			difficulties: row.difficulties,
			proposals: row.proposals,
		},
		reviewComment: row.reviewComment,
		submittedAt: row.submittedAt,
		reviewedAt: row.reviewedAt,
		updatedAt: row.updatedAt,
	}
}

export interface UnitReportRevisionItem {
	version: number
	action: UnitReportAction
	status: UnitReportStatus
	comment: string | null
	actor: string | null
	createdAt: Date
	figures: UnitReportFigures
	sections: UnitReportSections
}

/** Every recorded state of a report, newest first. */
export async function listUnitReportRevisions(
	db: Database,
	unitReportId: string,
): Promise<UnitReportRevisionItem[]> {
	const rows = await db
		.select({
			version: unitReportRevisions.version,
			action: unitReportRevisions.action,
			status: unitReportRevisions.status,
			comment: unitReportRevisions.comment,
			actor: users.displayName,
			createdAt: unitReportRevisions.createdAt,
			figures: unitReportRevisions.figures,
			results: unitReportRevisions.results,
			goodPractices: unitReportRevisions.goodPractices,
			difficulties: unitReportRevisions.difficulties,
			proposals: unitReportRevisions.proposals,
		})
		.from(unitReportRevisions)
		.leftJoin(users, eq(users.id, unitReportRevisions.actorId))
		.where(eq(unitReportRevisions.unitReportId, unitReportId))
		.orderBy(desc(unitReportRevisions.version))
	return rows.map(({ results, goodPractices, difficulties, proposals, figures, ...row }) => ({
		...row,
		figures: readStoredFigures(figures),
		sections: { results, goodPractices, difficulties, proposals },
	}))
}

/** The organisation of the ward, or null. */
export async function getWardOrganization(
	db: Database,
	input: { wardId: string; organizationId: string },
): Promise<{ id: string; name: string; kind: OrganizationKind } | null> {
	const [row] = await db
		.select({ id: organizations.id, name: organizations.name, kind: organizations.kind })
		.from(organizations)
		.where(and(eq(organizations.id, input.organizationId), eq(organizations.wardId, input.wardId)))
	return row ?? null
}
