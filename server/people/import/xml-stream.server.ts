import type { Readable } from 'node:stream'
import { SaxesParser } from 'saxes'
import { ImportFileError } from '#server/people/import/import-file-error.ts'
import { toZipReadError } from '#server/people/import/zip-archive.server.ts'

/**
 * Streams OOXML parts through saxes (a non-validating parser that never fetches or expands external
 * entities). Element names reach the handler without their namespace prefix ("x:row" → "row"), since
 * some generators prefix every element. A DOCTYPE is refused outright: OOXML parts never have one, and
 * refusing it closes the door on entity-expansion tricks.
 */
export interface XmlHandler {
	open(name: string, attributes: Record<string, string>, selfClosing: boolean): void
	close(name: string): void
	text?(text: string): void
}

function localName(name: string): string {
	const colon = name.indexOf(':')
	return colon === -1 ? name : name.slice(colon + 1)
}

/** The value of an attribute whatever its prefix ("r:id", "relationships:id"), preferring a prefixed one. */
export function prefixedAttribute(attributes: Record<string, string>, local: string): string | undefined {
	for (const [key, value] of Object.entries(attributes)) {
		if (key.endsWith(`:${local}`)) return value
	}
	return undefined
}

function xmlError(cause: unknown): ImportFileError {
	return new ImportFileError(
		'corruptWorkbook',
		{
			messageVi:
				'Tệp Excel bị hỏng: nội dung bên trong không phải XML hợp lệ. Hãy mở tệp bằng Excel và lưu lại.',
			messageEn:
				'The Excel file is damaged: its content is not valid XML. Open it in Excel and save it again.',
		},
		{ cause },
	)
}

function createParser(handler: XmlHandler): SaxesParser {
	const parser = new SaxesParser({ xmlns: false })
	parser.on('doctype', () => {
		throw xmlError(new Error('DOCTYPE in an OOXML part'))
	})
	parser.on('opentag', (node) =>
		handler.open(localName(node.name), node.attributes as Record<string, string>, node.isSelfClosing),
	)
	parser.on('closetag', (node) => handler.close(localName(node.name)))
	if (handler.text) {
		const text = handler.text.bind(handler)
		parser.on('text', text)
		parser.on('cdata', text)
	}
	return parser
}

function rethrow(error: unknown): never {
	if (error instanceof ImportFileError) throw error
	throw xmlError(error)
}

/** Parses a whole XML string. Handler exceptions (e.g. a row limit) propagate unchanged. */
export function parseXmlText(xml: string, handler: XmlHandler): void {
	const parser = createParser(handler)
	try {
		parser.write(xml).close()
	} catch (error) {
		rethrow(error)
	}
}

/** Parses an inflating zip entry chunk by chunk; stops and destroys the stream on the first error. */
export async function parseXmlStream(stream: Readable, handler: XmlHandler): Promise<void> {
	const parser = createParser(handler)
	stream.setEncoding('utf8')
	try {
		for await (const chunk of stream) {
			try {
				parser.write(chunk as string)
			} catch (error) {
				stream.destroy()
				rethrow(error)
			}
		}
	} catch (error) {
		if (error instanceof ImportFileError) throw error
		throw toZipReadError(error)
	}
	try {
		parser.close()
	} catch (error) {
		rethrow(error)
	}
}
