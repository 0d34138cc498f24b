/**
 * Measures the import's front half — read + detect header + parse + validate + duplicates — on a generated
 * 100,000-row workbook, and prints rows per second and peak memory. Not a test (timings are not asserted).
 *
 *   npx tsx server/people/import/measure-parse-throughput.ts [rows]
 *
 * The workbook is generated first (exceljs streaming writer, shared strings, real dates, like Excel), then
 * measured in a fresh process so the peak RSS is the import's alone.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import ExcelJS from 'exceljs'
import { parseResidentWorkbook } from '#server/people/import/parse-resident-workbook.ts'
import { readImportFile } from '#server/people/import/read-import-file.server.ts'
import { generatePersonalId } from '#server/people/personal-id.ts'

const surnames = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô']
const middles = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Hữu']
const givens = ['An', 'Bình', 'Cường', 'Dũng', 'Hà', 'Hương', 'Lan', 'Nam', 'Phúc', 'Quang', 'Thảo', 'Yến']
const relations = ['Chủ hộ', 'Vợ', 'Con', 'Con', 'Cháu']

/** A deterministic generator (mulberry32) so every run measures the same file. */
function seeded(seed: number): () => number {
	let a = seed
	return () => {
		a = (a + 0x6d2b79f5) | 0
		let t = Math.imul(a ^ (a >>> 15), 1 | a)
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296
	}
}

async function generate(file: string, rows: number): Promise<void> {
	const random = seeded(42)
	const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!
	const writer = new ExcelJS.stream.xlsx.WorkbookWriter({
		filename: file,
		useSharedStrings: true,
		useStyles: true,
	})
	const perSheet = Math.ceil(rows / 10)
	for (let s = 0; s < 10; s++) {
		const ws = writer.addWorksheet(`Tổ ${s + 1}`)
		ws.addRow([`DANH SÁCH NHÂN KHẨU TỔ DÂN PHỐ SỐ ${s + 1}`]).commit()
		ws.addRow([
			'STT',
			'Họ và tên',
			'Ngày sinh',
			'Giới tính',
			'Số CCCD',
			'SĐT',
			'Quan hệ với chủ hộ',
			'Số hộ',
			'Địa chỉ',
			'Dân tộc',
			'Nghề nghiệp',
		]).commit()
		for (let i = 0; i < perSheet && s * perSheet + i < rows; i++) {
			const sex = random() < 0.5 ? 'male' : 'female'
			const year = 1930 + Math.floor(random() * 90)
			const row = ws.addRow([
				i + 1,
				`${pick(surnames)} ${sex === 'female' ? 'Thị' : pick(middles)} ${pick(givens)}`,
				new Date(Date.UTC(year, Math.floor(random() * 12), 1 + Math.floor(random() * 28))),
				sex === 'male' ? 'Nam' : 'Nữ',
				generatePersonalId({ provinceCode: '019', sex, birthYear: year, random }),
				`09${String(Math.floor(random() * 1e8)).padStart(8, '0')}`,
				pick(relations),
				`H${s + 1}-${Math.floor(i / 4)}`,
				`Số ${Math.floor(random() * 200)}, đường ${pick(givens)}`,
				'Kinh',
				pick(['Hưu trí', 'Công nhân', 'Buôn bán', 'Học sinh', 'Làm ruộng']),
			])
			row.getCell(3).numFmt = 'dd/mm/yyyy'
			row.commit()
		}
		ws.commit()
	}
	await writer.commit()
}

async function measure(file: string): Promise<void> {
	const bytes = fs.readFileSync(file)
	const cpu0 = process.cpuUsage()
	const started = performance.now()
	const workbook = await readImportFile(bytes)
	const read = performance.now()
	const cpu1 = process.cpuUsage()
	const { rows } = parseResidentWorkbook(workbook)
	const done = performance.now()
	const cpu2 = process.cpuUsage()
	// CPU time (user + system) tells what the work costs even when other processes share the machine.
	const cpuMs = (a: NodeJS.CpuUsage, b: NodeJS.CpuUsage) => (b.user - a.user + b.system - a.system) / 1000
	const valid = rows.filter((r) => r.status === 'valid').length
	const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000).toLocaleString('en-US')
	console.info(
		`file: ${(bytes.length / 1024 / 1024).toFixed(1)} MB, ${workbook.sheets.length} sheets, ${rows.length} data rows (${valid} valid)`,
	)
	const line = (label: string, wall: number, cpu: number) =>
		console.info(
			`${label.padEnd(40)} wall ${Math.round(wall)} ms (${perSecond(rows.length, wall)} rows/s), CPU ${Math.round(cpu)} ms (${perSecond(rows.length, cpu)} rows per CPU-second)`,
		)
	line('read (unzip + XML)', read - started, cpuMs(cpu0, cpu1))
	line('detect + parse + validate + duplicates', done - read, cpuMs(cpu1, cpu2))
	line('overall', done - started, cpuMs(cpu0, cpu2))
	console.info(
		`load average: ${os
			.loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')} on ${os.cpus().length} cores`,
	)
	const usage = process.memoryUsage()
	console.info(
		`peak RSS: ${Math.round(process.resourceUsage().maxRSS / 1024)} MB; heap used at end: ${Math.round(usage.heapUsed / 1024 / 1024)} MB`,
	)
}

const [flag, arg] = process.argv.slice(2)
if (flag === '--measure' && arg) {
	await measure(arg)
} else {
	const rows = Number(flag ?? 100_000)
	const file = path.join(os.tmpdir(), `hocvuso-import-${rows}.xlsx`)
	if (!fs.existsSync(file)) {
		const t = performance.now()
		await generate(file, rows)
		console.info(`generated ${file} in ${Math.round(performance.now() - t)} ms`)
	}
	const self = fileURLToPath(import.meta.url)
	const child = spawnSync(process.execPath, [...process.execArgv, self, '--measure', file], {
		stdio: 'inherit',
	})
	process.exitCode = child.status ?? 1
}
