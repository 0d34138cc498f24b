import {
	AlignmentType,
	BorderStyle,
	Document,
	Header,
	Packer,
	PageNumber,
	Paragraph,
	Table,
	TableBorders,
	TableCell,
	TableLayoutType,
	TableRow,
	TextRun,
	VerticalAlignTable,
	WidthType,
} from 'docx'
import {
	bodyParagraph,
	fontName,
	formatTitles,
	mm,
	pageLayout,
	size,
	textWidth,
	titleColumns,
} from '#server/reports/documents/document-layout.ts'
import {
	type DocumentBlock,
	type DocumentFormat,
	formatDocumentNumber,
	formatPlaceAndDate,
	type ReportDocument,
} from '#server/reports/documents/document-model.ts'

/*
 * A ReportDocument as a .docx laid out as Hướng dẫn 36-HD/VPTW (party) or Nghị định 30/2020/NĐ-CP
 * (state) prescribe: title block in a borderless two-column table, type and summary centred, body
 * justified with first-line indents, then "Nơi nhận" on the left and the signature on the right.
 * Page numbers: Arabic, centred in the top margin, none on the first page (NĐ 30 appendix I §IV).
 */

interface RunStyle {
	bold?: boolean
	italics?: boolean
	underline?: boolean
	size?: number
}

function run(text: string, style: RunStyle = {}): TextRun {
	return new TextRun({
		text,
		bold: style.bold,
		italics: style.italics,
		underline: style.underline ? {} : undefined,
		size: style.size,
		font: fontName,
	})
}

function centered(text: string, style: RunStyle = {}, options: { after?: number } = {}) {
	return new Paragraph({
		alignment: AlignmentType.CENTER,
		spacing: { before: 0, after: options.after ?? 0 },
		children: [run(text, style)],
	})
}

/**
 * A short horizontal rule under the line above: an empty 2-pt paragraph whose bottom border is narrowed
 * by indents (`inset` on each side), so it stays centred whatever the column's width.
 */
function rule(inset: number, after = 0): Paragraph {
	return new Paragraph({
		alignment: AlignmentType.CENTER,
		spacing: { before: 0, after, line: 240 },
		border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 } },
		indent: { left: inset, right: inset },
		children: [run('', { size: 4 })],
	})
}

function borderless(widths: readonly number[], cells: Paragraph[][]): Table {
	return new Table({
		width: { size: textWidth, type: WidthType.DXA },
		columnWidths: widths.map((w) => Math.round(w * textWidth)),
		layout: TableLayoutType.FIXED,
		borders: TableBorders.NONE,
		rows: [
			new TableRow({
				children: cells.map(
					(children, i) =>
						new TableCell({
							width: { size: Math.round(widths[i]! * textWidth), type: WidthType.DXA },
							margins: { left: 0, right: 0 },
							children,
						}),
				),
			}),
		],
	})
}

function titleBlock(doc: ReportDocument, format: DocumentFormat): Table {
	const titles = formatTitles[format]
	const columns = titleColumns[format]
	const leftWidth = columns[0] * textWidth
	const rightWidth = columns[1] * textWidth
	const issuerSize = format === 'party' ? size.body : size.stateTitle
	const left: Paragraph[] = [
		...(doc.issuer.parent ? [centered(doc.issuer.parent.toUpperCase(), { size: issuerSize })] : []),
		...doc.issuer.name.map((line) => centered(line.toUpperCase(), { bold: true, size: issuerSize })),
	]
	// Party: a star under the issuer; state: a rule a third of the column wide.
	left.push(
		titles.issuerMark === 'star' ? centered('*', { size: size.body }) : rule(Math.round(leftWidth / 3)),
	)
	left.push(centered(formatDocumentNumber(format, doc.number, doc.symbol), { size: size.body }, { after: 0 }))

	const right: Paragraph[] =
		format === 'party'
			? [centered(titles.national[0]!, { bold: true, size: size.partyTitle }), rule(mm(12), 240)]
			: [
					centered(titles.national[0]!, { bold: true, size: size.stateTitle }),
					centered(titles.national[1]!, { bold: true, size: size.body }),
					rule(Math.round(rightWidth * 0.16), 240),
				]
	right.push(
		new Paragraph({
			alignment: AlignmentType.CENTER,
			children: [run(formatPlaceAndDate(doc.place, doc.date), { italics: true, size: size.body })],
		}),
	)
	return borderless(columns, [left, right])
}

function typeAndSummary(doc: ReportDocument, format: DocumentFormat): Paragraph[] {
	const lines = doc.summary.split(/\n+/).filter((l) => l.trim() !== '')
	return [
		new Paragraph({ spacing: { before: 360 }, children: [] }),
		centered(doc.type.toUpperCase(), { bold: true, size: format === 'party' ? size.type : size.body }),
		...lines.map((line) => centered(line, { bold: true, size: size.body })),
		// Party documents close the summary with a short row of dashes; state ones with a short rule.
		format === 'party'
			? centered('-----', { size: size.body }, { after: 240 })
			: rule(Math.round(textWidth * 0.38), 240),
	]
}

function paragraphs(text: string, style: RunStyle = {}, indent = true): Paragraph[] {
	return text
		.split(/\n+/)
		.map((line) => line.trim())
		.filter((line) => line !== '')
		.map(
			(line) =>
				new Paragraph({
					alignment: AlignmentType.JUSTIFIED,
					indent: indent ? { firstLine: bodyParagraph.firstLine } : undefined,
					spacing: { after: bodyParagraph.after, line: bodyParagraph.line },
					children: [run(line, { size: size.body, ...style })],
				}),
		)
}

function dataTable(block: Extract<DocumentBlock, { kind: 'table' }>): (Paragraph | Table)[] {
	const weights = block.columns.map((c) => c.weight ?? 1)
	const total = weights.reduce((a, b) => a + b, 0)
	const widths = weights.map((w) => Math.round((w / total) * textWidth))
	const alignment = (align: 'left' | 'center' | 'right' | undefined) =>
		align === 'right' ? AlignmentType.RIGHT : align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT
	const cell = (text: string, i: number, header: boolean) =>
		new TableCell({
			width: { size: widths[i]!, type: WidthType.DXA },
			verticalAlign: VerticalAlignTable.CENTER,
			margins: { left: 80, right: 80, top: 20, bottom: 20 },
			children: [
				new Paragraph({
					alignment: header ? AlignmentType.CENTER : alignment(block.columns[i]?.align),
					children: [run(text, { bold: header, size: size.table })],
				}),
			],
		})
	const out: (Paragraph | Table)[] = []
	if (block.caption) out.push(centered(block.caption, { bold: true, size: size.body }, { after: 120 }))
	out.push(
		new Table({
			width: { size: textWidth, type: WidthType.DXA },
			columnWidths: widths,
			layout: TableLayoutType.FIXED,
			rows: [
				new TableRow({ tableHeader: true, children: block.columns.map((c, i) => cell(c.label, i, true)) }),
				...block.rows.map(
					(row) =>
						new TableRow({
							cantSplit: true,
							children: block.columns.map((_, i) => cell(row[i] ?? '', i, false)),
						}),
				),
			],
		}),
		new Paragraph({ spacing: { after: 120 }, children: [] }),
	)
	return out
}

function bodyBlocks(blocks: DocumentBlock[]): (Paragraph | Table)[] {
	return blocks.flatMap((block): (Paragraph | Table)[] => {
		switch (block.kind) {
			case 'heading':
				return [
					new Paragraph({
						spacing: { before: 120, after: bodyParagraph.after },
						indent: { firstLine: bodyParagraph.firstLine },
						children: [run(block.text, { bold: true, size: size.body })],
					}),
				]
			case 'subheading':
				return paragraphs(block.text, { bold: true })
			case 'paragraph':
				return paragraphs(block.text)
			default:
				return dataTable(block)
		}
	})
}

function closing(doc: ReportDocument, format: DocumentFormat): Table {
	const recipientSize = size.recipients[format]
	const left = [
		new Paragraph({
			spacing: { before: 240 },
			children: [
				format === 'party'
					? run('Nơi nhận:', { underline: true, size: size.body })
					: run('Nơi nhận:', { bold: true, italics: true, size: 24 }),
			],
		}),
		...doc.recipients.map(
			(line) =>
				new Paragraph({ children: [run(`- ${line.replace(/^[-–]\s*/, '')}`, { size: recipientSize })] }),
		),
	]
	const right = [
		new Paragraph({ spacing: { before: 240 }, children: [] }),
		...(doc.signature.authority ? [centered(doc.signature.authority.toUpperCase(), { bold: true })] : []),
		centered(doc.signature.title.toUpperCase(), { bold: true }),
		// Room for the signature and the seal.
		new Paragraph({ spacing: { before: 1400 }, children: [] }),
		centered(doc.signature.name, { bold: true }),
	]
	return borderless([0.5, 0.5], [left, right])
}

function pageNumberHeader(): Header {
	return new Header({
		children: [
			new Paragraph({
				alignment: AlignmentType.CENTER,
				children: [new TextRun({ children: [PageNumber.CURRENT], font: fontName, size: size.body })],
			}),
		],
	})
}

/** Renders the document as a .docx in the given layout. */
export async function renderReportDocx(
	doc: ReportDocument,
	format: DocumentFormat = 'party',
): Promise<Buffer> {
	const document = new Document({
		creator: 'hocvuso',
		title: `${doc.type} ${doc.summary}`.replace(/\s+/g, ' ').trim(),
		styles: { default: { document: { run: { font: fontName, size: size.body } } } },
		sections: [
			{
				properties: {
					titlePage: true,
					page: {
						size: { width: pageLayout.width, height: pageLayout.height },
						margin: pageLayout.margin,
					},
				},
				headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
				children: [
					titleBlock(doc, format),
					...typeAndSummary(doc, format),
					...bodyBlocks(doc.body),
					closing(doc, format),
				],
			},
		],
	})
	return Buffer.from(await Packer.toBuffer(document))
}
