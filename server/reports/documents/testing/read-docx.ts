import JSZip from 'jszip'

/* Test support: opens a .docx the way a reader does (zip → WordprocessingML) and exposes what tests check. */

export interface OpenedDocx {
	documentXml: string
	/** Every header part's XML (page numbers live there). */
	headers: string[]
	stylesXml: string
	/** The body's text, one paragraph per line, tabs between table cells' paragraphs removed. */
	paragraphs: string[]
	sectPr: {
		width: number
		height: number
		top: number
		bottom: number
		left: number
		right: number
		titlePage: boolean
	}
}

function decode(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&')
}

function attribute(xml: string, element: string, name: string): number {
	const match = new RegExp(`<w:${element}\\b[^>]*\\bw:${name}="(-?\\d+)"`).exec(xml)
	if (!match) throw new Error(`w:${element}/@w:${name} missing`)
	return Number(match[1])
}

export async function openDocx(buffer: Buffer): Promise<OpenedDocx> {
	const zip = await JSZip.loadAsync(buffer)
	const read = async (name: string) => {
		const file = zip.file(name)
		if (!file) throw new Error(`${name} missing from the .docx`)
		return file.async('string')
	}
	const documentXml = await read('word/document.xml')
	const headers = await Promise.all(
		Object.keys(zip.files)
			.filter((name) => /^word\/header\d*\.xml$/.test(name))
			.map((name) => read(name)),
	)
	const paragraphs = [...documentXml.matchAll(/<w:p\b[^>]*>([\s\S]*?)<\/w:p>/g)]
		.map((p) =>
			[...(p[1] ?? '').matchAll(/<w:t\b[^>]*>([^<]*)<\/w:t>/g)].map((t) => decode(t[1] ?? '')).join(''),
		)
		.filter((text) => text.trim() !== '')
	const sectPr = /<w:sectPr\b[\s\S]*?<\/w:sectPr>/.exec(documentXml)?.[0] ?? ''
	return {
		documentXml,
		headers,
		stylesXml: await read('word/styles.xml'),
		paragraphs,
		sectPr: {
			width: attribute(sectPr, 'pgSz', 'w'),
			height: attribute(sectPr, 'pgSz', 'h'),
			top: attribute(sectPr, 'pgMar', 'top'),
			bottom: attribute(sectPr, 'pgMar', 'bottom'),
			left: attribute(sectPr, 'pgMar', 'left'),
			right: attribute(sectPr, 'pgMar', 'right'),
			titlePage: /<w:titlePg\s*\/>/.test(sectPr),
		},
	}
}

/** Every font named in runs and in the default style. */
export function fontsUsed(opened: OpenedDocx): Set<string> {
	const fonts = new Set<string>()
	for (const xml of [opened.documentXml, opened.stylesXml, ...opened.headers])
		for (const m of xml.matchAll(/<w:rFonts\b[^>]*w:ascii="([^"]+)"/g)) fonts.add(m[1]!)
	return fonts
}
