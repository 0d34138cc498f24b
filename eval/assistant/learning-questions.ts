/**
 * The learning assistant's evaluation set: questions learners ask, each with the lessons
 * (content/courses/<course>/<id>.md) that answer them.
 */
export const learningQuestions: { q: string; expect: string[] }[] = [
	{ q: 'VNeID mức 2 khác mức 1 thế nào?', expect: ['vneid-what-is'] },
	{ q: 'dang ky vneid muc 2 o dau', expect: ['vneid-level2-police', 'team-vneid-support'] },
	{
		q: 'có nên đọc mã OTP cho người gọi điện không',
		expect: ['vneid-passcode-otp', 'pay-pin-otp-limits', 'scam-impersonation'],
	},
	{ q: 'quét mã QR trả tiền thế nào', expect: ['pay-scan-qr', 'trader-shop-qr'] },
	{ q: 'chuyển nhầm tiền cho người khác phải làm sao', expect: ['pay-check-recipient'] },
	{ q: 'làm sao biết tin nhắn là lừa đảo', expect: ['scam-fake-links', 'scam-impersonation'] },
	{ q: 'bị lừa mất tiền thì báo ở đâu', expect: ['scam-report'] },
	{ q: 'AI có thể trả lời sai không', expect: ['ai-check-and-privacy', 'ai-what-is'] },
	{
		q: 'không nên gõ thông tin gì vào AI',
		expect: ['ai-check-and-privacy', 'work-ai-confidentiality', 'team-teach-ai'],
	},
	{ q: 'hỏi AI thế nào cho hiệu quả', expect: ['ai-ask-well'] },
	{ q: 'theo doi ho so da nop tren dich vu cong', expect: ['dvc-track-dossier'] },
	{ q: 'nộp hồ sơ trực tuyến từng bước', expect: ['dvc-submit-dossier'] },
	{ q: 'đặt mật khẩu mạnh như thế nào', expect: ['data-strong-passwords', 'student-online-safety'] },
	{ q: 'cuộc gọi video giả mạo người thân', expect: ['scam-deepfake-calls'] },
	{ q: 'đặt lịch khám bệnh trên điện thoại', expect: ['health-booking'] },
]
