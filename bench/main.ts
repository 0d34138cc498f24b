import { benchAssistant } from '#bench/assistant.bench.ts'
import { benchBackup } from '#bench/backup.bench.ts'
import { benchImport } from '#bench/import.bench.ts'
import { benchIndicators } from '#bench/indicators.bench.ts'
import { benchIndicatorsProvince } from '#bench/indicators-province.bench.ts'
import { benchLoad } from '#bench/load.bench.ts'
import { benchOutreach } from '#bench/outreach.bench.ts'
import { benchPages } from '#bench/pages.bench.ts'
import { benchResidents } from '#bench/residents.bench.ts'
import { benchSeed } from '#bench/seed.bench.ts'

// `npm run bench -- <name> [size]`: speed and memory figures, printed, never asserted in tests
// (the machines are shared and noisy). Each capability adds its benchmark here.
const benches: Record<string, { describe: string; run(size?: number): Promise<void> }> = {
	assistant: {
		describe:
			'Trợ lý thủ tục: nhập dữ liệu quốc gia, dựng chỉ mục, xếp hạng 2.642 thủ tục, trả lời / procedure assistant: import, index build, ranking, answers',
		run: () => benchAssistant(),
	},
	seed: {
		describe: 'Tạo phường mẫu: số người/giây, bộ nhớ / demo-ward seeding rate and memory',
		run: (size) => benchSeed(size ? [size] : [5_000, 100_000]),
	},
	residents: {
		describe: 'Danh sách người dân ở quy mô lớn / resident list latency at scale',
		run: (size) => benchResidents(size ?? 100_000),
	},
	import: {
		describe:
			'Nhập danh sách người dân từ Excel: số dòng/giây, bộ nhớ, so với chèn hàng loạt / resident import rate, memory, ratio to bulk insert',
		run: (size) => benchImport(size ?? 100_000),
	},
	backup: {
		describe: 'Sao lưu và khôi phục, cả hai CSDL / backup and restore on both engines (size = residents)',
		run: (size) => benchBackup(size ?? 5_000),
	},
	indicators: {
		describe:
			'Chỉ tiêu: tính cả 9 chỉ tiêu với mọi phân tích, lần đầu và lặp lại, so với quét đếm toàn bộ bảng / all indicators with all breakdowns, cold and warm, ratio to a full counting scan (size = residents; INDICATORS_BENCH_ENGINE=postgres for PostgreSQL)',
		run: (size) => benchIndicators(size ?? 100_000),
	},
	'indicators-province': {
		describe:
			'Chỉ tiêu cấp tỉnh trên PostgreSQL: các phường (mỗi phường PROVINCE_WARD_SIZE người, mặc định 100.000) cộng lại / a province on PostgreSQL: every ward’s indicators summed, from the kept state and from the rows (size = wards, default 17)',
		run: (size) => benchIndicatorsProvince(size ?? 17),
	},
	load: {
		describe:
			'Tải hỗn hợp qua HTTP, PostgreSQL + 2 máy chủ / mixed HTTP load on PostgreSQL + 2 app servers (size = users)',
		run: (size) => benchLoad(size),
	},
	outreach: {
		describe:
			'Đi từng nhà: danh sách của một tổ, thẻ hộ, đồng bộ 50 lượt thăm, kết quả toàn phường / worklist, household card, 50-visit sync, ward-wide figures (size = residents)',
		run: (size) => benchOutreach(size ?? 100_000),
	},
	pages: {
		describe:
			'Trang bài học: thời gian dựng trang ở 50 yêu cầu đồng thời, số byte đường găng, so với máy chủ tệp tĩnh / lesson page render p95 at 50 concurrent requests, critical-path bytes, ratio to a static file server (size = concurrency)',
		run: (size) => benchPages(size),
	},
}

const [name, sizeArg] = process.argv.slice(2)
const size = sizeArg ? Number.parseInt(sizeArg, 10) : undefined
const selected = name && name !== 'all' ? [name] : Object.keys(benches)
for (const key of selected) {
	const bench = benches[key]
	if (!bench) {
		console.error(`Không có benchmark "${key}". Có / available: ${Object.keys(benches).join(', ')}`)
		process.exit(2)
	}
	console.info(`\n== ${key}: ${bench.describe}`)
	await bench.run(size)
}
