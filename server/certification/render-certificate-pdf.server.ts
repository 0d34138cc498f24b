import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import fontkit from '@pdf-lib/fontkit'
import { PDFDocument, type PDFFont, type PDFPage, rgb } from 'pdf-lib'
import QRCode from 'qrcode'
import type { CertificateRecord } from '#server/certification/certificate-record.server.ts'
import type { CertificateBasis } from '#server/certification/schema.ts'
import { wardTitle as titleOfWard } from './ward-title.ts'

// assets/fonts at the project root: two levels up from server/certification/ and from build/server/.
const fontsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../assets/fonts')

let fontBytes: { regular: Buffer; bold: Buffer } | undefined
function loadFonts() {
	fontBytes ??= {
		regular: fs.readFileSync(path.join(fontsFolder, 'LiberationSerif-Regular.ttf')),
		bold: fs.readFileSync(path.join(fontsFolder, 'LiberationSerif-Bold.ttf')),
	}
	return fontBytes
}

/** The certificate is a Vietnamese document whatever the staff member's language. */
const basisLine: Record<CertificateBasis, string> = {
	final_assessment: 'Đạt bài đánh giá cuối lộ trình trên hệ thống Bình dân học vụ số của phường',
	oral_assessment: 'Đạt đánh giá trực tiếp do giảng viên, tình nguyện viên xác nhận',
	national_platform: 'Đã được công nhận trên Nền tảng Bình dân học vụ số quốc gia',
	vneid: 'Đã được công nhận trên ứng dụng VNeID',
}

function formatDateVi(isoDate: string): string {
	const [y, m, d] = isoDate.split('-')
	return `ngày ${d} tháng ${m} năm ${y}`
}

const A4_LANDSCAPE: [number, number] = [841.89, 595.28]
const ink = rgb(0.1, 0.1, 0.15)
const accent = rgb(0.62, 0.09, 0.09)

/** Draws `text` centred on x, shrinking the size until it fits `maxWidth`. */
function centred(
	page: PDFPage,
	text: string,
	font: PDFFont,
	size: number,
	y: number,
	maxWidth = 700,
	color = ink,
) {
	let fitted = size
	while (fitted > 8 && font.widthOfTextAtSize(text, fitted) > maxWidth) fitted -= 0.5
	const width = font.widthOfTextAtSize(text, fitted)
	page.drawText(text, { x: (A4_LANDSCAPE[0] - width) / 2, y, size: fitted, font, color })
}

/** The QR code drawn as vector squares, so it stays sharp at any print size. */
function drawQr(page: PDFPage, url: string, x: number, y: number, size: number) {
	const qr = QRCode.create(url, { errorCorrectionLevel: 'M' })
	const count = qr.modules.size
	// Four modules of quiet zone on each side, as scanners expect.
	const cell = size / (count + 8)
	page.drawRectangle({ x, y, width: size, height: size, color: rgb(1, 1, 1) })
	for (let row = 0; row < count; row++) {
		for (let col = 0; col < count; col++) {
			if (!qr.modules.get(row, col)) continue
			page.drawRectangle({
				x: x + (col + 4) * cell,
				y: y + size - (row + 5) * cell,
				width: cell,
				height: cell,
				color: rgb(0, 0, 0),
			})
		}
	}
}

/**
 * The certificate as an A4 landscape PDF in Vietnamese, with the fonts embedded (subset) so it shows
 * the same on any reader, and the QR code of `qrUrl` (the verify URL with the signed payload).
 */
export async function renderCertificatePdf(record: CertificateRecord, qrUrl: string): Promise<Uint8Array> {
	const fonts = loadFonts()
	const doc = await PDFDocument.create()
	doc.registerFontkit(fontkit)
	const regular = await doc.embedFont(fonts.regular, { subset: true })
	const bold = await doc.embedFont(fonts.bold, { subset: true })
	const wardTitle = titleOfWard(record.wardKind, record.wardName)
	doc.setTitle(`Giấy chứng nhận ${record.code}`)
	doc.setLanguage('vi-VN')
	doc.setAuthor(`${wardTitle}, ${record.provinceName}`)
	doc.setCreator('hocvuso')
	doc.setProducer('hocvuso')

	const page = doc.addPage(A4_LANDSCAPE)
	const [width, height] = A4_LANDSCAPE
	page.drawRectangle({
		x: 24,
		y: 24,
		width: width - 48,
		height: height - 48,
		borderColor: accent,
		borderWidth: 3,
	})
	page.drawRectangle({
		x: 32,
		y: 32,
		width: width - 64,
		height: height - 64,
		borderColor: accent,
		borderWidth: 0.8,
	})

	centred(page, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', bold, 14, height - 78)
	centred(page, 'Độc lập - Tự do - Hạnh phúc', bold, 13, height - 96)
	page.drawLine({
		start: { x: width / 2 - 80, y: height - 104 },
		end: { x: width / 2 + 80, y: height - 104 },
		thickness: 0.8,
	})
	centred(page, `${wardTitle.toUpperCase()}, ${record.provinceName.toUpperCase()}`, regular, 12, height - 126)

	centred(page, 'GIẤY CHỨNG NHẬN', bold, 36, height - 182, 700, accent)
	centred(page, 'Phong trào “Bình dân học vụ số”', regular, 15, height - 208)

	centred(page, 'Chứng nhận ông/bà', regular, 15, height - 250)
	centred(page, record.fullName, bold, 28, height - 286, 620)
	centred(page, 'đã đạt chuẩn kỹ năng số của lộ trình', regular, 15, height - 318)
	centred(page, record.trackNameVi, bold, 20, height - 346, 620)
	centred(page, basisLine[record.basis], regular, 13, height - 374, 620)

	const left = 70
	page.drawText(`${wardTitle}, ${formatDateVi(record.issuedOn)}`, {
		x: left,
		y: 128,
		size: 13,
		font: regular,
		color: ink,
	})
	page.drawText('Số hiệu giấy chứng nhận:', { x: left, y: 104, size: 12, font: regular, color: ink })
	page.drawText(record.code, { x: left + 148, y: 104, size: 14, font: bold, color: ink })
	page.drawText('Kiểm tra tính hợp lệ: quét mã QR hoặc mở trang', {
		x: left,
		y: 80,
		size: 11,
		font: regular,
		color: ink,
	})
	const shownUrl = qrUrl.split('?')[0] ?? qrUrl
	page.drawText(shownUrl, { x: left, y: 64, size: 11, font: regular, color: ink })

	// About 0.7 mm a module for a ~250-character URL: comfortably read by phone cameras.
	const qrSize = 150
	drawQr(page, qrUrl, width - 60 - qrSize, 46, qrSize)
	return doc.save()
}
