import { describe, expect, test } from 'vitest'
import { normaliseQuery } from '#server/assistant/search/normalise-query.ts'
import {
	canonicalSyllable,
	foldForSearch,
	indexTermsOf,
	syllablesOf,
} from '#server/assistant/search/search-text.ts'
import { SynonymMatcher } from '#server/assistant/search/synonym-matcher.ts'
import { Vocabulary } from '#server/assistant/search/vocabulary.ts'

const names = [
	'Thủ tục đăng ký khai sinh',
	'Thủ tục đăng ký kết hôn',
	'Thủ tục cấp Giấy xác nhận tình trạng hôn nhân',
	'Chứng thực bản sao từ bản chính giấy tờ, văn bản',
	'Đăng ký thường trú',
	'Cấp thẻ căn cước cho người từ đủ 14 tuổi trở lên',
	'Quy định về lý lịch tư pháp',
	'Cấp bản sao Trích lục hộ tịch, bản sao Giấy khai sinh',
]
const vocabulary = new Vocabulary()
for (const name of names) vocabulary.add(syllablesOf(name))
const synonyms = new SynonymMatcher([
	{ phrase: 'công chứng', expansion: 'chứng thực' },
	{ phrase: 'giấy xác nhận độc thân', expansion: 'giấy xác nhận tình trạng hôn nhân' },
	{ phrase: 'nhập hộ khẩu', expansion: 'đăng ký thường trú' },
	{ phrase: 'khai sinh cho con', expansion: 'đăng ký khai sinh' },
	{ phrase: 'khai sinh', expansion: 'đăng ký khai sinh' },
])
const plan = (q: string) => normaliseQuery(q, vocabulary, synonyms)
const words = (q: string) =>
	[...plan(q).terms].filter(([t, w]) => !t.includes('_') && !t.startsWith('~') && w >= 0.5).map(([t]) => t)

describe('folding', () => {
	test('diacritics, đ, case and punctuation do not matter', () => {
		expect(foldForSearch('ĐĂNG KÝ Khai-sinh (lưu động)!')).toBe('dang ky khai sinh luu dong')
		expect(foldForSearch('Đăng ký khai sinh')).toBe(foldForSearch('dang ky khai sinh'))
	})

	test('"i" and "y" after a consonant are one spelling ("kí"/"ký", "lí"/"lý", "qui"/"quy")', () => {
		expect(foldForSearch('đăng kí')).toBe('dang ky')
		expect(foldForSearch('lí lịch')).toBe(foldForSearch('lý lịch'))
		expect(canonicalSyllable('qui')).toBe('quy')
		expect(canonicalSyllable('khi')).toBe('khi')
	})

	test('index terms: syllables, pairs, and accented forms of marked syllables', () => {
		expect(indexTermsOf('Bản sao')).toEqual(['ban', '~bản', 'sao', 'ban_sao'])
	})
})

describe('understanding a question', () => {
	test('question words typed with marks are dropped; without marks they only weigh little', () => {
		expect(words('Tôi muốn hỏi đăng ký kết hôn thế nào ạ')).toEqual(['dang', 'ky', 'ket', 'hon'])
		const weights = plan('toi muon dang ky ket hon').terms
		expect(weights.get('toi')).toBeLessThan(0.5)
		expect(weights.get('ket')).toBe(1)
	})

	test('a possible question word next to its usual neighbour counts in full ("dang ky", "ban sao")', () => {
		const weights = plan('dang ky ket hon').terms
		expect(weights.get('dang')).toBe(1)
	})

	test('ways of asking ("cần giấy tờ gì", "ở đâu", "bao lâu") are not searched for', () => {
		expect(words('đăng ký kết hôn cần giấy tờ gì, nộp ở đâu, mất bao lâu')).toEqual([
			'dang',
			'ky',
			'ket',
			'hon',
		])
	})

	test('words run together are split into known syllables', () => {
		const p = plan('dangkykethon')
		expect(p.corrections).toEqual([{ from: 'dangkykethon', to: 'dang ky ket hon' }])
		expect(words('dangkykethon')).toEqual(['dang', 'ky', 'ket', 'hon'])
	})

	test('one typing slip is repaired from the words around it', () => {
		expect(plan('dang ky khia sinh').corrections).toEqual([{ from: 'khia', to: 'khai' }])
		expect(plan('dang ky ket hno').corrections).toEqual([{ from: 'hno', to: 'hon' }])
		expect(plan('chung thuc bna sao').corrections).toEqual([{ from: 'bna', to: 'ban' }])
	})

	test('colloquial phrases become the words of the procedures; the longest phrase wins', () => {
		expect(words('cong chung ban sao')).toEqual(['chung', 'thuc', 'ban', 'sao'])
		expect(words('giấy xác nhận độc thân')).toEqual(['giay', 'xac', 'nhan', 'tinh', 'trang', 'hon'])
		const p = plan('làm giấy khai sinh cho con')
		expect(p.synonyms).toEqual(['khai sinh cho con'])
		expect(words('nhap ho khau')).toEqual(['dang', 'ky', 'thuong', 'tru'])
	})

	test('content words and side-by-side pairs are what decide whether an item answers', () => {
		const p = plan('đăng ký kết hôn ở đâu')
		expect(p.contentWords).toEqual(['dang', 'ky', 'ket', 'hon'])
		expect(p.contentPairs).toContain('ket_hon')
	})
})
