import { and, eq, type SQL } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { isUuid } from '#server/db/is-uuid.ts'
import { households, residents, residentTargetGroups, targetGroups } from '#server/people/schema.ts'
import { organizationMemberships, organizations, residentialGroups } from '#server/ward/schema.ts'

/** A resident's record for the detail and edit pages; personal identifiers stay encrypted here. */
export async function getResident(db: Database, input: { wardId: string; residentId: string; scope?: SQL }) {
	if (!isUuid(input.residentId)) return null
	const [row] = await db
		.select({
			id: residents.id,
			fullName: residents.fullName,
			sex: residents.sex,
			birthDate: residents.birthDate,
			birthYear: residents.birthYear,
			ethnicity: residents.ethnicity,
			hasDisability: residents.hasDisability,
			occupation: residents.occupation,
			relationToHead: residents.relationToHead,
			residence: residents.residence,
			status: residents.status,
			statusChangedAt: residents.statusChangedAt,
			vneidLevel: residents.vneidLevel,
			hasPersonalId: residents.personalIdCipher,
			hasPhone: residents.phoneCipher,
			version: residents.version,
			updatedAt: residents.updatedAt,
			householdId: residents.householdId,
			householdCode: households.code,
			householdAddress: households.address,
			residentialGroupId: residents.residentialGroupId,
			residentialGroupName: residentialGroups.name,
		})
		.from(residents)
		.leftJoin(households, eq(households.id, residents.householdId))
		.leftJoin(residentialGroups, eq(residentialGroups.id, residents.residentialGroupId))
		.where(and(eq(residents.id, input.residentId), eq(residents.wardId, input.wardId), input.scope))
	if (!row) return null
	const [groups, memberships] = await Promise.all([
		db
			.select({
				code: targetGroups.code,
				nameVi: targetGroups.nameVi,
				nameEn: targetGroups.nameEn,
				source: residentTargetGroups.source,
			})
			.from(residentTargetGroups)
			.innerJoin(targetGroups, eq(targetGroups.code, residentTargetGroups.targetGroupCode))
			.where(eq(residentTargetGroups.residentId, row.id))
			.orderBy(targetGroups.sortOrder),
		db
			.select({
				organizationId: organizations.id,
				organizationName: organizations.name,
				kind: organizationMemberships.kind,
				position: organizationMemberships.position,
				endedOn: organizationMemberships.endedOn,
			})
			.from(organizationMemberships)
			.innerJoin(organizations, eq(organizations.id, organizationMemberships.organizationId))
			.where(eq(organizationMemberships.residentId, row.id)),
	])
	const { hasPersonalId, hasPhone, ...rest } = row
	return {
		...rest,
		hasPersonalId: hasPersonalId !== null,
		hasPhone: hasPhone !== null,
		targetGroups: groups,
		memberships,
	}
}

export type ResidentDetail = NonNullable<Awaited<ReturnType<typeof getResident>>>
