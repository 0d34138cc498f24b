import { data } from 'react-router'
import { z } from 'zod'
import type { Database } from '#server/db/client.server.ts'
import { getReportingPeriod, type ReportingPeriod } from '#server/reports/periods.server.ts'
import { getWardOrganization } from '#server/reports/unit-report-queries.server.ts'
import type { OrganizationKind } from '#server/ward/schema.ts'

const Params = z.object({ periodId: z.uuid(), organizationId: z.uuid() })

/** The period and the unit a unit-report route names, both of the person's ward; 404 otherwise. */
export async function loadUnitReportTarget(
	db: Database,
	wardId: string,
	params: Record<string, string | undefined>,
): Promise<{ period: ReportingPeriod; organization: { id: string; name: string; kind: OrganizationKind } }> {
	const parsed = Params.safeParse(params)
	if (!parsed.success) throw data(null, { status: 404 })
	const [period, organization] = await Promise.all([
		getReportingPeriod(db, wardId, parsed.data.periodId),
		getWardOrganization(db, { wardId, organizationId: parsed.data.organizationId }),
	])
	if (!period || !organization) throw data(null, { status: 404 })
	return { period, organization }
}
