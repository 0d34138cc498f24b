import type { ResidentImportField } from '#server/people/import/resident-import-fields.ts'

/** A column of the downloadable template, with what the instructions sheet says about it. */
export interface TemplateColumn {
	field: ResidentImportField
	header: string
	width: number
	required: 'yes' | 'no' | 'ifNoPersonalId'
	/** Stored as text so Excel keeps leading zeros and does not turn long numbers into 1,9E+11. */
	text?: boolean
	example: string | number | Date
	howVi: string
}

export const SEX_CHOICES = ['Nam', 'Nữ'] as const
export const VNEID_CHOICES = ['Chưa có', 'Mức 1', 'Mức 2'] as const

export const templateColumns: TemplateColumn[] = [
	{
		field: 'rowNumber',
		header: 'STT',
		width: 6,
		required: 'no',
		example: 1,
		howVi: 'Số thứ tự, không bắt buộc; không được dùng khi nhập.',
	},
	{
		field: 'fullName',
		header: 'Họ và tên',
		width: 26,
		required: 'yes',
		example: 'Nguyễn Văn An',
		howVi:
			'Họ và tên đầy đủ, có dấu. Viết hoa hay thường đều được: phần mềm tự viết hoa chữ cái đầu mỗi tiếng.',
	},
	{
		field: 'birthDate',
		header: 'Ngày sinh',
		width: 13,
		required: 'ifNoPersonalId',
		example: new Date(Date.UTC(1956, 2, 5)),
		howVi:
			'Ngày/tháng/năm, ví dụ 05/03/1956 (cũng nhận 5/3/56, 05-03-1956, 05.03.1956). Nếu chỉ biết năm sinh thì ghi năm, ví dụ 1956. Năm viết 2 chữ số được hiểu là năm gần nhất không ở tương lai. Không quá 120 tuổi.',
	},
	{
		field: 'sex',
		header: 'Giới tính',
		width: 10,
		required: 'ifNoPersonalId',
		example: 'Nam',
		howVi:
			'Chọn “Nam” hoặc “Nữ” trong danh sách. Cũng có thể dùng hai cột “Nam” và “Nữ” và đánh dấu x vào một cột.',
	},
	{
		field: 'personalId',
		header: 'Số định danh cá nhân',
		width: 20,
		required: 'no',
		text: true,
		example: '019056001234',
		howVi:
			'Số định danh cá nhân (số căn cước/CCCD) gồm đúng 12 chữ số. 3 số đầu là mã tỉnh nơi đăng ký khai sinh (ví dụ 019 Thái Nguyên); số thứ 4 cho biết thế kỷ sinh và giới tính (sinh 1900–1999: 0 là nam, 1 là nữ; sinh 2000–2099: 2 là nam, 3 là nữ); số thứ 5–6 là hai số cuối năm sinh. Phần mềm kiểm tra các số này khớp với giới tính và năm sinh ở cùng dòng. Không dùng số CMND cũ 9 chữ số. Cột để dạng Văn bản để không mất số 0 ở đầu.',
	},
	{
		field: 'phone',
		header: 'Số điện thoại',
		width: 14,
		required: 'no',
		text: true,
		example: '0912345678',
		howVi:
			'Số di động 10 chữ số bắt đầu bằng 03, 05, 07, 08, 09, hoặc số cố định 11 chữ số bắt đầu bằng 02. Có thể ghi +84 hoặc 84 ở đầu. Chỉ ghi một số.',
	},
	{
		field: 'householdCode',
		header: 'Số hộ',
		width: 10,
		required: 'no',
		text: true,
		example: 'H001',
		howVi:
			'Số hộ (mã hộ) như phường đang quản lý; mọi người cùng hộ ghi cùng một số. Nếu bỏ trống, người ghi sau chủ hộ được xếp vào hộ của chủ hộ đó.',
	},
	{
		field: 'relationToHead',
		header: 'Quan hệ với chủ hộ',
		width: 16,
		required: 'no',
		example: 'Chủ hộ',
		howVi: 'Ví dụ: Chủ hộ, Vợ, Chồng, Con, Cháu, Bố, Mẹ. Mỗi hộ có một người ghi “Chủ hộ”.',
	},
	{
		field: 'address',
		header: 'Địa chỉ',
		width: 28,
		required: 'no',
		example: 'Số 12, ngõ 5, đường Cách Mạng Tháng Tám',
		howVi: 'Số nhà, ngõ, đường (không cần ghi phường, tỉnh).',
	},
	{
		field: 'residentialGroup',
		header: 'Tổ dân phố',
		width: 14,
		required: 'no',
		example: 'Tổ dân phố số 5',
		howVi:
			'Tổ dân phố hoặc thôn, ví dụ “Tổ 5”, “TDP số 05”. Có thể bỏ cột này nếu mỗi tổ một trang và tên trang là tên tổ (ví dụ trang “Tổ 5”).',
	},
	{
		field: 'ethnicity',
		header: 'Dân tộc',
		width: 10,
		required: 'no',
		example: 'Kinh',
		howVi: 'Ví dụ: Kinh, Tày, Nùng, Dao, Sán Dìu. Bỏ trống được hiểu là Kinh.',
	},
	{
		field: 'occupation',
		header: 'Nghề nghiệp',
		width: 16,
		required: 'no',
		example: 'Hưu trí',
		howVi: 'Ghi ngắn gọn, ví dụ: Học sinh, Công nhân, Buôn bán, Hưu trí.',
	},
	{
		field: 'vneidLevel',
		header: 'Mức tài khoản VNeID',
		width: 18,
		required: 'no',
		example: 'Mức 2',
		howVi: 'Chọn “Chưa có”, “Mức 1” hoặc “Mức 2” (tài khoản định danh điện tử theo Nghị định 59/2022/NĐ-CP).',
	},
]

export const requiredLabelVi: Record<TemplateColumn['required'], string> = {
	yes: 'Bắt buộc',
	no: 'Không bắt buộc',
	ifNoPersonalId: 'Bắt buộc nếu không có số định danh',
}
