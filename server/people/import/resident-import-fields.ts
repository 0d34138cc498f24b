import { foldVietnamese } from '#server/people/search-name.ts'

/**
 * The columns a resident list can have, with the wordings wards use for them. Aliases are written as
 * people write them; matching folds case, diacritics and punctuation ("Họ, tên" = "ho ten").
 */
export const residentImportFields = [
	'rowNumber',
	'fullName',
	'birthDate',
	'sex',
	'sexMale',
	'sexFemale',
	'personalId',
	'phone',
	'householdCode',
	'householdHead',
	'relationToHead',
	'address',
	'residentialGroup',
	'ethnicity',
	'occupation',
	'vneidLevel',
] as const

export type ResidentImportField = (typeof residentImportFields)[number]

export interface ResidentImportFieldInfo {
	labelVi: string
	labelEn: string
	/** Wordings seen in ward sheets; the first is the template's header. */
	aliases: readonly string[]
}

export const residentImportFieldInfo: Record<ResidentImportField, ResidentImportFieldInfo> = {
	rowNumber: { labelVi: 'STT', labelEn: 'No.', aliases: ['STT', 'TT', 'Số TT', 'Số thứ tự'] },
	fullName: {
		labelVi: 'Họ và tên',
		labelEn: 'Full name',
		aliases: [
			'Họ và tên',
			'Họ tên',
			'Họ, tên',
			'Họ và tên nhân khẩu',
			'Họ tên nhân khẩu',
			'Họ và tên công dân',
			'Tên',
		],
	},
	birthDate: {
		labelVi: 'Ngày sinh',
		labelEn: 'Date of birth',
		aliases: [
			'Ngày sinh',
			'Ngày, tháng, năm sinh',
			'Ngày tháng năm sinh',
			'Năm sinh',
			'Sinh ngày',
			'NS',
			'Ngày/tháng/năm sinh',
		],
	},
	sex: { labelVi: 'Giới tính', labelEn: 'Sex', aliases: ['Giới tính', 'GT', 'Giới', 'Phái'] },
	sexMale: { labelVi: 'Nam', labelEn: 'Male', aliases: ['Nam'] },
	sexFemale: { labelVi: 'Nữ', labelEn: 'Female', aliases: ['Nữ'] },
	personalId: {
		labelVi: 'Số định danh cá nhân',
		labelEn: 'Personal ID number',
		aliases: [
			'Số định danh cá nhân',
			'Số định danh',
			'Mã định danh',
			'Số CCCD',
			'CCCD',
			'Số ĐDCN',
			'ĐDCN',
			'CMND/CCCD',
			'CCCD/CMND',
			'Số CMND/CCCD',
			'Số CCCD/CMND',
			'Số căn cước',
			'Căn cước công dân',
			'Số căn cước công dân',
			'Số CMND',
			'CMND',
		],
	},
	phone: {
		labelVi: 'Số điện thoại',
		labelEn: 'Phone number',
		aliases: ['Số điện thoại', 'SĐT', 'Điện thoại', 'ĐT', 'Số ĐT', 'Điện thoại liên hệ', 'Di động'],
	},
	householdCode: {
		labelVi: 'Số hộ',
		labelEn: 'Household number',
		aliases: [
			'Số hộ',
			'Mã hộ',
			'Sổ hộ khẩu',
			'Số sổ hộ khẩu',
			'Số hộ khẩu',
			'Mã hộ gia đình',
			'Hộ số',
			'Mã số hộ',
		],
	},
	householdHead: {
		labelVi: 'Chủ hộ',
		labelEn: 'Head of household',
		aliases: ['Chủ hộ', 'Họ tên chủ hộ', 'Họ và tên chủ hộ', 'Tên chủ hộ', 'Là chủ hộ'],
	},
	relationToHead: {
		labelVi: 'Quan hệ với chủ hộ',
		labelEn: 'Relation to head of household',
		aliases: ['Quan hệ với chủ hộ', 'QH với chủ hộ', 'Quan hệ chủ hộ', 'QH với CH', 'Quan hệ', 'QHCH'],
	},
	address: {
		labelVi: 'Địa chỉ',
		labelEn: 'Address',
		aliases: [
			'Địa chỉ',
			'Nơi ở hiện nay',
			'Nơi ở hiện tại',
			'Chỗ ở hiện nay',
			'Nơi ở',
			'Địa chỉ thường trú',
			'Nơi thường trú',
			'Thường trú',
		],
	},
	residentialGroup: {
		labelVi: 'Tổ dân phố',
		labelEn: 'Residential group',
		aliases: ['Tổ dân phố', 'TDP', 'Thôn', 'Tổ', 'Xóm', 'Thôn/Tổ', 'Tổ/Thôn', 'Thôn, tổ dân phố', 'Thôn/TDP'],
	},
	ethnicity: { labelVi: 'Dân tộc', labelEn: 'Ethnicity', aliases: ['Dân tộc'] },
	occupation: {
		labelVi: 'Nghề nghiệp',
		labelEn: 'Occupation',
		aliases: ['Nghề nghiệp', 'Nghề', 'Công việc', 'Nghề nghiệp, nơi làm việc', 'Việc làm'],
	},
	vneidLevel: {
		labelVi: 'Mức tài khoản VNeID',
		labelEn: 'VNeID account level',
		aliases: [
			'Mức tài khoản VNeID',
			'Mức VNeID',
			'VNeID',
			'Tài khoản VNeID',
			'Định danh điện tử',
			'Tài khoản định danh điện tử',
		],
	},
}

/** Folds a header for matching: foldVietnamese (no case, no diacritics, đ → d), punctuation as spaces. */
export function foldHeaderText(text: string): string {
	return foldVietnamese(text)
		.replace(/[^a-z0-9]+/g, ' ')
		.trim()
}
