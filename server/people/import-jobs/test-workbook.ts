import ExcelJS from 'exceljs'

const FAMILY = ['Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý']
const MIDDLE = ['Văn', 'Hữu', 'Đức', 'Minh', 'Quang', 'Thành', 'Công', 'Xuân', 'Ngọc', 'Gia']
const GIVEN = [
	'An',
	'Bình',
	'Cường',
	'Dũng',
	'Giang',
	'Hải',
	'Khánh',
	'Long',
	'Nam',
	'Phúc',
	'Quân',
	'Sơn',
	'Tâm',
	'Tuấn',
	'Việt',
	'Vinh',
	'Hưng',
	'Kiên',
	'Lộc',
	'Mạnh',
	'Nghĩa',
	'Phong',
	'Tài',
	'Thắng',
	'Toàn',
	'Trung',
	'Tú',
	'Hiếu',
	'Đạt',
	'Hào',
]

/** A small resident workbook as a ward keeps it: title rows, "Nam"/"Nữ" tick columns, a bad row. */
export async function buildSampleResidentWorkbook(
	options: { sheetName?: string; extraRows?: (string | number)[][]; rows?: number } = {},
): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook()
	const sheet = workbook.addWorksheet(options.sheetName ?? 'Tổ 1')
	sheet.addRow(['DANH SÁCH NHÂN KHẨU TỔ DÂN PHỐ SỐ 1'])
	sheet.addRow([])
	sheet.addRow([
		'STT',
		'Họ và tên',
		'Năm sinh',
		'Nam',
		'Nữ',
		'Số CCCD',
		'Số điện thoại',
		'Số hộ',
		'Quan hệ với chủ hộ',
	])
	const rows: (string | number)[][] = [
		[1, 'Nguyễn Văn Nhập', '12/03/1985', 'x', '', '001085012345', '0912345678', 'NHAP-001', 'Chủ hộ'],
		[2, 'Trần Thị Hòa', '05/11/1990', '', 'x', '001190123456', '', 'NHAP-001', 'Vợ'],
		[3, 'Nguyễn Văn Bé', '2015', 'x', '', '', '', 'NHAP-001', 'Con'],
		[4, 'Lê Văn Sai', '01/01/1980', 'x', '', '12345', '', 'NHAP-002', 'Chủ hộ'],
	]
	for (let i = 0; i < (options.rows ?? 0); i++) {
		const name = `${FAMILY[i % FAMILY.length]} ${MIDDLE[Math.floor(i / FAMILY.length) % MIDDLE.length]} ${GIVEN[Math.floor(i / (FAMILY.length * MIDDLE.length)) % GIVEN.length]}`
		rows.push([
			5 + i,
			name,
			1950 + (i % 50),
			'x',
			'',
			'',
			'',
			`NHAP-1${String(i).padStart(4, '0')}`,
			'Chủ hộ',
		])
	}
	for (const row of [...rows, ...(options.extraRows ?? [])]) sheet.addRow(row)
	return Buffer.from(await workbook.xlsx.writeBuffer())
}
