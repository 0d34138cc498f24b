import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { reportingPeriods, unitReports } from '#server/reports/schema.ts'
import {
	readStoredFigures,
	type UnitReportFigures,
	type UnitReportSections,
} from '#server/reports/unit-report-content.ts'
import { type OrganizationKind, organizations } from '#server/ward/schema.ts'

/** An accepted unit report, as the ward's consolidated report and the emulation scoring read it. */
export interface AcceptedUnitReport {
	id: string
	periodId: string
	organization: { id: string; name: string; shortName: string | null; kind: OrganizationKind }
	/** The figures the unit reported (and the ward accepted). */
	figures: UnitReportFigures
	/** What the system counted when the unit last refreshed its draft. */
	systemFigures: UnitReportFigures
	sections: UnitReportSections
	version: number
	submittedAt: Date | null
	acceptedAt: Date | null
}

/** The accepted unit reports of a period of the ward, by organisation kind then name. */
export async function listAcceptedUnitReports(
	db: Database,
	wardId: string,
	periodId: string,
): Promise<AcceptedUnitReport[]> {
	const rows = await db
		.select({
			id: unitReports.id,
			periodId: unitReports.periodId,
			organizationId: organizations.id,
			name: organizations.name,
			shortName: organizations.shortName,
			kind: organizations.kind,
			figures: unitReports.figures,
			systemFigures: unitReports.systemFigures,
			results: unitReports.results,
			goodPractices: unitReports.goodPractices,
			difficulties: unitReports.difficulties,
			proposals: unitReports.proposals,
			version: unitReports.version,
			submittedAt: unitReports.submittedAt,
			reviewedAt: unitReports.reviewedAt,
		})
		.from(unitReports)
		.innerJoin(reportingPeriods, eq(reportingPeriods.id, unitReports.periodId))
		.innerJoin(organizations, eq(organizations.id, unitReports.organizationId))
		.where(
			and(
				eq(unitReports.periodId, periodId),
				eq(reportingPeriods.wardId, wardId),
				eq(unitReports.status, 'accepted'),
			),
		)
		.orderBy(asc(organizations.kind), asc(organizations.name))
	return rows.map((row) => ({
		id: row.id,
		periodId: row.periodId,
		organization: { id: row.organizationId, name: row.name, shortName: row.shortName, kind: row.kind },
		figures: readStoredFigures(row.figures),
		systemFigures: readStoredFigures(row.systemFigures),
		sections: {
			results: row.results,
			goodPractices: row.goodPractices,
			difficulties: row.difficulties,
			proposals: row.proposals,
		},
		version: row.version,
		submittedAt: row.submittedAt,
		acceptedAt: row.reviewedAt,
	}))
}
