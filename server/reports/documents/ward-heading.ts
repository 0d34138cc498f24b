import type { DocumentFormat, ReportDocument } from '#server/reports/documents/document-model.ts'

/*
 * A ward's default title block and signature in each layout. Party (REFERENCE, Hướng dẫn 36-HD/VPTW):
 * the Party organisation above ("ĐẢNG BỘ PHƯỜNG SÔNG CÔNG"), the issuing body "BAN THƯỜNG VỤ", symbol
 * "BC/ĐU", signed "T/M BAN THƯỜNG VỤ / BÍ THƯ". State (Nghị định 30/2020/NĐ-CP): "ỦY BAN NHÂN DÂN /
 * PHƯỜNG SÔNG CÔNG", symbol "BC-UBND", signed "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH".
 */

export interface WardHeading {
	name: string
	kind: 'ward' | 'commune'
	partyCommitteeName: string | null
}

export type DocumentHeading = Pick<ReportDocument, 'issuer' | 'symbol' | 'place'> & {
	authority: string
	title: string
}

/** "Phường Sông Công" → "Sông Công" (the place in the date line). */
export function placeName(ward: WardHeading): string {
	return ward.name.replace(/^(phường|xã|thị trấn)\s+/i, '').trim()
}

function unitWord(ward: WardHeading): string {
	return ward.kind === 'commune' ? 'xã' : 'phường'
}

export function partyIssuer(ward: WardHeading): DocumentHeading {
	return {
		issuer: {
			parent: ward.partyCommitteeName ?? `Đảng bộ ${unitWord(ward)} ${placeName(ward)}`,
			name: ['Ban Thường vụ'],
		},
		symbol: 'BC/ĐU',
		place: placeName(ward),
		authority: 'T/M Ban Thường vụ',
		title: 'Bí thư',
	}
}

export function stateIssuer(ward: WardHeading): DocumentHeading {
	return {
		issuer: { parent: null, name: ['Ủy ban nhân dân', `${unitWord(ward)} ${placeName(ward)}`] },
		symbol: 'BC-UBND',
		place: placeName(ward),
		authority: 'TM. Ủy ban nhân dân',
		title: 'Chủ tịch',
	}
}

export function issuerFor(format: DocumentFormat, ward: WardHeading): DocumentHeading {
	return format === 'party' ? partyIssuer(ward) : stateIssuer(ward)
}
