import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bulkInsert } from '#server/demo/bulk-insert.server.ts'
import { residents } from '#server/people/schema.ts'
import { residentialGroups, wards } from '#server/ward/schema.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
const wardId = '00000000-0000-4000-8000-000000000001'

beforeAll(async () => {
	services = await createTestServices()
})

afterAll(async () => {
	await services.close()
})

describe('bulkInsert', () => {
	it('stores every type as Drizzle would, fills defaults, and spans several statements', async () => {
		await bulkInsert(services.db, wards, [
			{ id: wardId, code: 'X', name: 'Phường Thử', provinceName: 'Tỉnh Thái Nguyên', provinceIdCode: '019' },
		])
		await bulkInsert(
			services.db,
			residentialGroups,
			Array.from({ length: 2500 }, (_, i) => ({ wardId, code: `G${i}`, name: `Tổ dân phố Số ${i + 1}` })),
		)
		const vneidUpdatedAt = new Date('2024-05-06T02:03:04.000Z')
		await bulkInsert(services.db, residents, [
			{
				wardId,
				fullName: 'Đỗ Thị Hường',
				searchName: 'do thi huong',
				sex: 'female',
				birthDate: '1960-02-29',
				birthYear: 1960,
				hasDisability: true,
				vneidLevel: 2,
				vneidUpdatedAt,
				occupation: null,
			},
		])
		expect(await services.db.$count(residentialGroups)).toBe(2500)
		const [stored] = await services.db.select().from(residents)
		expect(stored).toMatchObject({
			fullName: 'Đỗ Thị Hường',
			sex: 'female',
			birthDate: '1960-02-29',
			hasDisability: true,
			vneidLevel: 2,
			vneidUpdatedAt,
			occupation: null,
			ethnicity: 'Kinh',
			residence: 'permanent',
			version: 1,
		})
		expect(stored?.id).toMatch(/^[0-9a-f-]{36}$/)
	})

	it('refuses a key the table does not have', async () => {
		await expect(bulkInsert(services.db, wards, [{ nope: 1 } as never])).rejects.toThrow(
			/no column for "nope"/,
		)
	})

	it('does nothing for no rows', async () => {
		await bulkInsert(services.db, wards, [])
	})
})
