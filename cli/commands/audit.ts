import path from 'node:path'
import type { Command } from '#cli/command.ts'
import { verifyAuditChain } from '#server/audit/verify-audit-chain.server.ts'
import { readEnv } from '#server/config/env.server.ts'
import { type DatabaseHandle, openDatabase } from '#server/db/client.server.ts'

/** Verifies the hash chain; prints the outcome in both languages; 0 when intact, 1 at the first break. */
export async function runAuditVerify(
	database: DatabaseHandle,
	print: (line: string) => void,
): Promise<number> {
	const result = await verifyAuditChain(database)
	if (result.ok) {
		print(`OK: ${result.entries} mục nhật ký, chuỗi băm nguyên vẹn / entries, hash chain intact.`)
		if (result.headSeq !== null) {
			print(`Mục cuối / last entry: #${result.headSeq}, hash ${result.headHash}`)
			print(
				'Ghi lại mã băm này ở nơi khác để phát hiện cả việc xóa các mục cuối. / Keep this hash elsewhere to detect removal of the latest entries.',
			)
		}
		return 0
	}
	const why =
		result.reason === 'hashMismatch'
			? 'nội dung đã bị sửa / its content was altered'
			: 'liên kết với mục trước bị đứt (mục bị xóa hoặc chèn) / its link to the previous entry is broken (an entry was removed or inserted)'
	print(`LỖI / BROKEN: mục nhật ký #${result.brokenSeq}: ${why}.`)
	print(`  ${result.entries} mục trước đó hợp lệ / entries before it are intact.`)
	print(`  mong đợi / expected ${result.expected}`)
	print(`  tìm thấy / found    ${result.found}`)
	return 1
}

export const auditCommand: Command = {
	summaryVi: 'Kiểm tra tính toàn vẹn của nhật ký hoạt động (chuỗi băm)',
	summaryEn: 'Verify the integrity of the audit log (hash chain)',
	usage: [
		'hocvuso audit verify',
		'  Đi qua toàn bộ nhật ký, tính lại từng mã băm; báo mục đầu tiên bị sửa hoặc bị xóa (mã thoát 1),',
		'  hoặc OK (mã thoát 0).',
		'  Walks the whole log recomputing every hash; reports the first altered or removed entry (exit 1)',
		'  or OK (exit 0).',
	],
	async run(args) {
		if (args[0] !== 'verify' || args.length > 1) {
			console.error('Dùng / use: hocvuso audit verify')
			return 2
		}
		const env = readEnv()
		const database = await openDatabase({
			databaseUrl: env.DATABASE_URL,
			dataDir: path.join(env.dataDir, 'pglite'),
		})
		try {
			return await runAuditVerify(database, (line) => console.info(line))
		} finally {
			await database.close()
		}
	},
}
