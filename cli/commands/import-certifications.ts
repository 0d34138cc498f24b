import fs from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import {
	commitCertificationImport,
	prepareCertificationImport,
	readCertificationImport,
} from '#server/certification/import/certification-import.server.ts'
import type { CertificateImportCounts } from '#server/certification/schema.ts'
import { externalCertificateSources } from '#server/certification/schema.ts'
import { readEnv } from '#server/config/env.server.ts'
import { bootstrap, shutdown } from '#server/runtime/bootstrap.server.ts'
import { maskPersonalId } from '#server/security/personal-data.server.ts'

export const importCertificationsUsage = [
	'hocvuso import certifications FILE --source national_platform|vneid [--track ID] [--dry-run]',
	'  --source      danh sách từ Nền tảng quốc gia hoặc VNeID / list from the national platform or VNeID',
	'  --track       lộ trình được ghi nhận (mặc định citizen) / track recorded (default citizen)',
	'  --dry-run     chỉ đối chiếu, không ghi / match only, write nothing',
]

/**
 * `hocvuso import certifications FILE --source …`: the same path as the page /chung-nhan/nhap
 * (preview, then commit in one transaction), for lists too large or too frequent to upload by hand.
 */
export async function runImportCertifications(args: string[]): Promise<number> {
	const { values, positionals } = parseArgs({
		args,
		options: {
			source: { type: 'string' },
			track: { type: 'string', default: 'citizen' },
			'dry-run': { type: 'boolean', default: false },
		},
		allowPositionals: true,
		strict: true,
	})
	const [file] = positionals
	const source = externalCertificateSources.find((s) => s === values.source)
	if (!file || !source) {
		console.error(`Cách dùng / usage:\n${importCertificationsUsage.join('\n')}`)
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
		const prepared = await prepareCertificationImport(services, {
			wardId: ward.id,
			source,
			trackId: values.track ?? 'citizen',
			fileName: path.basename(file),
			bytes,
			userId: null,
		})
		if (!prepared.ok) {
			console.error(`${prepared.messageVi}\n${prepared.messageEn}`)
			return 1
		}
		printCounts(prepared.counts)
		const read = await readCertificationImport(services, ward.id, prepared.importId)
		for (const row of (read?.rows ?? [])
			.filter((r) => r.status === 'unmatched' || r.status === 'invalid')
			.slice(0, 20)) {
			const id = row.personalId ? maskPersonalId(row.personalId) : (row.rawPersonalId ?? '')
			console.info(`  ${row.sheet} dòng ${row.rowNumber}: ${id} — ${row.error ?? 'không khớp / unmatched'}`)
		}
		if (values['dry-run']) return 0
		const committed = await commitCertificationImport(services, {
			wardId: ward.id,
			importId: prepared.importId,
			userId: null,
			actorLabel: 'cli',
		})
		if (!committed.ok) {
			console.error(`Không ghi được / not recorded: ${committed.reason}`)
			return 1
		}
		console.info(`Đã ghi nhận / recorded: ${committed.counts.issued}`)
		console.info(`Các dòng chưa khớp / unmatched rows: /chung-nhan/nhap/${prepared.importId}/chua-khop.csv`)
		return 0
	} finally {
		await shutdown(services)
	}
}

function printCounts(counts: CertificateImportCounts) {
	console.info(
		`Dòng / rows: ${counts.rows} · Khớp / matched: ${counts.matched} · Đã có / already certified: ${counts.alreadyCertified} · Không khớp / unmatched: ${counts.unmatched} · Trùng / duplicate: ${counts.duplicate} · Lỗi / invalid: ${counts.invalid}`,
	)
}
