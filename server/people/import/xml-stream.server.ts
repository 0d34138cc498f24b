import type { Readable } from 'node:stream'
import { ImportFileError } from '#server/people/import/import-file-error.ts'
import { XmlSyntaxError, XmlTokenizer, type XmlTokenSink } from '#server/people/import/xml-tokenizer.ts'
import { toZipReadError } from '#server/people/import/zip-archive.server.ts'

/** Reads OOXML parts with the tokenizer (see xml-tokenizer.ts), turning its errors into refusals. */
export type XmlHandler = XmlTokenSink

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

function rethrow(error: unknown): never {
	if (error instanceof XmlSyntaxError) throw xmlError(error)
	throw error
}

/** Parses a whole XML string. Handler exceptions (e.g. a row limit) propagate unchanged. */
export function parseXmlText(xml: string, handler: XmlHandler): void {
	const tokenizer = new XmlTokenizer(handler)
	try {
		tokenizer.write(xml)
		tokenizer.end()
	} catch (error) {
		rethrow(error)
	}
}

/** Parses an inflating zip entry chunk by chunk; stops and destroys the stream on the first error. */
export async function parseXmlStream(stream: Readable, handler: XmlHandler): Promise<void> {
	const tokenizer = new XmlTokenizer(handler)
	stream.setEncoding('utf8')
	try {
		for await (const chunk of stream) {
			try {
				tokenizer.write(chunk as string)
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
		tokenizer.end()
	} catch (error) {
		rethrow(error)
	}
}
