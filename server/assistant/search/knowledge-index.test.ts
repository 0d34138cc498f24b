import { describe, expect, test } from 'vitest'
import { classifyHits } from '#server/assistant/search/classify-hits.ts'
import { KnowledgeIndex, type SearchItem } from '#server/assistant/search/knowledge-index.ts'

const items: SearchItem[] = [
	{ id: 'ks', name: 'Thủ tục đăng ký khai sinh', topic: 'Hộ tịch. Giấy khai sinh', wardLevel: true },
	{
		id: 'ks-hoso',
		name: 'Thủ tục đăng ký khai sinh cho người đã có hồ sơ, giấy tờ cá nhân',
		topic: 'Hộ tịch',
		wardLevel: true,
	},
	{ id: 'ks-nn', name: 'Thủ tục đăng ký khai sinh có yếu tố nước ngoài', topic: 'Hộ tịch', wardLevel: true },
	{
		id: 'cc-xa',
		name: 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên',
		topic: 'Căn cước',
		wardLevel: true,
	},
	{
		id: 'cc-tw',
		name: 'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên (thực hiện tại cấp trung ương)',
		topic: 'Căn cước',
		wardLevel: false,
	},
	{ id: 'ban-sao', name: 'Chứng thực bản sao từ bản chính giấy tờ', topic: 'Chứng thực', wardLevel: true },
	{ id: 'ban-nha', name: 'Bán nhà ở cũ thuộc tài sản công', topic: 'Nhà ở', wardLevel: false },
	{ id: 'vang', name: 'Cấp giấy phép tạm nhập vàng nguyên liệu', topic: 'Ngân hàng', wardLevel: false },
	{
		id: 'kt',
		name: 'Khai thuế đối với hộ kinh doanh',
		topic: 'Thuế',
		keywords: 'nộp thuế khoán',
		wardLevel: false,
	},
]
const synonyms = [{ phrase: 'làm căn cước', expansion: 'cấp thẻ căn cước' }]
const index = new KnowledgeIndex(items, synonyms)
const top = (q: string) => index.query(q, 5).hits.map((h) => h.id)
const nameOf = (id: string) => items.find((i) => i.id === id)?.name ?? id

describe('ranking', () => {
	test('the name that says exactly what was asked comes first (name precision)', () => {
		expect(top('đăng ký khai sinh')[0]).toBe('ks')
		expect(top('dang ky khai sinh')[0]).toBe('ks')
		expect(top('đăng ký khai sinh có yếu tố nước ngoài')[0]).toBe('ks-nn')
	})

	test('with or without diacritics, typing slips and missing spaces find the same procedure', () => {
		for (const q of ['Đăng ký khai sinh', 'DANG KY KHAI SINH', 'dang ky khia sinh', 'dangkykhaisinh'])
			expect(top(q)[0], q).toBe('ks')
	})

	test('the ward-level procedure is preferred when two fit equally', () => {
		expect(top('cấp thẻ căn cước cho người từ đủ 14 tuổi')[0]).toBe('cc-xa')
		expect(top('lam can cuoc')[0]).toBe('cc-xa')
	})

	test('diacritics typed decide between words that fold alike ("bản" and "bán")', () => {
		expect(top('bản sao')[0]).toBe('ban-sao')
		expect(top('bán nhà')[0]).toBe('ban-nha')
	})

	test('keywords staff add are searched like names', () => {
		expect(top('nộp thuế khoán')[0]).toBe('kt')
	})
})

describe('confidence', () => {
	test('a clear question is answered', () => {
		const { outcome, distinct } = classifyHits(index.query('đăng ký khai sinh').hits, nameOf)
		expect(outcome).toBe('answered')
		expect(distinct[0]?.id).toBe('ks')
	})

	test('a question that only shares a word is not answered ("giá vàng hôm nay")', () => {
		expect(classifyHits(index.query('giá vàng hôm nay').hits, nameOf).outcome).not.toBe('answered')
	})

	test('a question about nothing in the knowledge base finds nothing', () => {
		expect(classifyHits(index.query('cách nấu phở bò').hits, nameOf).outcome).toBe('notFound')
		expect(classifyHits(index.query('thế nào ạ').hits, nameOf).outcome).toBe('notFound')
	})

	test('a one-word question gets suggestions, not an answer', () => {
		const { outcome, distinct } = classifyHits(index.query('thuế').hits, nameOf)
		expect(outcome).toBe('uncertain')
		expect(distinct[0]?.id).toBe('kt')
	})
})
