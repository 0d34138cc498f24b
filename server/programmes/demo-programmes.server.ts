import { and, asc, eq } from 'drizzle-orm'
import type { Database } from '#server/db/client.server.ts'
import { bulkInsert } from '#server/demo/bulk-insert.server.ts'
import { createRandom } from '#server/demo/random.ts'
import { users } from '#server/identity/schema.ts'
import { households, residents, residentTargetGroups } from '#server/people/schema.ts'
import {
	ambassadorAssignments,
	digitalMarketAudiences,
	pilotModelEvidence,
	pilotModelMembers,
	pilotModels,
	residentDigitalPractices,
} from '#server/programmes/schema.ts'
import { organizations, residentialGroups, wards } from '#server/ward/schema.ts'

/*
 * The demo ward's programme data (issue 7): ambassadors each looking after a few households of their own
 * residential group, who pays without cash and who sells online (more often the younger), the "Chợ số"
 * audience (the farmers' association and the cooperatives), and three pilot models, one of them a running
 * "Bình dân học AI" model (target 9). Deterministic for a seed; bulk inserts only.
 */

export async function seedDemoProgrammes(db: Database, input: { seed: number; today: string }) {
	const [ward] = await db.select({ id: wards.id, name: wards.name }).from(wards).limit(1)
	const [admin] = await db.select({ id: users.id }).from(users).where(eq(users.username, 'quantri'))
	if (!ward) return { assignments: 0, practices: 0, pilotModels: 0 }
	const random = createRandom(input.seed, 'demo-programmes')
	const ids = createRandom(input.seed, 'demo-programme-ids')
	const year = Number(input.today.slice(0, 4))

	// Ambassadors: 3–6 households of their own group each, in household order, none twice.
	const ambassadors = await db
		.select({ id: residents.id, groupId: residents.residentialGroupId })
		.from(residents)
		.innerJoin(residentTargetGroups, eq(residentTargetGroups.residentId, residents.id))
		.where(and(eq(residents.wardId, ward.id), eq(residentTargetGroups.targetGroupCode, 'digitalAmbassador')))
		.orderBy(asc(residents.id))
	const allHouseholds = await db
		.select({ id: households.id, groupId: households.residentialGroupId })
		.from(households)
		.where(eq(households.wardId, ward.id))
		.orderBy(asc(households.code))
	const free = new Map<string, string[]>()
	for (const h of allHouseholds) free.set(h.groupId, [...(free.get(h.groupId) ?? []), h.id])
	const assignments = ambassadors.flatMap((a) => {
		const pool = free.get(a.groupId ?? '') ?? []
		return pool.splice(0, random.int(3, 6)).map((householdId) => ({
			id: ids.uuid(),
			wardId: ward.id,
			ambassadorResidentId: a.id,
			householdId,
			assignedBy: admin?.id ?? null,
		}))
	})
	await bulkInsert(db, ambassadorAssignments, assignments)

	// Digital practices of adults, by age.
	const adults = await db
		.select({ id: residents.id, birthYear: residents.birthYear })
		.from(residents)
		.where(and(eq(residents.wardId, ward.id), eq(residents.status, 'active')))
		.orderBy(asc(residents.id))
	const practices: (typeof residentDigitalPractices.$inferInsert)[] = []
	for (const r of adults) {
		const age = year - r.birthYear
		if (age < 18) continue
		const [cashless, online] = age < 40 ? [0.6, 0.25] : age < 60 ? [0.35, 0.1] : [0.1, 0.02]
		const since = `${year - random.int(0, 3)}-${String(random.int(1, 12)).padStart(2, '0')}-01`
		if (random.chance(cashless))
			practices.push({ residentId: r.id, practice: 'cashlessPayment', source: 'visit', since })
		if (random.chance(online))
			practices.push({ residentId: r.id, practice: 'eCommerce', source: 'visit', since })
	}
	await bulkInsert(db, residentDigitalPractices, practices)

	// "Chợ số" audience: the farmers' association and the cooperatives.
	const marketOrgs = await db
		.select({ id: organizations.id, kind: organizations.kind, name: organizations.name })
		.from(organizations)
		.where(eq(organizations.wardId, ward.id))
		.orderBy(asc(organizations.name))
	const audience = marketOrgs.filter((o) => o.kind === 'cooperative' || o.name.startsWith('Hội Nông dân'))
	await bulkInsert(
		db,
		digitalMarketAudiences,
		audience.map((o) => ({ id: ids.uuid(), wardId: ward.id, organizationId: o.id })),
	)

	// Pilot models.
	const [group] = await db
		.select({ id: residentialGroups.id, name: residentialGroups.name })
		.from(residentialGroups)
		.where(eq(residentialGroups.wardId, ward.id))
		.orderBy(asc(residentialGroups.sortOrder))
		.limit(1)
	const [youth] = marketOrgs.filter((o) => o.name.startsWith('Đoàn Thanh niên'))
	const models = [
		{
			id: ids.uuid(),
			kind: 'aiLiteracy' as const,
			name: `“Bình dân học AI” – ${group?.name ?? ward.name}`,
			goal: 'Mỗi hộ có ít nhất một người dùng được một công cụ AI an toàn (tìm kiếm thông minh, dịch, hỏi trợ lý ảo hành chính); tổ công nghệ số cộng đồng hướng dẫn tại nhà văn hóa mỗi tối thứ Năm.',
			status: 'active' as const,
			residentialGroupId: group?.id ?? null,
			organizationId: null,
			startedOn: `${year}-03-26`,
		},
		{
			id: ids.uuid(),
			kind: 'aiLiteracy' as const,
			name: '“Bình dân học AI” cho đoàn viên thanh niên',
			goal: 'Đoàn viên thành thạo dùng AI trong học tập, lao động và trở thành “đại sứ số” hướng dẫn người cao tuổi trong khu dân cư.',
			status: 'planned' as const,
			residentialGroupId: null,
			organizationId: youth?.id ?? null,
			startedOn: null,
		},
		{
			id: ids.uuid(),
			kind: 'other' as const,
			name: 'Chợ thanh toán không dùng tiền mặt',
			goal: 'Mọi quầy hàng tại chợ phường có mã QR thanh toán; tiểu thương được hướng dẫn kiểm tra tên người nhận và phòng lừa đảo.',
			status: 'active' as const,
			residentialGroupId: null,
			organizationId: audience[0]?.id ?? null,
			startedOn: `${year}-05-01`,
		},
	]
	await bulkInsert(
		db,
		pilotModels,
		models.map((m) => ({ ...m, wardId: ward.id, createdBy: admin?.id ?? null })),
	)
	const groupAdults = group
		? await db
				.select({ id: residents.id })
				.from(residents)
				.where(and(eq(residents.residentialGroupId, group.id), eq(residents.status, 'active')))
				.orderBy(asc(residents.id))
				.limit(40)
		: []
	const first = models[0]
	await bulkInsert(
		db,
		pilotModelMembers,
		groupAdults
			.filter(() => random.chance(0.3))
			.slice(0, 12)
			.map((r, i) => ({
				pilotModelId: first?.id ?? '',
				residentId: r.id,
				role: i === 0 ? 'Chủ nhiệm mô hình' : 'Thành viên',
			})),
	)
	await bulkInsert(db, pilotModelEvidence, [
		{
			id: ids.uuid(),
			pilotModelId: first?.id ?? '',
			title: 'Nền tảng “Bình dân học vụ số” – tài liệu các thành viên học theo',
			url: 'https://binhdanhocvuso.gov.vn',
			addedBy: admin?.id ?? null,
		},
	])
	return { assignments: assignments.length, practices: practices.length, pilotModels: models.length }
}
