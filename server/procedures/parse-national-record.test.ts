import { beforeAll, describe, expect, test } from 'vitest'
import { type NationalRecord, NationalRecordSchema } from '#server/procedures/national-record.ts'
import {
	cleanSourceText,
	isWardLevel,
	parseChannels,
	parseDocuments,
	parseLegalBasis,
	parseNationalRecord,
	parseResults,
	parseSteps,
} from '#server/procedures/parse-national-record.ts'
import { defaultNationalFile, readJsonLines } from '#server/procedures/read-national-file.server.ts'

describe('parsing the portal text', () => {
	test('channels: each row glued to its time, fee and the bracketed note', () => {
		const rows = parseChannels(
			'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tuyến7 Ngày làm việc10,000 Việt Nam Đồng(Trường hợp nộp trực tuyến thu 10.000 đồng/lần.)Trực tiếp7 Ngày làm việcMiễn phíNộp tại bộ phận một cửa.Dịch vụ bưu chínhKhông có thông tinKhông có thông tin',
		)
		expect(rows).toEqual([
			{
				channel: 'Trực tuyến',
				timeLimit: '7 Ngày làm việc',
				fee: '10,000 Việt Nam Đồng',
				feeNote: 'Trường hợp nộp trực tuyến thu 10.000 đồng/lần.',
				description: null,
			},
			{
				channel: 'Trực tiếp',
				timeLimit: '7 Ngày làm việc',
				fee: 'Miễn phí',
				feeNote: null,
				description: 'Nộp tại bộ phận một cửa.',
			},
			{ channel: 'Dịch vụ bưu chính', timeLimit: null, fee: null, feeNote: null, description: null },
		])
	})

	test('channels: "Trực tiếp" inside a description does not start a row', () => {
		const rows = parseChannels(
			'Hình thức nộpThời gianPhí, lệ phíMô tảTrực tiếp10 NgàyKhông có thông tinTrực tiếp tại Công an cấp huyện.',
		)
		expect(rows).toHaveLength(1)
		expect(rows[0]?.description).toBe('Trực tiếp tại Công an cấp huyện.')
	})

	test('documents: rows end with their quantity; the text before a table is its group', () => {
		const docs = parseDocuments(
			'* Giấy tờ phải nộp:Tên giấy tờMẫu đơn, tờ khaiSố lượngTờ khai đăng ký (Mẫu TK01).Mau TK01.docx1 bản chínhGiấy chứng sinh0 bản chính,1 bản sao',
		)
		expect(docs).toEqual([
			{
				group: 'Giấy tờ phải nộp',
				name: 'Tờ khai đăng ký (Mẫu TK01).',
				form: 'Mau TK01.docx',
				quantity: '1 bản chính',
			},
			{ group: 'Giấy tờ phải nộp', name: 'Giấy chứng sinh', form: null, quantity: '0 bản chính,1 bản sao' },
		])
	})

	test('legal basis: a code glued to the next name is cut where the name starts', () => {
		expect(
			parseLegalBasis(
				'Tên văn bản pháp lýMã văn bảnLuật Hộ tịch60/2014/QH13Nghị định 123/2015/NĐ-CP123/2015/NĐ-CPThông tư số 04/2020/TT-BTP ngày 28/5/202004/2020/TT-BTP',
			),
		).toEqual([
			{ name: 'Luật Hộ tịch', code: '60/2014/QH13' },
			{ name: 'Nghị định 123/2015/NĐ-CP', code: '123/2015/NĐ-CP' },
			{ name: 'Thông tư số 04/2020/TT-BTP ngày 28/5/2020', code: '04/2020/TT-BTP' },
		])
	})

	test('results, steps, empty markers and invisible characters', () => {
		expect(parseResults('Giấy khai sinhMã: KQ.G15.000031Từ khóaKhông có thông tin')).toEqual([
			'Giấy khai sinh',
		])
		expect(parseSteps('Bước 1: Nộp hồ sơ\n\n\tBước 2: Nhận kết quả\n')).toEqual([
			'Bước 1: Nộp hồ sơ',
			'Bước 2: Nhận kết quả',
		])
		expect(cleanSourceText('Không có thông tin')).toBe('')
		expect(cleanSourceText('đăng k\u200Eý')).toBe('đăng ký')
		expect(isWardLevel('Cấp tỉnh, Cấp xã')).toBe(true)
		expect(isWardLevel('Cấp bộ')).toBe(false)
	})
})

describe('the national file', () => {
	const records: NationalRecord[] = []
	beforeAll(async () => {
		for await (const { value } of readJsonLines(defaultNationalFile))
			records.push(NationalRecordSchema.parse(value))
	})

	test('holds 2,642 procedures with unique codes, 588 of them at commune or ward level', () => {
		expect(records).toHaveLength(2642)
		expect(new Set(records.map((r) => r.ma_thu_tuc)).size).toBe(2642)
		expect(records.filter((r) => isWardLevel(r.cap_thuc_hien))).toHaveLength(588)
	})

	// Answers quote these values: every one must be a slice of the record's own text, never a rewording.
	test('every parsed paper, fee, time limit and legal code is quoted from its record', () => {
		const flat = (text: string) => cleanSourceText(text).replace(/\n/g, ' ')
		let documents = 0
		let fees = 0
		for (const record of records) {
			const fields = parseNationalRecord(record)
			const papers = flat(record.thanh_phan_ho_so)
			for (const doc of fields.documents) {
				expect(papers, record.ma_thu_tuc).toContain(doc.name)
				if (doc.quantity) expect(papers).toContain(doc.quantity)
				documents++
			}
			const channels = flat(record.cach_thuc_thuc_hien)
			for (const channel of fields.channels) {
				for (const value of [channel.fee, channel.feeNote, channel.timeLimit]) {
					if (value) expect(channels, record.ma_thu_tuc).toContain(value)
				}
				if (channel.fee) fees++
			}
			const legal = flat(record.can_cu_phap_ly)
			for (const law of fields.legalBasis) if (law.code) expect(legal).toContain(law.code)
		}
		expect(documents).toBeGreaterThan(14_000)
		expect(fees).toBeGreaterThan(5_000)
	})

	test('almost every record yields channels and papers', () => {
		const parsed = records.map(parseNationalRecord)
		expect(parsed.filter((f) => f.channels.length === 0).length).toBeLessThan(30)
		expect(parsed.filter((f) => f.documents.length === 0).length).toBeLessThan(10)
	})
})
