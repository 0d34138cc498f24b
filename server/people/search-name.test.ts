import { describe, expect, it } from 'vitest'
import { foldVietnamese } from '#server/people/search-name.ts'

describe('foldVietnamese', () => {
	it.each([
		['Nguyễn Văn Đức', 'nguyen van duc'],
		['ĐẶNG THỊ Ngọc', 'dang thi ngoc'],
		['  Trần   Thị\tHồng\nNhung ', 'tran thi hong nhung'],
		['Phạm Duy Hùng', 'pham duy hung'],
		['Hoàng Thị Ánh Tuyết', 'hoang thi anh tuyet'],
		['Bùi Quốc Việt', 'bui quoc viet'],
		['Lương Thị Ưng', 'luong thi ung'],
		['Triệu Tòn Phẩy', 'trieu ton phay'],
		['nguyen van duc', 'nguyen van duc'],
		['', ''],
	])('%j → %j', (input, folded) => {
		expect(foldVietnamese(input)).toBe(folded)
	})

	it('folds precomposed (NFC) and decomposed (NFD) input alike', () => {
		const nfc = 'Đỗ Thị Hường'.normalize('NFC')
		const nfd = 'Đỗ Thị Hường'.normalize('NFD')
		expect(nfc).not.toBe(nfd)
		expect(foldVietnamese(nfc)).toBe('do thi huong')
		expect(foldVietnamese(nfd)).toBe('do thi huong')
	})

	it('leaves only ASCII for Vietnamese letters', () => {
		const alphabet = 'aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ'
		expect(foldVietnamese(alphabet + alphabet.toUpperCase())).toMatch(/^[a-z]+$/)
	})
})
