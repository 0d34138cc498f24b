import { describe, expect, test } from 'vitest'
import { redactPersonalData } from '#server/assistant/redact-personal-data.ts'

const redact = (q: string) => redactPersonalData(q)

describe('personal data is removed from questions', () => {
	test('personal ID numbers (12 digits, with or without spaces) and old 9-digit ID cards', () => {
		expect(redact('CCCD của tôi là 001234567890').text).toBe('CCCD của tôi là [số định danh]')
		expect(redact('số 001 234 567 890 bị sai').text).toBe('số [số định danh] bị sai')
		expect(redact('cmnd 123456789 cũ').text).toBe('cmnd [số CMND] cũ')
		expect(redact('cmnd 123456789 cũ').kinds).toEqual(['idCard'])
	})

	test('phone numbers in every common shape', () => {
		for (const phone of ['0912345678', '0912 345 678', '0912.345.678', '+84 912 345 678', '84912345678'])
			expect(redact(`gọi ${phone} nhé`).text, phone).toBe('gọi [số điện thoại] nhé')
	})

	test('e-mail addresses', () => {
		expect(redact('gửi vào an.nguyen@gmail.com giúp').text).toBe('gửi vào [thư điện tử] giúp')
	})

	test('names: introduced ("tên là …", "tôi là …"), after a family name, typed with or without marks', () => {
		expect(redact('Tôi tên là Nguyễn Văn An, muốn làm căn cước').text).toBe(
			'Tôi tên là [họ tên], muốn làm căn cước',
		)
		expect(redact('toi ten la nguyen van an muon lam khai sinh').text).toBe(
			'toi ten la [họ tên] muon lam khai sinh',
		)
		expect(redact('con tôi tên Minh Anh cần khai sinh').text).toBe('con tôi tên [họ tên] cần khai sinh')
		expect(redact('Bà Lê Thị Hoa ở tổ 5 cần chứng thực').text).toBe('Bà [họ tên] ở tổ 5 cần chứng thực')
		expect(redact('chứng thực cho Đặng Thị Mai').kinds).toEqual(['name'])
	})

	test('questions without personal data are unchanged; places are not names', () => {
		for (const q of [
			'Làm giấy khai sinh cho con cần những gì?',
			'mua vé tàu đi Hà Nội',
			'đăng ký kết hôn ở Thái Nguyên',
			'thủ tục số 1.001193',
		])
			expect(redact(q)).toEqual({ text: q, kinds: [] })
	})
})
