// Places and units of the demo ward. Sông Công ward (Thái Nguyên), formed in 2025 from part of the former
// Sông Công city, is the demo; nothing outside server/demo depends on these values. Enterprises and
// cooperatives are invented: any likeness to a real firm's name is chance.
import type { Ethnicity } from '#server/demo/ethnic-names.ts'
import { weightedWords, words } from '#server/demo/vietnamese-names.ts'

export const demoWardProfile = {
	// No national code for the 2025 ward was published where we looked; a ward enters its own.
	code: 'SONG-CONG',
	name: 'Phường Sông Công',
	/** As written inside a sentence or an address. */
	shortName: 'phường Sông Công',
	kind: 'ward',
	provinceName: 'Tỉnh Thái Nguyên',
	provinceIdCode: '019',
	partyCommitteeName: 'Đảng bộ phường Sông Công',
} as const

/** Counted to this day: the start of the plan's year. */
export const DEMO_REFERENCE_DATE = '2026-01-01'
/** The school year running on the reference date starts in September of this year. */
export const DEMO_SCHOOL_YEAR_START = 2025

export const streetNames = [
	'Đường Cách Mạng Tháng Mười',
	'Đường Thắng Lợi',
	'Đường Thống Nhất',
	'Đường Chiến Thắng',
	'Đường Độc Lập',
	'Đường Lê Hồng Phong',
	'Đường Nguyễn Trãi',
	'Đường Trần Phú',
	'Đường Lý Thường Kiệt',
	'Đường Hoàng Văn Thụ',
	'Đường Võ Thị Sáu',
	'Đường Nguyễn Huệ',
	'Đường Mỏ Chè',
	'Đường Phố Cò',
] as const

/** Place names given to schools, in order; a large demo ward numbers them when it runs out. */
export const schoolPlaceNames = words(
	'Sông_Công Thắng_Lợi Cải_Đan Mỏ_Chè Phố_Cò Lương_Châu Châu_Sơn Tân_Quang Bách_Quang Bá_Xuyên Khuynh_Thạch Vinh_Sơn',
).map((name) => name.replaceAll('_', ' '))

export const schoolLevels = [
	{ level: 'preschool', prefix: 'Trường Mầm non', shortPrefix: 'MN', capacity: 350, pupilsPerTeacher: 12 },
	{ level: 'primary', prefix: 'Trường Tiểu học', shortPrefix: 'TH', capacity: 900, pupilsPerTeacher: 20 },
	{
		level: 'lowerSecondary',
		prefix: 'Trường THCS',
		shortPrefix: 'THCS',
		capacity: 900,
		pupilsPerTeacher: 18,
	},
	{
		level: 'upperSecondary',
		prefix: 'Trường THPT',
		shortPrefix: 'THPT',
		capacity: 1200,
		pupilsPerTeacher: 18,
	},
] as const
export type SchoolLevel = (typeof schoolLevels)[number]['level']

export const enterpriseSectors = [
	{ sector: 'Linh kiện điện tử', position: 'Công nhân lắp ráp linh kiện', weight: 5 },
	{ sector: 'Cơ khí chính xác', position: 'Công nhân cơ khí', weight: 4 },
	{ sector: 'May mặc', position: 'Công nhân may', weight: 4 },
	{ sector: 'Phụ tùng ô tô, xe máy', position: 'Công nhân sản xuất', weight: 3 },
	{ sector: 'Vật liệu xây dựng', position: 'Công nhân vận hành máy', weight: 2 },
	{ sector: 'Thép cán', position: 'Công nhân luyện cán', weight: 1 },
	{ sector: 'Bao bì', position: 'Công nhân in, đóng gói', weight: 2 },
	{ sector: 'Chế biến chè và thực phẩm', position: 'Công nhân chế biến', weight: 2 },
	{ sector: 'Đồ gỗ nội thất', position: 'Thợ mộc', weight: 1 },
	{ sector: 'Nhựa kỹ thuật', position: 'Công nhân ép nhựa', weight: 1 },
	{ sector: 'Dịch vụ vận tải và kho vận', position: 'Nhân viên kho vận', weight: 1 },
] as const

export const enterpriseBrands = words(
	'Ánh_Dương Hoàng_Sơn Lam_Giang Núi_Hồng Trường_Thịnh Minh_Khang Bình_Minh Đất_Việt Thiên_Phúc An_Khang Phúc_Lộc Tân_Hòa Hưng_Thịnh Việt_Tiến Sao_Bắc Hồng_Lĩnh Kim_Sơn Đông_Á Thành_Công Hòa_Bình Tam_Đảo Vạn_Xuân Phương_Bắc Nam_Tiến',
).map((name) => name.replaceAll('_', ' '))

export const industrialParks = ['Khu công nghiệp Sông Công I', 'Khu công nghiệp Sông Công II'] as const

export const cooperativeNames = [
	'Hợp tác xã Chè an toàn Tân Quang',
	'Hợp tác xã Dịch vụ nông nghiệp Sông Công',
	'Hợp tác xã Rau an toàn Cải Đan',
	'Hợp tác xã Vận tải Sông Công',
	'Hợp tác xã Mây tre đan Lương Châu',
	'Hợp tác xã Nấm sạch Phố Cò',
] as const

/**
 * Provinces where people who moved to Sông Công were born (three-digit codes of the personal ID). The
 * town grew with its industries from the 1970s, drawing people from the Red River delta and nearby
 * uplands; today's industrial parks draw young workers from across the north.
 */
export const migrantBirthProvinces = weightedWords(
	'024:8 001:6 036:6 034:6 038:7 040:6 025:5 008:5 006:4 026:4 030:4 027:3 035:3 033:3 020:3 004:3 002:2 015:2 010:2 037:2 022:2 031:2 014:1 079:1',
)

export const ethnicBirthProvinces: Record<
	Exclude<Ethnicity, 'Kinh'>,
	readonly (readonly [string, number])[]
> = {
	Tày: weightedWords('006:5 004:4 020:3 008:3 002:2'),
	Nùng: weightedWords('020:5 004:4 006:3 002:2'),
	'Sán Dìu': weightedWords('024:5 026:3 022:1'),
	Dao: weightedWords('008:4 006:3 015:2 002:2'),
}

/** Mobile prefixes by network (Viettel, VinaPhone, MobiFone, Vietnamobile, Gmobile), weighted by share. */
export const mobilePrefixes = weightedWords(
	'086:4 096:6 097:6 098:6 032:3 033:3 034:3 035:3 036:3 037:3 038:3 039:3 081:2 082:2 083:2 084:2 085:2 088:2 091:4 094:4 089:1 090:3 093:3 070:1 076:1 077:1 078:1 079:1 052:0.5 056:0.5 058:0.5 092:0.5 059:0.3 099:0.3',
)
