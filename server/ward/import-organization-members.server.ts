import { and, eq, inArray } from 'drizzle-orm'
import type { AppServices } from '#server/app-services.server.ts'
import { type AuditActor, recordAudit } from '#server/audit/record-audit.server.ts'
import { detectHeader } from '#server/people/import/detect-header.ts'
import { ImportFileError } from '#server/people/import/import-file-error.ts'
import { parseBirthDate } from '#server/people/import/parse-birth-date.ts'
import { parsePersonalIdCell } from '#server/people/import/parse-personal-id-cell.ts'
import { readImportFile } from '#server/people/import/read-import-file.server.ts'
import { cellText } from '#server/people/import/sheet-types.ts'
import { residents } from '#server/people/schema.ts'
import { foldVietnamese } from '#server/people/search-name.ts'
import { lookupHash } from '#server/security/personal-data.server.ts'
import { type MembershipKind, organizationMemberships } from '#server/ward/schema.ts'

export interface UnmatchedMemberRow {
	sheetName: string
	rowNumber: number
	fullName: string
	/** Vietnamese: why no resident was matched. Nobody is created. */
	reason: string
}

export interface MemberImportResult {
	added: number
	alreadyMembers: number
	unmatched: UnmatchedMemberRow[]
}

/**
 * Adds the people of a sheet (name + personal ID, or name + date of birth) as current members of an
 * organisation, matching residents of the ward: by the personal ID's keyed hash, else by folded name and birth
 * date (or year when only the year is known) when exactly one resident fits. Unknown or ambiguous people are
 * reported, never created. One transaction; `dryRun` only reports.
 */
export async function importOrganizationMembers(
	services: AppServices,
	input: {
		wardId: string
		organizationId: string
		bytes: Buffer
		fileName: string
		kind: MembershipKind
		startedOn: string
		actor: AuditActor
		dryRun?: boolean
	},
): Promise<MemberImportResult> {
	const workbook = await readImportFile(input.bytes, { fileName: input.fileName })
	const wanted: { residentId: string }[] = []
	const unmatched: UnmatchedMemberRow[] = []
	const byName = new Map<string, { id: string; birthDate: string | null; birthYear: number }[]>()
	const rows: {
		sheetName: string
		rowNumber: number
		fullName: string
		hash?: string
		birthDate?: string
		birthYear?: number
	}[] = []
	let sheetsWithNames = 0
	for (const sheet of workbook.sheets) {
		const { mapping } = detectHeader(sheet)
		const nameColumn = mapping.columns.fullName
		if (nameColumn === undefined) continue
		sheetsWithNames++
		for (const row of sheet.rows) {
			if (row.number < mapping.firstDataRowNumber) continue
			const fullName = cellText(row.cells[nameColumn]).replace(/\s+/g, ' ').trim()
			if (!fullName) continue
			const idColumn = mapping.columns.personalId
			const id = idColumn === undefined ? undefined : parsePersonalIdCell(row.cells[idColumn] ?? null, {})
			const birthColumn = mapping.columns.birthDate
			const birth = birthColumn === undefined ? undefined : parseBirthDate(row.cells[birthColumn] ?? null)
			rows.push({
				sheetName: sheet.name,
				rowNumber: row.number,
				fullName,
				hash:
					id?.ok && id.value ? lookupHash(services.keyring, 'personalId', id.value.personalId) : undefined,
				birthDate: birth?.ok ? birth.value.birthDate : undefined,
				birthYear: birth?.ok ? birth.value.birthYear : undefined,
			})
		}
	}
	if (sheetsWithNames === 0)
		throw new ImportFileError('noNameColumn', {
			messageVi:
				'Không tìm thấy cột “Họ và tên” trong tệp. Hãy kiểm tra dòng tiêu đề của danh sách (ví dụ: STT, Họ và tên, Ngày sinh, Số định danh).',
			messageEn:
				'No “Họ và tên” (full name) column was found in the file. Check the list’s header row (e.g. STT, Họ và tên, Ngày sinh, Số định danh).',
		})
	const hashes = rows.flatMap((r) => (r.hash ? [r.hash] : []))
	const byHash = new Map<string, string>()
	for (let i = 0; i < hashes.length; i += 1000) {
		const found = await services.db
			.select({ id: residents.id, hash: residents.personalIdHash })
			.from(residents)
			.where(
				and(eq(residents.wardId, input.wardId), inArray(residents.personalIdHash, hashes.slice(i, i + 1000))),
			)
		for (const f of found) byHash.set(f.hash as string, f.id)
	}
	const names = [
		...new Set(rows.filter((r) => !r.hash || !byHash.has(r.hash)).map((r) => foldVietnamese(r.fullName))),
	]
	for (let i = 0; i < names.length; i += 1000) {
		const found = await services.db
			.select({
				id: residents.id,
				name: residents.searchName,
				birthDate: residents.birthDate,
				birthYear: residents.birthYear,
			})
			.from(residents)
			.where(and(eq(residents.wardId, input.wardId), inArray(residents.searchName, names.slice(i, i + 1000))))
		for (const f of found) byName.set(f.name, [...(byName.get(f.name) ?? []), f])
	}
	for (const r of rows) {
		const viaId = r.hash ? byHash.get(r.hash) : undefined
		if (viaId) {
			wanted.push({ residentId: viaId })
			continue
		}
		if (r.birthYear === undefined) {
			unmatched.push({
				...r,
				reason: r.hash
					? 'Không có người dân nào mang số định danh này trong sổ của phường'
					: 'Thiếu số định danh hoặc ngày sinh để đối chiếu',
			})
			continue
		}
		const fits = (byName.get(foldVietnamese(r.fullName)) ?? []).filter((c) =>
			r.birthDate ? c.birthDate === r.birthDate : c.birthYear === r.birthYear,
		)
		if (fits.length === 1) wanted.push({ residentId: fits[0]!.id })
		else
			unmatched.push({
				...r,
				reason:
					fits.length === 0
						? 'Không tìm thấy người dân cùng họ tên và ngày sinh trong sổ của phường'
						: 'Có nhiều người dân cùng họ tên và ngày sinh; hãy ghi số định danh',
			})
	}
	const unique = [...new Set(wanted.map((w) => w.residentId))]
	if (input.dryRun) return { added: unique.length, alreadyMembers: 0, unmatched }
	return services.db.transaction(async (tx) => {
		let added = 0
		for (let i = 0; i < unique.length; i += 1000) {
			const inserted = await tx
				.insert(organizationMemberships)
				.values(
					unique.slice(i, i + 1000).map((residentId) => ({
						organizationId: input.organizationId,
						residentId,
						kind: input.kind,
						startedOn: input.startedOn,
					})),
				)
				.onConflictDoNothing()
				.returning({ id: organizationMemberships.id })
			added += inserted.length
		}
		const result = { added, alreadyMembers: unique.length - added, unmatched }
		await recordAudit(tx, {
			actor: input.actor,
			action: 'organization.membersImported',
			entityType: 'organization',
			entityId: input.organizationId,
			details: { added, alreadyMembers: result.alreadyMembers, unmatched: unmatched.length },
		})
		return result
	})
}
