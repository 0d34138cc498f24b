import { commands } from '#cli/commands.ts'

/** Prints help for all commands, or one, in Vietnamese then English. */
export function printHelp(name?: string): void {
	const command = name ? commands[name] : undefined
	if (command && name) {
		console.info(`hocvuso ${name} — ${command.summaryVi}\n  (${command.summaryEn})\n`)
		for (const line of command.usage) console.info(`  ${line}`)
		return
	}
	console.info('hocvuso — công cụ vận hành / operator tool\n')
	console.info('Cách dùng / usage: hocvuso <lệnh|command> [tùy chọn|options]\n')
	const width = Math.max(...Object.keys(commands).map((k) => k.length))
	for (const [key, c] of Object.entries(commands)) {
		console.info(`  ${key.padEnd(width)}  ${c.summaryVi}`)
		console.info(`  ${' '.repeat(width)}  ${c.summaryEn}`)
	}
	console.info('\nXem chi tiết / details: hocvuso help <lệnh|command>')
	console.info(
		'\nBiến môi trường / environment: DATABASE_URL (PostgreSQL; bỏ trống để dùng PGlite), DATA_DIR (./data), PORT (3000), PUBLIC_URL, DATA_ENCRYPTION_KEY, DATA_HASH_KEY, SESSION_SECRET',
	)
}
