import type { Command } from '#cli/command.ts'
import { runServer } from '#cli/run-server.ts'

export const devCommand: Command = {
	summaryVi: 'Chạy máy chủ phát triển (Vite, tự tải lại khi sửa mã)',
	summaryEn: 'Run the development server (Vite, reloads on change)',
	usage: ['hocvuso dev [--size N]'],
	async run(args) {
		process.env.NODE_ENV = 'development'
		return runServer({ args, demoDefault: true, dev: true })
	},
}
