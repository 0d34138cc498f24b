import { buildIfNeeded } from '#cli/build-if-needed.ts'
import type { Command } from '#cli/command.ts'
import { runServer } from '#cli/run-server.ts'

export const startCommand: Command = {
	summaryVi: 'Chạy bản trình diễn: build nếu cần, cập nhật CSDL, tạo phường mẫu lần đầu, mở máy chủ',
	summaryEn: 'Run the demo: build if needed, migrate, seed the demo ward on first run, serve',
	usage: [
		'hocvuso start [--size N]',
		'  --size N  số người dân của phường mẫu (mặc định 5000) / demo ward residents (default 5000)',
		'  DEMO=0    tắt chế độ trình diễn / turn demo mode off',
	],
	async run(args) {
		buildIfNeeded()
		return runServer({ args, demoDefault: true, dev: false })
	},
}

export const serveCommand: Command = {
	summaryVi: 'Mở máy chủ web (dùng cho vận hành thật; cần đặt khóa qua biến môi trường)',
	summaryEn: 'Serve the web app (production; keys come from the environment)',
	usage: ['hocvuso serve', '  DEMO=1  bật chế độ trình diễn / turn demo mode on'],
	async run(args) {
		return runServer({ args, demoDefault: false, dev: false })
	},
}
