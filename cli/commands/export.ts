import { parseArgs } from 'node:util'
import type { Command } from '#cli/command.ts'
import { recordBulkPersonalDataRead } from '#server/audit/record-personal-data-read.server.ts'
import { readEnv } from '#server/config/env.server.ts'
import {
	collectResidentExport,
	residentExportCsv,
	residentExportXlsx,
} from '#server/people/export/export-residents.server.ts'
import { parseResidentListQuery } from '#server/people/resident-filters.ts'
import { bootstrap, shutdown } from '#server/runtime/bootstrap.server.ts'
import { writeFileAtomic } from '#server/runtime/write-file-atomic.server.ts'

export const exportCommand: Command = {
	summaryVi: 'Xuất danh sách người dân ra .xlsx hoặc .csv (số định danh, số điện thoại được che)',
	summaryEn: 'Export the resident list to .xlsx or .csv (personal IDs and phones masked)',
	usage: [
		'hocvuso export residents --out FILE [--group ID] [--status active|movedAway|deceased|all] [--full]',
		'  --out FILE  tệp .xlsx hoặc .csv (theo đuôi tệp) / .xlsx or .csv (by extension)',
		'  --full      không che số định danh, số điện thoại (ghi nhật ký) / unmasked (audit-logged)',
	],
	async run(args) {
		const { values, positionals } = parseArgs({
			args,
			options: {
				out: { type: 'string' },
				group: { type: 'string' },
				status: { type: 'string' },
				full: { type: 'boolean', default: false },
			},
			allowPositionals: true,
			strict: true,
		})
		if (positionals[0] !== 'residents' || !values.out) {
			console.error('Cách dùng / usage: hocvuso export residents --out FILE')
			return 2
		}
		const format = values.out.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx'
		const env = readEnv()
		const services = await bootstrap({ env, demo: env.DEMO ?? false })
		try {
			const ward = await services.db.query.wards.findFirst()
			if (!ward) {
				console.error('Chưa có dữ liệu phường. / No ward in the database.')
				return 1
			}
			const query = parseResidentListQuery(
				new URLSearchParams({
					...(values.group ? { group: values.group } : {}),
					status: values.status ?? 'active',
				}),
			)
			const reveal = values.full ? 'all' : []
			const exported = await collectResidentExport(services, {
				wardId: ward.id,
				query,
				revealPersonalId: reveal,
				revealPhone: reveal,
			})
			await recordBulkPersonalDataRead(
				services.db,
				{ actor: { userId: null, label: 'cli', wardId: ward.id }, ip: null, requestId: null },
				{
					purpose: 'residents.export',
					entityType: 'resident',
					rowCount: exported.rows.length - 1,
					export: true,
					filters: { group: query.group, status: query.status, format, personalIdRevealed: values.full },
				},
			)
			// Personal data: readable by the operator's account only.
			await writeFileAtomic(
				values.out,
				format === 'csv' ? residentExportCsv(exported) : await residentExportXlsx(exported),
				{ mode: 0o600 },
			)
			console.info(`${exported.rows.length - 1} người → ${values.out}`)
			return 0
		} finally {
			await shutdown(services)
		}
	},
}
