import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { mb, openBenchServices, trackPeakMemory } from '#bench/bench-utils.ts'
import { bulkInsert } from '#server/demo/bulk-insert.server.ts'
import type { DemoWard } from '#server/demo/demo-ward-types.ts'
import { generateDemoWard } from '#server/demo/generate-demo-ward.ts'
import { toResidentRow } from '#server/demo/insert-demo-ward.server.ts'
import { createImportBatch, markImportQueued } from '#server/people/import-jobs/import-batches.server.ts'
import { runResidentImportBatch } from '#server/people/import-jobs/run-resident-import.server.ts'
import { households, residents } from '#server/people/schema.ts'
import { residentialGroups, wards } from '#server/ward/schema.ts'

/** The demo ward's residents as a ward keeps them: one sheet per group, a title row, dates as text. */
async function writeWorkbook(ward: DemoWard, file: string): Promise<void> {
	const writer = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useSharedStrings: true })
	const householdById = new Map(ward.households.map((h) => [h.id, h]))
	ward.residentialGroups.forEach((group, g) => {
		const sheet = writer.addWorksheet(`Tổ ${g + 1}`)
		sheet.addRow([`DANH SÁCH NHÂN KHẨU ${group.name.toUpperCase()}`]).commit()
		sheet
			.addRow([
				'STT',
				'Họ và tên',
				'Ngày sinh',
				'Giới tính',
				'Số CCCD',
				'SĐT',
				'Số hộ',
				'Quan hệ với chủ hộ',
				'Địa chỉ',
				'Dân tộc',
				'Nghề nghiệp',
			])
			.commit()
		let n = 0
		for (const r of ward.residents) {
			if (r.residentialGroupId !== group.id) continue
			const [y, m, d] = r.birthDate.split('-')
			const household = householdById.get(r.householdId)!
			sheet
				.addRow([
					++n,
					r.fullName,
					`${d}/${m}/${y}`,
					r.sex === 'male' ? 'Nam' : 'Nữ',
					r.personalId,
					r.phone ?? '',
					household.code,
					r.relationToHead,
					household.address,
					r.ethnicity,
					r.occupation ?? '',
				])
				.commit()
		}
		sheet.commit()
	})
	await writer.commit()
}

async function freshDatabase(ward: DemoWard) {
	const services = await openBenchServices()
	await bulkInsert(services.db, wards, [ward.ward])
	await bulkInsert(services.db, residentialGroups, ward.residentialGroups)
	return services
}

/**
 * `npm run bench -- import [rows]`: imports a generated workbook of the demo ward's residents (valid IDs)
 * into an empty ward through the same batch and job code as the page, and compares with the floor: the
 * same households and residents, already validated and encrypted, inserted by bulk statements alone.
 */
export async function benchImport(size: number): Promise<void> {
	const ward = generateDemoWard({ residents: size, seed: 2026 })
	const file = path.join(os.tmpdir(), `hocvuso-import-bench-${size}.xlsx`)
	await writeWorkbook(ward, file)
	const bytes = fs.readFileSync(file)
	console.info(
		`workbook: ${ward.residents.length.toLocaleString('en')} rows, ${ward.residentialGroups.length} sheets, ${mb(bytes.length)}`,
	)

	const services = await freshDatabase(ward)
	const memory = trackPeakMemory()
	const start = performance.now()
	const batchId = await createImportBatch(services.db, {
		wardId: ward.ward.id,
		createdBy: null,
		actorLabel: 'bench',
		fileName: 'bench.xlsx',
		bytes,
	})
	await markImportQueued(services.db, { wardId: ward.ward.id, batchId })
	const phases: Record<string, number> = {}
	let last = performance.now()
	let lastPhase = 'reading'
	const result = await runResidentImportBatch(services, batchId, {
		onProgress: (phase) => {
			if (phase === lastPhase) return
			const now = performance.now()
			phases[lastPhase] = (phases[lastPhase] ?? 0) + (now - last)
			last = now
			lastPhase = phase
		},
	})
	const seconds = (performance.now() - start) / 1000
	phases[lastPhase] = (phases[lastPhase] ?? 0) + (performance.now() - last)
	const peak = memory.stop()
	if (result.status !== 'done') throw new Error(`import did not finish: ${JSON.stringify(result)}`)
	const rows = result.counts.new + result.counts.updated + result.counts.unchanged
	console.info(
		`import ${services.database.kind}: ${rows.toLocaleString('en')} rows (${result.counts.rejected} rejected) in ${seconds.toFixed(1)} s = ${Math.round(rows / seconds).toLocaleString('en')} rows/s, peak RSS ${mb(peak)}`,
	)
	console.info(
		`  phases: ${Object.entries(phases)
			.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)} s`)
			.join(', ')}`,
	)
	await services.close()

	// The floor: the same rows, validated and encrypted beforehand, written by bulk statements only.
	const floorServices = await freshDatabase(ward)
	const residentRows = ward.residents.map((r) => toResidentRow(floorServices.keyring, r))
	const floorStart = performance.now()
	await floorServices.db.transaction(async (tx) => {
		await bulkInsert(tx, households, ward.households)
		await bulkInsert(tx, residents, residentRows)
	})
	const floorSeconds = (performance.now() - floorStart) / 1000
	await floorServices.close()
	console.info(
		`floor (bulk insert only): ${floorSeconds.toFixed(1)} s = ${Math.round(ward.residents.length / floorSeconds).toLocaleString('en')} rows/s; ratio floor/import = ${(floorSeconds / seconds).toFixed(2)}`,
	)
	fs.rmSync(file, { force: true })
}
