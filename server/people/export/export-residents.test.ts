import { eq, isNotNull } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { seedDemoWard } from '#server/demo/seed-demo-ward.server.ts'
import {
	collectResidentExport,
	residentExportCsv,
	residentExportXlsx,
} from '#server/people/export/export-residents.server.ts'
import { parseResidentListQuery } from '#server/people/resident-filters.ts'
import { residents } from '#server/people/schema.ts'
import { updateResident } from '#server/people/update-resident.server.ts'
import { decryptField } from '#server/security/personal-data.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'

let services: TestServices
let wardId: string
let target: { id: string; fullName: string; personalId: string; groupId: string }

beforeAll(async () => {
	services = await createTestServices()
	await seedDemoWard(services, { residents: 80, seed: 5 })
	wardId = (await services.db.query.wards.findFirst())!.id
	const row = await services.db.query.residents.findFirst({
		where: isNotNull(residents.personalIdCipher),
	})
	target = {
		id: row!.id,
		fullName: row!.fullName,
		personalId: decryptField(services.keyring, row!.personalIdCipher!),
		groupId: row!.residentialGroupId!,
	}
	const edited = await updateResident(services, {
		wardId,
		residentId: row!.id,
		expectedVersion: row!.version,
		changes: { occupation: '=HYPERLINK("http://evil.example","Bấm")' },
	})
	expect(edited.ok).toBe(true)
})
afterAll(async () => {
	await services.close()
})

function exportOf(reveal: 'all' | string[]) {
	return collectResidentExport(services, {
		wardId,
		query: parseResidentListQuery(new URLSearchParams({ q: target.fullName })),
		revealPersonalId: reveal,
		revealPhone: reveal,
	})
}

test('identifiers are masked unless the role may reveal them for the resident’s group, and the header says which', async () => {
	const masked = await exportOf([])
	const row = masked.rows.find((r) => r[1] === target.fullName)!
	expect(row[4]).not.toBe(target.personalId)
	expect(row[4]).toMatch(/^\d+\*{4,}\d+$/)
	expect(masked.rows[0]![4]).toBe('Số định danh cá nhân (đã che)')
	expect(JSON.stringify(masked.rows)).not.toContain(target.personalId)

	const full = await exportOf([target.groupId])
	expect(full.rows.find((r) => r[1] === target.fullName)![4]).toBe(target.personalId)
	expect(full.rows[0]![4]).toBe('Số định danh cá nhân (đầy đủ)')
	expect(full.revealedPersonalId).toBe(true)
})

test('a cell that starts like a formula is neutralised in .csv and .xlsx', async () => {
	const exported = await exportOf([])
	const csv = residentExportCsv(exported).toString('utf8')
	expect(csv.startsWith('\uFEFFSTT,Họ và tên')).toBe(true)
	expect(csv).toContain(`"'=HYPERLINK(""http://evil.example"",""Bấm"")"`)
	expect(csv).not.toMatch(/(^|,)=HYPERLINK/m)

	const workbook = new ExcelJS.Workbook()
	await workbook.xlsx.load((await residentExportXlsx(exported)) as unknown as ArrayBuffer)
	const sheet = workbook.worksheets[0]!
	const values: unknown[] = []
	sheet.eachRow((row) => row.eachCell((cell) => values.push(cell.value)))
	expect(values).toContain(`'=HYPERLINK("http://evil.example","Bấm")`)
	expect(values.some((v) => typeof v === 'object' && v !== null && 'formula' in v)).toBe(false)
	const stored = await services.db.query.residents.findFirst({ where: eq(residents.id, target.id) })
	expect(stored!.occupation).toMatch(/^=HYPERLINK/)
})
