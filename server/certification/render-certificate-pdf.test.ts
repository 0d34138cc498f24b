import { describe, expect, test } from 'vitest'
import type { CertificateRecord } from '#server/certification/certificate-record.server.ts'
import { renderCertificatePdf } from '#server/certification/render-certificate-pdf.server.ts'
import { maskFullName, signCertificatePayload } from '#server/certification/signed-payload.ts'
import { deriveWardSigningKey } from '#server/certification/signing-key.server.ts'
import { pdfFonts, pdfInfo, pdfQrText, pdfText } from '#server/certification/testing/read-pdf.ts'

const record: CertificateRecord = {
	id: '00000000-0000-4000-8000-000000000001',
	code: 'K7M2Q-9XH4T',
	status: 'valid',
	basis: 'final_assessment',
	issuedOn: '2026-12-07',
	revokedReason: null,
	revokedAt: null,
	trackId: 'elderly',
	trackNameVi: 'Người cao tuổi dùng điện thoại thông minh',
	trackNameEn: 'Older people using smartphones',
	residentId: '00000000-0000-4000-8000-000000000002',
	residentGroupId: null,
	// Every tone mark and ơ/ư/ă/â/ê/ô/đ in one name.
	fullName: 'Đặng Thị Ngọc Ánh Hằng Hữu Quỳnh Ưởng',
	wardId: '00000000-0000-4000-8000-000000000003',
	wardCode: '05977',
	wardName: 'Hoàng Văn Thụ',
	wardKind: 'ward',
	provinceName: 'Thái Nguyên',
}
// A real signed payload, as long as the ones the product prints (about 250 characters in all).
const key = deriveWardSigningKey(Buffer.alloc(32, 5), record.wardId)
const token = signCertificatePayload(
	{
		keyId: key.keyId,
		code: record.code,
		wardCode: record.wardCode,
		trackId: 'community-tech-team',
		issuedOn: record.issuedOn,
		maskedName: maskFullName(record.fullName),
	},
	key.privateKey,
)
const qrUrl = `http://127.0.0.1:43210/xac-minh/K7M2Q-9XH4T?ky=${token}`

describe('certificate PDF', async () => {
	const bytes = await renderCertificatePdf(record, qrUrl)
	// pdftotext -layout keeps each drawn line on one line; collapse runs of spaces between words.
	const text = pdfText(bytes).replace(/[ \t]+/g, ' ')

	test('is one A4 landscape page with its fonts embedded', () => {
		const info = pdfInfo(bytes)
		expect(info.Pages).toBe('1')
		expect(info['Page size']).toMatch(/^841\.89 x 595\.2\d pts \(A4\)/)
		expect(info.Title).toBe('Giấy chứng nhận K7M2Q-9XH4T')
		const fonts = pdfFonts(bytes)
		expect(fonts.length).toBeGreaterThanOrEqual(2)
		expect(fonts.every((f) => f.embedded)).toBe(true)
	})

	test('reads back in Vietnamese with every diacritic', () => {
		for (const line of [
			'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
			'Độc lập - Tự do - Hạnh phúc',
			'PHƯỜNG HOÀNG VĂN THỤ, THÁI NGUYÊN',
			'GIẤY CHỨNG NHẬN',
			'Đặng Thị Ngọc Ánh Hằng Hữu Quỳnh Ưởng',
			'đã đạt chuẩn kỹ năng số của lộ trình',
			'Người cao tuổi dùng điện thoại thông minh',
			'Phường Hoàng Văn Thụ, ngày 07 tháng 12 năm 2026',
			'K7M2Q-9XH4T',
			'http://127.0.0.1:43210/xac-minh/K7M2Q-9XH4T',
		]) {
			expect(text).toContain(line)
		}
		expect(text.normalize('NFC')).toBe(text)
	})

	test('carries a QR code that reads back as the verify URL with the signed payload', () => {
		expect(pdfQrText(bytes)).toBe(qrUrl)
	})
})
