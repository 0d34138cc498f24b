import { isNotNull } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import { residents } from '#server/people/schema.ts'
import { decryptField } from '#server/security/personal-data.server.ts'
import { importOrganizationMembers } from '#server/ward/import-organization-members.server.ts'
import { listCurrentMembers, listOrganizations } from '#server/ward/organization-members.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let wardId: string

beforeAll(async () => {
	services = await createTestServices()
	await seedDemoWard(services, { residents: 60, seed: 9 })
	wardId = (await services.db.query.wards.findFirst())!.id
})
afterAll(async () => {
	await services.close()
})

test('members are matched by personal ID or by name and birth date; unknown people are reported, not created', async () => {
	const [a, b] = await services.db.query.residents.findMany({
		where: isNotNull(residents.birthDate),
		limit: 2,
	})
	const [d, m, y] = [b!.birthDate!.slice(8), b!.birthDate!.slice(5, 7), b!.birthDate!.slice(0, 4)]
	const workbook = new ExcelJS.Workbook()
	const sheet = workbook.addWorksheet('Đoàn viên')
	sheet.addRow(['DANH SÁCH ĐOÀN VIÊN'])
	sheet.addRow(['STT', 'Họ và tên', 'Ngày sinh', 'Số CCCD'])
	sheet.addRow([1, a!.fullName, '', decryptField(services.keyring, a!.personalIdCipher!)])
	sheet.addRow([2, b!.fullName, `${d}/${m}/${y}`, ''])
	sheet.addRow([3, 'Người Không Có', '01/01/1990', ''])
	const bytes = Buffer.from(await workbook.xlsx.writeBuffer())
	const [organization] = await listOrganizations(services.db, { wardId, only: 'all' })
	const before = (await services.db.query.residents.findMany()).length
	const input = {
		wardId,
		organizationId: organization!.id,
		bytes,
		fileName: 'doan-vien.xlsx',
		kind: 'member' as const,
		startedOn: '2026-03-01',
		actor: { userId: null, label: 'test', wardId },
	}
	const result = await importOrganizationMembers(services, input)
	expect(result.unmatched).toMatchObject([{ rowNumber: 5, fullName: 'Người Không Có' }])
	expect(result.added + result.alreadyMembers).toBe(2)
	const members = await listCurrentMembers(services.db, organization!.id)
	expect(members.map((x) => x.residentId)).toEqual(expect.arrayContaining([a!.id, b!.id]))
	expect((await services.db.query.residents.findMany()).length).toBe(before)
	expect(await importOrganizationMembers(services, input)).toMatchObject({ added: 0, alreadyMembers: 2 })
})

test('a file without a full-name column is refused as a whole, with the reason in Vietnamese', async () => {
	const [organization] = await listOrganizations(services.db, { wardId, only: 'all' })
	const attempt = importOrganizationMembers(services, {
		wardId,
		organizationId: organization!.id,
		bytes: Buffer.from('đây không phải là danh sách\n1,2,3\n'),
		fileName: 'ghi-chu.csv',
		kind: 'member',
		startedOn: '2026-03-01',
		actor: { userId: null, label: 'test', wardId },
	})
	await expect(attempt).rejects.toMatchObject({ code: 'noNameColumn', messageVi: /Họ và tên/ })
})
