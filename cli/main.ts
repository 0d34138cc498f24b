import { commands } from '#cli/commands.ts'
import { printHelp } from '#cli/help.ts'

/** Runs one CLI command; returns the process exit code. */
export async function main(argv: string[]): Promise<number> {
	const [name, ...rest] = argv
	if (!name || name === 'help' || name === '--help' || name === '-h') {
		printHelp(rest[0])
		return 0
	}
	const command = commands[name]
	if (!command) {
		console.error(`Lệnh không tồn tại / unknown command: ${name}\n`)
		printHelp()
		return 2
	}
	if (rest.includes('--help') || rest.includes('-h')) {
		printHelp(name)
		return 0
	}
	try {
		return await command.run(rest)
	} catch (error) {
		console.error(`Lỗi / error: ${error instanceof Error ? error.message : String(error)}`)
		if (process.env.HOCVUSO_DEBUG) console.error(error)
		return 1
	}
}
