// Name data for demo residents of Kinh ethnicity in northern Vietnam. Family-name shares follow the
// commonly cited survey figures (Nguyễn ~38%, Trần ~11%, Lê ~9.5%, Phạm ~7%, …), with the northern forms
// Hoàng and Vũ far more common than the southern Huỳnh and Võ. Middle and given names change with the
// generation: "Văn" and "Thị" dominate among the elderly and fade among children.

/** Splits a space-separated list: compact to read and to keep up to date. */
export function words(list: string): readonly string[] {
	return list.split(' ')
}

/** "Văn:70 Đức:5" → [['Văn', 70], ['Đức', 5]]. */
export function weightedWords(list: string): readonly (readonly [string, number])[] {
	return list.split(' ').map((entry) => {
		const [word, weight] = entry.split(':')
		return [word ?? '', Number(weight)] as const
	})
}

export type Generation = 'elder' | 'middle' | 'young'

/** Born before 1975, 1975–1999, from 2000. */
export function generationOf(birthYear: number): Generation {
	return birthYear < 1975 ? 'elder' : birthYear < 2000 ? 'middle' : 'young'
}

export const kinhFamilyNames = weightedWords(
	[
		'Nguyễn:38 Trần:11 Lê:9.5 Phạm:7 Hoàng:4.8 Huỳnh:0.2 Phan:2.6 Vũ:3.7 Võ:0.3 Đặng:2.1',
		'Bùi:2 Đỗ:1.8 Hồ:0.6 Ngô:1.3 Dương:1.2 Lý:0.5 Đào:0.9 Đinh:0.8 Trịnh:0.7 Hà:0.7 Đoàn:0.6',
		'Lương:0.5 Mai:0.4 Cao:0.4 Trương:0.4 Tạ:0.3 Lưu:0.3 Tô:0.3 Phùng:0.3 Chu:0.3 Kiều:0.2',
		'Vương:0.2 Lâm:0.2 Triệu:0.2 Thân:0.15 Nghiêm:0.15 Khổng:0.1 Quách:0.1 La:0.1',
	].join(' '),
)

export const kinhMiddleNames: Record<
	'male' | 'female',
	Record<Generation, readonly (readonly [string, number])[]>
> = {
	male: {
		elder: weightedWords(
			'Văn:70 Đức:5 Xuân:4 Quang:4 Hữu:4 Đình:4 Công:3 Ngọc:3 Minh:3 Thế:2 Trọng:2 Mạnh:1',
		),
		middle: weightedWords(
			'Văn:40 Đức:8 Minh:8 Quang:6 Hữu:4 Công:4 Đình:4 Thanh:4 Ngọc:3 Xuân:3 Mạnh:3 Tuấn:3 Trung:3 Hoàng:3 Duy:3 Anh:2',
		),
		young: weightedWords(
			'Văn:12 Minh:14 Đức:10 Gia:8 Bảo:7 Quang:6 Hoàng:6 Anh:5 Duy:5 Đăng:4 Tuấn:4 Thành:4 Trung:3 Hải:3 Khánh:3 Nhật:3 Hữu:2 Phúc:2',
		),
	},
	female: {
		elder: weightedWords('Thị:85 Ngọc:3 Thu:3 Thanh:3 Kim:2 Hồng:2 Minh:1 Bích:1'),
		middle: weightedWords(
			'Thị:55 Thu:6 Thanh:6 Ngọc:5 Minh:4 Phương:4 Thùy:4 Hồng:3 Kim:2 Lan:2 Hải:2 Bích:2 Mai:2 Khánh:2 Diệu:1',
		),
		young: weightedWords(
			'Thị:15 Ngọc:10 Minh:8 Bảo:7 Khánh:7 Phương:6 Thu:5 Thanh:5 Hà:4 Thùy:4 Gia:4 Diệu:3 Hải:3 Quỳnh:3 Mai:3 An:2 Tuệ:2 Yến:2',
		),
	},
}

export const kinhGivenNames: Record<'male' | 'female', Record<Generation, readonly string[]>> = {
	male: {
		elder: words(
			'Hùng Dũng Thắng Hải Bình Tuấn Cường Sơn Minh Long Nam Hòa Thành Trung Quang Tâm Hưng Lợi Toàn Chiến Tiến Đức Kiên Phong Thanh Vinh Tùng Việt Lâm Thịnh Khánh Tư Hồng Lực Thuận Quý Hậu Phú Tín Nghĩa Lộc Đông Thủy Thơ Kỳ Định',
		),
		middle: words(
			'Tuấn Hùng Dũng Hải Anh Minh Nam Sơn Long Thắng Cường Hiếu Huy Quân Tùng Trung Hoàng Đức Đạt Phong Việt Thành Toàn Hưng Tiến Kiên Khánh Linh Vũ Quang Lâm Thịnh Mạnh Duy Hòa Tú Trường Tài Công Thái Chung Bình',
		),
		young: words(
			'Minh Khang Bảo Phúc An Khôi Nam Huy Đăng Lâm Hoàng Kiên Quân Duy Long Anh Hiếu Đạt Tùng Khánh Hưng Việt Thịnh Tuấn Sơn Trí Nguyên Vinh Phong Hải Tâm Quang Thành Đức Nhật Kiệt Dũng Lộc',
		),
	},
	female: {
		elder: words(
			'Lan Hoa Hương Hồng Mai Nga Hạnh Thủy Hà Loan Liên Yến Nhung Tuyết Xuân Thu Hằng Phượng Oanh Vân Dung Huệ Sen Cúc Đào Nhàn Tâm Bình Lý Thoa Hiền Tươi Nhài Mận Quế Chinh Thơm Ngân Hậu Gái',
		),
		middle: words(
			'Trang Hương Linh Huyền Thảo Ngọc Phương Hà Nhung Hằng Thúy Hiền Dung Giang Anh Yến Vân Nga Quỳnh Mai Loan Thu Lan Hạnh Tuyết Duyên Hoa Nhàn Oanh Thủy Liên Diệp Hồng Ly Nguyệt Tâm Chi Hường',
		),
		young: words(
			'Anh Linh Ngọc Trang Vy Hân Nhi My Chi An Thư Hà Diệp Hương Ngân Thảo Yến Uyên Trâm Châu Hiền Mai Phương Quỳnh Giang Nhung Ly Hằng Khuê Hoa Như Lam Tâm Diệu',
		),
	},
}
