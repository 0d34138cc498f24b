// Ethnic groups living in Sông Công (Thái Nguyên) and the names their members plausibly carry. Most
// people's papers use "Văn"/"Thị" and Kinh given names; older people more often keep a given name from
// their own language or one of the twelve earthly branches (Tý, Sửu, Dần…), common in the northern
// uplands. Shares are demo assumptions for an industrial ward, not statistics.
import { weightedWords, words } from '#server/demo/vietnamese-names.ts'

export const minorityEthnicities = ['Sán Dìu', 'Tày', 'Nùng', 'Dao'] as const
export type MinorityEthnicity = (typeof minorityEthnicities)[number]
export type Ethnicity = 'Kinh' | MinorityEthnicity

/** Share of households by the head's ethnicity. */
export const householdEthnicities: readonly (readonly [Ethnicity, number])[] = [
	['Kinh', 90.5],
	['Sán Dìu', 4.2],
	['Tày', 2.6],
	['Nùng', 1.8],
	['Dao', 0.9],
]

export const ethnicFamilyNames: Record<MinorityEthnicity, readonly (readonly [string, number])[]> = {
	Tày: weightedWords(
		'Hoàng:20 Nông:18 Ma:10 Lương:10 Hà:8 Lục:6 Đàm:5 Vi:5 Lộc:4 Triệu:4 Bế:3 Hứa:3 Mạc:2 Dương:2',
	),
	Nùng: weightedWords('Hoàng:20 Nông:15 Lương:10 Lăng:8 Chu:6 Vy:6 Mông:5 Lý:5 Triệu:5 Sầm:4 Hứa:4 Lộc:4'),
	'Sán Dìu': weightedWords(
		'Diệp:15 Trương:12 Lý:10 Lưu:10 Tạ:8 Dương:8 Lam:8 Tiêu:6 Ninh:5 Trần:5 Phan:5 Đặng:4 Hoàng:4',
	),
	Dao: weightedWords('Triệu:30 Bàn:25 Đặng:20 Lý:10 Phùng:8 Chảo:5 Trương:2'),
}

const branches = 'Tý Sửu Dần Mão Thìn Tỵ Ngọ Mùi Thân Dậu Tuất Hợi'

/** Given names kept by part of the older generation (born before 1985). */
export const ethnicGivenNames: Record<MinorityEthnicity, Record<'male' | 'female', readonly string[]>> = {
	Tày: {
		male: words('Khìn Thào Dền Chắng Pảo Hỏi Nhất Sầm Quyết Chiến Pình Slằng'),
		female: words('Nhì Phấn Mây Chuyên Pằn Dừa Mùi Hon Thìn Nhạn Pản'),
	},
	Nùng: {
		male: words('Sình Páo Lìn Dìn Chẩn Sềnh Sáng Phìn Slay'),
		female: words('Mìn Pẻo Sáo Mải Lìn Dảo Chìu Nhất'),
	},
	'Sán Dìu': {
		male: words(`${branches} Dẩu Sằn Sinh Vần`),
		female: words(`${branches} Sinh Nhì Tư`),
	},
	Dao: {
		male: words('Dào Sài Phin Kiềm Quẩy Tòn Chòi Sinh Vảng Sếnh'),
		female: words('Mẩy Nái Phây Mụi Ván Kiều Dua Xuân'),
	},
}
