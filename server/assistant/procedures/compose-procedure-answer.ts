import type { AnswerFocus, ProcedureCard } from '#server/assistant/answer-types.ts'
import { foldForSearch } from '#server/assistant/search/search-text.ts'
import type {
	ProcedureChannel,
	ProcedureDocument,
	ProcedureFields,
} from '#server/procedures/procedure-fields.ts'

const MAX_DOCUMENTS = 10
const MAX_STEPS = 6
const MAX_STEP_LENGTH = 400

/** What the question asks about first, from its words ("bao nhiêu tiền" → fee). */
export function detectFocus(question: string): AnswerFocus[] {
	const q = ` ${foldForSearch(question)} `
	const focus: AnswerFocus[] = []
	if (/ (le phi|phi|bao nhieu tien|mat tien|ton tien|het bao nhieu|tien) /.test(q)) focus.push('fee')
	if (/ (bao lau|thoi han|may ngay|bao nhieu ngay|khi nao co|mat bao lau) /.test(q)) focus.push('time')
	if (/ (giay to|ho so gom|can mang|mang theo|can nhung gi|thanh phan|can gi) /.test(q))
		focus.push('documents')
	if (/ (o dau|noi nop|nop o|co quan nao|den dau lam) /.test(q)) focus.push('place')
	if (/ (truc tuyen|online|qua mang|tren mang|dich vu cong|nop mang) /.test(q)) focus.push('online')
	if (isTrackingQuestion(question)) focus.push('tracking')
	return focus
}

/** "Hồ sơ của tôi đến đâu rồi", "tra cứu hồ sơ", "mã hồ sơ": how to follow a dossier. */
export function isTrackingQuestion(question: string): boolean {
	const q = ` ${foldForSearch(question)} `
	return / (tra cuu|theo doi|kiem tra|xem) (tinh trang |tien do )?ho so | ho so (cua toi |cua minh |minh |toi )?(den dau|da xong|xong chua|the nao roi|dang o dau)| ma ho so | tien do ho so | tinh trang ho so /.test(
		q,
	)
}

/** A paper, or a note the source put in the papers table ("Trường hợp…", "Lưu ý…", zero copies). */
function isNote(document: ProcedureDocument): boolean {
	const noCopies = !document.quantity || /^0 bản chính$/.test(document.quantity)
	return (
		noCopies &&
		(document.name.length > 160 ||
			/^(?:[-+*]\s*)?(?:Trường hợp|Lưu ý|Đối với|Nếu|Người|Cơ quan)/i.test(document.name))
	)
}

function isConditional(document: ProcedureDocument): boolean {
	return /^(?:[-+*]\s*)*(?:Trường hợp|Nếu|Đối với)/i.test(document.name)
}

/** "- Giấy chứng sinh" → "Giấy chứng sinh": the source's own list marks, which the answer adds itself. */
export function withoutBullet(text: string): string {
	return text.replace(/^(?:[-+*•]+\s*)+/, '').trim()
}

/** Time limits and fees, grouped by the channels that share them. */
function termsOf(channels: ProcedureChannel[]): ProcedureCard['terms'] {
	const groups = new Map<string, ProcedureCard['terms'][number]>()
	for (const c of channels) {
		const key = JSON.stringify([c.timeLimit, c.fee, c.feeNote])
		const group = groups.get(key)
		if (group) {
			if (!group.channels.includes(c.channel)) group.channels.push(c.channel)
		} else
			groups.set(key, {
				channels: [c.channel],
				timeLimit: c.timeLimit,
				fee: c.fee,
				feeNote: c.feeNote,
				feeUnclear: feeLooksUnclear(c.fee),
			})
	}
	return [...groups.values()]
}

/** "135 VNĐ" where the note says 135.000 đồng: the portal lost the thousands; say so rather than repeat it. */
export function feeLooksUnclear(fee: string | null): boolean {
	const amount = fee && /^([\d.,]+)\s*(?:VNĐ|Việt Nam Đồng)$/.exec(fee)
	if (!amount?.[1]) return false
	return Number(amount[1].replace(/[.,]/g, '')) < 1000
}

function clip(text: string, max: number): string {
	return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`
}

/** The structured answer for one procedure, quoting only its record (and the tracking lesson). */
export function composeProcedureCard(input: {
	code: string
	fields: ProcedureFields
	handledAtWard: boolean
	localNote: string
	sourceUrl: string
	question: string
	tracking: ProcedureCard['tracking']
}): ProcedureCard {
	const { fields } = input
	// Papers everyone brings first, then those for particular cases ("Trường hợp…"), as the source lists them.
	const papers = fields.documents.filter((d) => !isNote(d))
	const ordered = [...papers.filter((d) => !isConditional(d)), ...papers.filter(isConditional)]
	const shownPapers = ordered.slice(0, MAX_DOCUMENTS)
	return {
		code: input.code,
		name: fields.name,
		field: fields.field,
		levels: fields.levels,
		handledAtWard: input.handledAtWard,
		applicants: fields.applicants,
		documents: shownPapers.map((d) => ({
			name: withoutBullet(d.name),
			quantity: d.quantity,
			group: d.group,
		})),
		moreDocuments: fields.documents.length - shownPapers.length,
		steps: fields.steps.slice(0, MAX_STEPS).map((s) => clip(withoutBullet(s), MAX_STEP_LENGTH)),
		moreSteps: Math.max(0, fields.steps.length - MAX_STEPS),
		terms: termsOf(fields.channels),
		online: fields.channels.some((c) => /trực tuyến/i.test(c.channel)),
		executingAgency: fields.executingAgency,
		receivingAddress: fields.receivingAddress,
		results: fields.results,
		conditions: clip(fields.conditions, 600),
		localNote: input.localNote,
		sourceUrl: input.sourceUrl,
		tracking: input.tracking,
		focus: detectFocus(input.question),
	}
}

/** "5 Ngày làm việc"; a bare number says the source gave no unit. */
export function describeTimeLimit(timeLimit: string | null): string {
	if (!timeLimit) return 'nguồn không ghi'
	return /^\d+(?:[.,]\d+)?$/.test(timeLimit) ? `${timeLimit} (nguồn không ghi đơn vị)` : timeLimit
}

/** "Miễn phí", "50,000 VNĐ (…)", with a caution when the amount looks truncated. */
export function describeFee(term: ProcedureCard['terms'][number]): string {
	const base = term.fee ?? (term.feeNote ? '' : 'nguồn không ghi')
	const note = term.feeNote ? `${base ? ' ' : ''}(${term.feeNote})` : ''
	const caution = term.feeUnclear ? ' — mức phí trong nguồn chưa rõ đơn vị, hãy hỏi lại nơi tiếp nhận' : ''
	return `${base}${note}${caution}`
}

/** The card as plain text, in the order the question asked for. */
export function procedureCardText(card: ProcedureCard, wardName: string | null): string {
	const blocks: Record<string, string[]> = {}
	blocks.intro = [
		`${/^thủ tục/i.test(card.name) ? card.name : `Thủ tục: ${card.name}`} (mã ${card.code}).`,
		[card.field && `Lĩnh vực: ${card.field}.`, card.levels && `Cấp thực hiện: ${card.levels}.`]
			.filter(Boolean)
			.join(' '),
		card.handledAtWard ? `Thủ tục này được giải quyết tại ${wardName ?? 'phường, xã'}.` : '',
		card.applicants ? `Ai thực hiện: ${card.applicants}.` : '',
		card.results.length ? `Kết quả: ${card.results.join('; ')}.` : '',
	].filter(Boolean)
	blocks.documents = card.documents.length
		? [
				'Giấy tờ cần có:',
				...card.documents.map((d) => `- ${d.name}${d.quantity ? ` (${d.quantity})` : ''}`),
				...(card.moreDocuments > 0
					? [`- … và ${card.moreDocuments} mục khác (ghi chú, trường hợp riêng): xem đầy đủ ở nguồn.`]
					: []),
			]
		: ['Giấy tờ cần có: nguồn không liệt kê.']
	blocks.steps = card.steps.length
		? [
				'Các bước:',
				...card.steps.map((s, i) => `${i + 1}. ${s}`),
				...(card.moreSteps > 0 ? [`… còn ${card.moreSteps} đoạn nữa: xem đầy đủ ở nguồn.`] : []),
			]
		: []
	blocks.time = card.terms.length
		? [
				'Thời hạn giải quyết:',
				...card.terms.map((t) => `- ${t.channels.join(', ')}: ${describeTimeLimit(t.timeLimit)}`),
			]
		: ['Thời hạn giải quyết: nguồn không ghi.']
	blocks.fee = card.terms.length
		? ['Phí, lệ phí:', ...card.terms.map((t) => `- ${t.channels.join(', ')}: ${describeFee(t)}`)]
		: ['Phí, lệ phí: nguồn không ghi.']
	blocks.place = [
		card.executingAgency ? `Cơ quan thực hiện: ${card.executingAgency}` : '',
		card.receivingAddress ? `Nơi tiếp nhận: ${card.receivingAddress}` : '',
	].filter(Boolean)
	blocks.online = [
		card.online
			? `Nộp trực tuyến: có, trên Cổng Dịch vụ công quốc gia (dichvucong.gov.vn), trang của thủ tục: ${card.sourceUrl}`
			: `Nộp trực tuyến: nguồn không ghi hình thức trực tuyến. Trang của thủ tục: ${card.sourceUrl}`,
	]
	blocks.tracking = card.tracking?.steps.length
		? [
				`Theo dõi hồ sơ (theo bài học "${card.tracking.lessonTitle}"):`,
				...card.tracking.steps.map((s, i) => `${i + 1}. ${s}`),
			]
		: []
	blocks.note = card.localNote ? [`Ghi chú của phường: ${card.localNote}`] : []
	const order = [
		'intro',
		...card.focus,
		'documents',
		'steps',
		'time',
		'fee',
		'place',
		'online',
		'tracking',
		'note',
	]
	const seen = new Set<string>()
	const lines: string[] = []
	for (const key of order) {
		if (seen.has(key)) continue
		seen.add(key)
		const block = blocks[key]
		if (block?.length) lines.push(block.join('\n'))
	}
	lines.push(`Nguồn: Cổng Dịch vụ công quốc gia, ${card.sourceUrl}`)
	return lines.join('\n\n')
}
