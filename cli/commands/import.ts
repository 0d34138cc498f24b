import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import type { Command } from '#cli/command.ts'
import { importCertificationsUsage, runImportCertifications } from '#cli/commands/import-certifications.ts'
import { readEnv } from '#server/config/env.server.ts'
import { isImportFileError } from '#server/people/import/import-file-error.ts'
import { createImportBatch, markImportQueued } from '#server/people/import-jobs/import-batches.server.ts'
import { prepareResidentImport } from '#server/people/import-jobs/prepare-resident-import.server.ts'
import {
	type ImportPhase,
	runResidentImportBatch,
} from '#server/people/import-jobs/run-resident-import.server.ts'
import { bootstrap, shutdown } from '#server/runtime/bootstrap.server.ts'

const phaseVi: Record<ImportPhase, string> = {
	reading: 'Đọc tệp',
	checking: 'Đối chiếu',
	writing: 'Ghi',
	statistics: 'Thống kê',
}

function progressLine(phase: ImportPhase, done: number, total: number): string {
	const width = 30
	const filled = total > 0 ? Math.round((done / total) * width) : 0
	return `\r${phaseVi[phase].padEnd(10)} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}   `
}

export const importCommand: Command = {
	summaryVi: 'Nhập danh sách người dân từ tệp .xlsx/.csv (cùng cách như trang Nhập danh sách)',
	summaryEn: 'Import residents from an .xlsx/.csv file (the same path as the import page)',
	usage: [
		'hocvuso import residents FILE [--group CODE] [--dry-run]',
		'  --group CODE  tổ dân phố cho các trang không ghi rõ tổ / group for sheets that name none',
		'  --dry-run     chỉ kiểm tra, không ghi / check only, write nothing',
		...importCertificationsUsage,
	],
	async run(args) {
		if (args[0] === 'certifications') return runImportCertifications(args.slice(1))
		const { values, positionals } = parseArgs({
			args,
			options: { group: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } },
			allowPositionals: true,
			strict: true,
		})
		const [what, file] = positionals
		if (what !== 'residents' || !file) {
			console.error('Cách dùng / usage: hocvuso import residents FILE [--group CODE] [--dry-run]')
			return 2
		}
		const bytes = fs.readFileSync(file)
		const env = readEnv()
		const services = await bootstrap({ env, demo: env.DEMO ?? false })
		try {
			const ward = await services.db.query.wards.findFirst()
			if (!ward) {
				console.error('Chưa có dữ liệu phường. / No ward in the database.')
				return 1
			}
			let defaultGroupId: string | undefined
			if (values.group) {
				const group = await services.db.query.residentialGroups.findFirst({
					where: (g, { and, eq }) => and(eq(g.wardId, ward.id), eq(g.code, values.group as string)),
				})
				if (!group) {
					console.error(`Không có tổ dân phố mã "${values.group}". / No residential group "${values.group}".`)
					return 1
				}
				defaultGroupId = group.id
			}
			const fileName = path.basename(file)
			if (values['dry-run']) {
				const plan = await prepareResidentImport(services, {
					wardId: ward.id,
					bytes,
					fileName,
					defaultGroupId,
				})
				printCounts(plan.counts)
				for (const row of plan.rejected.slice(0, 20))
					console.info(
						`  ${row.sheetName} dòng ${row.rowNumber}: ${row.errors.map((e) => e.messageVi).join('; ')}`,
					)
				return plan.counts.rejected > 0 ? 3 : 0
			}
			const batchId = await createImportBatch(services.db, {
				wardId: ward.id,
				createdBy: null,
				actorLabel: 'cli',
				fileName,
				bytes,
			})
			await markImportQueued(services.db, { wardId: ward.id, batchId })
			const started = Date.now()
			const result = await runResidentImportBatch(services, batchId, {
				defaultGroupId,
				onProgress: (phase, done, total) => process.stdout.write(progressLine(phase, done, total)),
			})
			process.stdout.write('\n')
			if (result.status !== 'done') {
				console.error(result.status === 'failed' ? result.errorMessage : 'Không chạy. / Not run.')
				return 1
			}
			printCounts(result.counts)
			console.info(`(${((Date.now() - started) / 1000).toFixed(1)} s)`)
			return 0
		} catch (error) {
			if (!isImportFileError(error)) throw error
			console.error(`${error.messageVi}\n${error.messageEn}`)
			return 1
		} finally {
			await shutdown(services)
		}
	},
}

function printCounts(counts: {
	new: number
	updated: number
	unchanged: number
	rejected: number
	skipped: number
}) {
	console.info(
		`Mới / new: ${counts.new} · Cập nhật / updated: ${counts.updated} · Không đổi / unchanged: ${counts.unchanged} · Từ chối / rejected: ${counts.rejected} · Bỏ qua / skipped: ${counts.skipped}`,
	)
}
