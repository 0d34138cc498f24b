/**
 * A small streaming XML tokenizer for the parts of an .xlsx, several times faster than a general parser
 * on sheet XML, where every cell is three or four elements. It checks that tags nest and close, decodes
 * the five predefined entities and character references, skips comments and processing instructions,
 * passes CDATA through, and refuses a DOCTYPE: OOXML parts never have one, so no entity is ever defined
 * or expanded (no "billion laughs", no external entities). Element names reach the sink without their
 * namespace prefix ("x:row" → "row"). Errors are thrown as `XmlSyntaxError`.
 */
export interface XmlTokenSink {
	/** `attributes` is the raw attribute text: read it with `attributeValue` or `parseAttributes`. */
	open(name: string, attributes: string, selfClosing: boolean): void
	close(name: string): void
	text?(text: string): void
}

export class XmlSyntaxError extends Error {
	constructor(message: string) {
		super(message)
		this.name = 'XmlSyntaxError'
	}
}

const entities: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

/** Decodes &lt; &gt; &amp; &quot; &apos; &#NN; &#xHH;; any other entity is an error. */
export function decodeXmlEntities(text: string): string {
	if (!text.includes('&')) return text
	return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);|&/gi, (match, body: string | undefined) => {
		if (body === undefined) throw new XmlSyntaxError('Bare “&” in text')
		if (body[0] !== '#') {
			const value = entities[body]
			if (value === undefined) throw new XmlSyntaxError(`Undefined entity ${match}`)
			return value
		}
		const code =
			body[1] === 'x' || body[1] === 'X' ? Number.parseInt(body.slice(2), 16) : Number(body.slice(1))
		if (!Number.isInteger(code) || code < 1 || code > 0x10ffff)
			throw new XmlSyntaxError(`Bad character reference ${match}`)
		return String.fromCodePoint(code)
	})
}

const ATTRIBUTE = /([^\s=]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

/** All attributes, keyed by their qualified name ("r:id"). */
export function parseAttributes(raw: string): Record<string, string> {
	const out: Record<string, string> = {}
	for (const m of raw.matchAll(ATTRIBUTE)) out[m[1]!] = decodeXmlEntities(m[2] ?? m[3] ?? '')
	return out
}

/** One attribute's value, found without building an object (this runs for every cell). */
export function attributeValue(raw: string, name: string): string | undefined {
	let from = 0
	for (;;) {
		const at = raw.indexOf(name, from)
		if (at === -1) return undefined
		from = at + name.length
		const before = at === 0 ? 32 : raw.charCodeAt(at - 1)
		if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue
		let i = from
		while (raw.charCodeAt(i) === 32) i++
		if (raw.charCodeAt(i) !== 61) continue
		i++
		while (raw.charCodeAt(i) === 32) i++
		const quote = raw.charCodeAt(i)
		if (quote !== 34 && quote !== 39) return undefined
		const end = raw.indexOf(String.fromCharCode(quote), i + 1)
		return end === -1 ? undefined : decodeXmlEntities(raw.slice(i + 1, end))
	}
}

function localName(qualified: string): string {
	const colon = qualified.indexOf(':')
	return colon === -1 ? qualified : qualified.slice(colon + 1)
}

function isSpace(code: number): boolean {
	return code === 32 || code === 9 || code === 10 || code === 13
}

export class XmlTokenizer {
	private pending = ''
	private readonly open: string[] = []
	private rootClosed = false
	private sawRoot = false

	constructor(private readonly sink: XmlTokenSink) {}

	/** Feeds the next chunk; a tag cut by the chunk boundary waits for the next one. */
	write(chunk: string): void {
		const s = this.pending + chunk
		const n = s.length
		let i = 0
		while (i < n) {
			const lt = s.indexOf('<', i)
			if (lt === -1) break
			if (lt > i) this.emitText(s.slice(i, lt))
			i = lt
			if (i + 1 >= n) break
			const next = s.charCodeAt(i + 1)
			if (next === 33) {
				// "<!": comment, CDATA, or a DOCTYPE (refused).
				if (s.startsWith('<!--', i)) {
					const end = s.indexOf('-->', i + 4)
					if (end === -1) break
					i = end + 3
				} else if (s.startsWith('<![CDATA[', i)) {
					const end = s.indexOf(']]>', i + 9)
					if (end === -1) break
					this.sink.text?.(s.slice(i + 9, end))
					i = end + 3
				} else if (n - i < 9) break
				else throw new XmlSyntaxError('DOCTYPE or unknown declaration in an OOXML part')
				continue
			}
			if (next === 63) {
				const end = s.indexOf('?>', i + 2)
				if (end === -1) break
				i = end + 2
				continue
			}
			let j = i + 1
			let quote = 0
			for (; j < n; j++) {
				const c = s.charCodeAt(j)
				if (quote !== 0) {
					if (c === quote) quote = 0
				} else if (c === 34 || c === 39) quote = c
				else if (c === 62) break
				else if (c === 60) throw new XmlSyntaxError('“<” inside a tag')
			}
			if (j >= n) break
			if (next === 47) this.closeTag(s.slice(i + 2, j).trim())
			else this.openTag(s, i + 1, s.charCodeAt(j - 1) === 47 ? j - 1 : j, s.charCodeAt(j - 1) === 47)
			i = j + 1
		}
		this.pending = s.slice(i)
	}

	/** Ends the document: everything opened must be closed and nothing but whitespace left over. */
	end(): void {
		if (this.pending.trim() !== '') throw new XmlSyntaxError('Unexpected end of the document')
		if (this.open.length > 0) throw new XmlSyntaxError(`Unclosed element <${this.open.at(-1)}>`)
		if (!this.sawRoot) throw new XmlSyntaxError('No root element')
	}

	private emitText(raw: string): void {
		if (this.open.length === 0) {
			if (raw.trim() !== '') throw new XmlSyntaxError('Text outside the root element')
			return
		}
		if (this.sink.text) this.sink.text(decodeXmlEntities(raw))
	}

	private openTag(s: string, from: number, to: number, selfClosing: boolean): void {
		let k = from
		while (k < to && !isSpace(s.charCodeAt(k))) k++
		const qualified = s.slice(from, k)
		if (qualified === '') throw new XmlSyntaxError('Empty tag name')
		if (this.open.length === 0) {
			if (this.rootClosed) throw new XmlSyntaxError('A second root element')
			this.sawRoot = true
		}
		const name = localName(qualified)
		if (!selfClosing) this.open.push(qualified)
		this.sink.open(name, k < to ? s.slice(k, to) : '', selfClosing)
		if (selfClosing) {
			this.sink.close(name)
			if (this.open.length === 0) this.rootClosed = true
		}
	}

	private closeTag(qualified: string): void {
		const expected = this.open.pop()
		if (expected !== qualified) throw new XmlSyntaxError(`</${qualified}> does not close <${expected ?? ''}>`)
		if (this.open.length === 0) this.rootClosed = true
		this.sink.close(localName(qualified))
	}
}
