import ExcelJS from 'exceljs'
import {
	requiredLabelVi,
	SEX_CHOICES,
	templateColumns,
	VNEID_CHOICES,
} from '#server/people/import/template-columns.ts'

export const TEMPLATE_SHEET_NAME = 'Danh sách nhân khẩu'
export const INSTRUCTIONS_SHEET_NAME = 'Hướng dẫn'
/** Rows of the list sheet that carry the drop-down lists and text formats. */
const PREPARED_ROWS = 2000

const generalNotesVi = [
	'Mỗi dòng là một người. Dòng 1 là tiêu đề cột, giữ nguyên; dòng 2 là ví dụ, hãy xóa hoặc ghi đè.',
	'Có thể thêm các dòng tiêu đề phía trên (ví dụ “DANH SÁCH NHÂN KHẨU TỔ DÂN PHỐ SỐ 5”), đổi thứ tự cột, hoặc dùng tên cột quen dùng ở phường (ví dụ “Họ tên”, “Năm sinh”, “Số CCCD”, “SĐT”): phần mềm tự nhận cột và cho sửa lại trước khi nhập.',
	'Có thể để mỗi tổ dân phố một trang trong cùng một tệp; đặt tên trang là tên tổ (ví dụ “Tổ 5”).',
	'Ngày sinh: ghi theo thứ tự ngày/tháng/năm (05/03/1956), hoặc chỉ năm sinh (1956). Không ghi tháng trước ngày.',
	'Số định danh cá nhân và số điện thoại: để cột dạng Văn bản (Text) để Excel không bỏ số 0 ở đầu hay đổi thành dạng 1,9E+11.',
	'Không đặt mật khẩu cho tệp, không dùng công thức cho các ô dữ liệu. Lưu dạng “Excel Workbook (.xlsx)” hoặc “CSV UTF-8”.',
	'Trước khi nhập, phần mềm cho xem trước: số người mới, số người thay đổi, số người không đổi và các dòng lỗi kèm lý do. Chưa nhập gì cho đến khi bấm xác nhận; nhập lại cùng một tệp không tạo bản ghi trùng.',
	'Số định danh và số điện thoại được mã hóa khi lưu và chỉ hiện một phần trên màn hình (Nghị định 13/2023/NĐ-CP về bảo vệ dữ liệu cá nhân).',
]

function addInstructions(workbook: ExcelJS.Workbook): void {
	const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET_NAME)
	sheet.columns = [{ width: 24 }, { width: 34 }, { width: 100 }]
	sheet.addRow(['HƯỚNG DẪN ĐIỀN DANH SÁCH NHÂN KHẨU']).font = { bold: true, size: 14 }
	sheet.addRow([])
	for (const note of generalNotesVi) {
		const row = sheet.addRow(['•', note])
		row.alignment = { wrapText: true, vertical: 'top' }
		sheet.mergeCells(row.number, 2, row.number, 3)
	}
	sheet.addRow([])
	const header = sheet.addRow(['Cột', 'Bắt buộc', 'Cách ghi'])
	header.font = { bold: true }
	for (const column of templateColumns) {
		const row = sheet.addRow([column.header, requiredLabelVi[column.required], column.howVi])
		row.alignment = { wrapText: true, vertical: 'top' }
	}
}

function addList(workbook: ExcelJS.Workbook): void {
	const sheet = workbook.addWorksheet(TEMPLATE_SHEET_NAME, { views: [{ state: 'frozen', ySplit: 1 }] })
	sheet.columns = templateColumns.map((c) => ({
		header: c.header,
		width: c.width,
		style: c.text ? { numFmt: '@' } : {},
	}))
	sheet.getRow(1).font = { bold: true }
	sheet.getRow(1).alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' }
	const example = sheet.addRow(templateColumns.map((c) => c.example))
	templateColumns.forEach((column, index) => {
		const letter = sheet.getColumn(index + 1).letter
		if (column.field === 'birthDate') example.getCell(index + 1).numFmt = 'dd/mm/yyyy'
		const list =
			column.field === 'sex' ? SEX_CHOICES : column.field === 'vneidLevel' ? VNEID_CHOICES : undefined
		if (!list) return
		for (let r = 2; r <= PREPARED_ROWS; r++) {
			sheet.getCell(`${letter}${r}`).dataValidation = {
				type: 'list',
				allowBlank: true,
				formulae: [`"${list.join(',')}"`],
				showErrorMessage: true,
				errorTitle: 'Giá trị không hợp lệ',
				error: `Chọn một trong: ${list.join(', ')}`,
			}
		}
	})
}

/** The downloadable .xlsx template: the list sheet with one example row, then the instructions sheet. */
export async function buildImportTemplate(): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook()
	workbook.creator = 'hocvuso'
	addList(workbook)
	addInstructions(workbook)
	return Buffer.from(await workbook.xlsx.writeBuffer())
}
