import { asc, eq, type SQL } from 'drizzle-orm'
import ExcelJS from 'exceljs'
import type { AppServices } from '#server/app-services.server.ts'
import { neutralizeFormula, toSafeCsvField } from '#server/people/import/formula-safety.ts'
import { residentListCondition, residentListOrder } from '#server/people/list-residents.server.ts'
import type { ResidentListQuery } from '#server/people/resident-filters.ts'
import { households, residents } from '#server/people/schema.ts'
import { decryptField, maskPersonalId, maskPhone } from '#server/security/personal-data.server.ts'
import { residentialGroups } from '#server/ward/schema.ts'

/** An export stops here; a larger one should be narrowed with the filters. */
export const EXPORT_ROW_LIMIT = 200_000

/** Where the caller may see identifiers in full: every group, some groups, or none. */
export type RevealScope = 'all' | string[]

export interface ResidentExport {
	rows: string[][]
	/** Whether any personal ID / phone is shown in full (the headers then say so). */
	revealedPersonalId: boolean
	revealedPhone: boolean
}

const sexVi = { male: 'Nam', female: 'Nữ' } as const
const statusVi = { active: 'Đang cư trú', movedAway: 'Đã chuyển đi', deceased: 'Đã mất' } as const

function formatDate(date: string | null, year: number): string {
	if (!date) return String(year)
	const [y, m, d] = date.split('-')
	return `${d}/${m}/${y}`
}

function canReveal(scope: RevealScope, groupId: string | null): boolean {
	return scope === 'all' || (groupId !== null && scope.includes(groupId))
}

/**
 * The filtered, scoped resident list as rows of text for a spreadsheet: identifiers decrypted only to be
 * masked, unless the caller may reveal them for the resident's group. Vietnamese headers.
 */
export async function collectResidentExport(
	services: AppServices,
	input: {
		wardId: string
		scope?: SQL
		query: ResidentListQuery
		revealPersonalId: RevealScope
		revealPhone: RevealScope
	},
): Promise<ResidentExport> {
	const { keyring } = services
	const found = await services.db
		.select({
			fullName: residents.fullName,
			sex: residents.sex,
			birthDate: residents.birthDate,
			birthYear: residents.birthYear,
			personalIdCipher: residents.personalIdCipher,
			phoneCipher: residents.phoneCipher,
			householdCode: households.code,
			relationToHead: residents.relationToHead,
			address: households.address,
			groupId: residents.residentialGroupId,
			groupName: residentialGroups.name,
			ethnicity: residents.ethnicity,
			occupation: residents.occupation,
			vneidLevel: residents.vneidLevel,
			status: residents.status,
		})
		.from(residents)
		.leftJoin(residentialGroups, eq(residentialGroups.id, residents.residentialGroupId))
		.leftJoin(households, eq(households.id, residents.householdId))
		.where(residentListCondition(services.db, input))
		.orderBy(...residentListOrder[input.query.sort], asc(residents.id))
		.limit(EXPORT_ROW_LIMIT)
	const revealedPersonalId = input.revealPersonalId === 'all' || input.revealPersonalId.length > 0
	const revealedPhone = input.revealPhone === 'all' || input.revealPhone.length > 0
	const header = [
		'STT',
		'Họ và tên',
		'Giới tính',
		'Ngày sinh',
		revealedPersonalId ? 'Số định danh cá nhân (đầy đủ)' : 'Số định danh cá nhân (đã che)',
		revealedPhone ? 'Số điện thoại (đầy đủ)' : 'Số điện thoại (đã che)',
		'Số hộ',
		'Quan hệ với chủ hộ',
		'Địa chỉ',
		'Tổ dân phố',
		'Dân tộc',
		'Nghề nghiệp',
		'Mức tài khoản VNeID',
		'Tình trạng',
	]
	const rows = found.map((r, i) => {
		const personalId = r.personalIdCipher ? decryptField(keyring, r.personalIdCipher) : ''
		const phone = r.phoneCipher ? decryptField(keyring, r.phoneCipher) : ''
		return [
			String(i + 1),
			r.fullName,
			sexVi[r.sex],
			formatDate(r.birthDate, r.birthYear),
			personalId && !canReveal(input.revealPersonalId, r.groupId) ? maskPersonalId(personalId) : personalId,
			phone && !canReveal(input.revealPhone, r.groupId) ? maskPhone(phone) : phone,
			r.householdCode ?? '',
			r.relationToHead ?? '',
			r.address ?? '',
			r.groupName ?? '',
			r.ethnicity,
			r.occupation ?? '',
			r.vneidLevel === 0 ? 'Chưa có' : `Mức ${r.vneidLevel}`,
			statusVi[r.status],
		]
	})
	return { rows: [header, ...rows], revealedPersonalId, revealedPhone }
}

/** CSV for Excel: UTF-8 with BOM, CRLF, every field guarded against formula injection. */
export function residentExportCsv(exported: ResidentExport): Buffer {
	const text = exported.rows.map((row) => row.map((cell) => toSafeCsvField(cell)).join(',')).join('\r\n')
	return Buffer.from(`\uFEFF${text}\r\n`, 'utf8')
}

/** .xlsx with one sheet; identifiers as text so Excel keeps their leading zeros; cells guarded. */
export async function residentExportXlsx(exported: ResidentExport): Promise<Buffer> {
	const workbook = new ExcelJS.Workbook()
	workbook.creator = 'hocvuso'
	const sheet = workbook.addWorksheet('Danh sách người dân', { views: [{ state: 'frozen', ySplit: 1 }] })
	const [header, ...rows] = exported.rows
	sheet.addRow(header!.map(neutralizeFormula)).font = { bold: true }
	for (const row of rows) sheet.addRow(row.map(neutralizeFormula))
	sheet.columns = header!.map((label, i) => ({
		width: i === 0 ? 6 : Math.max(12, Math.min(40, label.length + 2)),
	}))
	for (const column of [5, 6, 7]) sheet.getColumn(column).numFmt = '@'
	return Buffer.from(await workbook.xlsx.writeBuffer())
}
