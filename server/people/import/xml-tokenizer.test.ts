import { describe, expect, it } from 'vitest'
import { columnOfRef, readCellAttributes } from '#server/people/import/cell-refs.ts'
import {
	attributeValue,
	decodeXmlEntities,
	parseAttributes,
	XmlSyntaxError,
	XmlTokenizer,
} from '#server/people/import/xml-tokenizer.ts'

/** Tokenizes `xml` fed in chunks of `size` characters and returns the events as short strings. */
function events(xml: string, size = xml.length): string[] {
	const out: string[] = []
	const tokenizer = new XmlTokenizer({
		open: (name, attributes, selfClosing) => out.push(`<${name}${attributes}${selfClosing ? '/' : ''}>`),
		close: (name) => out.push(`</${name}>`),
		text: (text) => {
			if (text.trim() !== '') out.push(text)
		},
	})
	for (let i = 0; i < xml.length; i += size) tokenizer.write(xml.slice(i, i + size))
	tokenizer.end()
	return out
}

const sample =
	'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- made by hand --><x:worksheet xmlns:x="urn:x"><x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>Nguyễn &amp; &#7843;&#x1EA1; <![CDATA[<b>]]></x:t></x:is></x:c><x:c r="B1" f=">"/></x:row></x:worksheet>'

describe('XmlTokenizer', () => {
	const expected = [
		'<worksheet xmlns:x="urn:x">',
		'<row r="1">',
		'<c r="A1" t="inlineStr">',
		'<is>',
		'<t>',
		'Nguyễn & ảạ ',
		'<b>',
		'</t>',
		'</is>',
		'</c>',
		'<c r="B1" f=">"/>',
		'</c>',
		'</row>',
		'</worksheet>',
	]

	it('reads elements without prefixes, entities, character references, CDATA and quoted ">"', () => {
		expect(events(sample)).toEqual(expected)
	})

	it.each([1, 2, 3, 7, 64])('gives the same events when fed %i characters at a time', (size) => {
		expect(events(sample, size).join('')).toEqual(expected.join(''))
	})

	it.each([
		['a DOCTYPE', '<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>'],
		['an undefined entity', '<x>&lol;</x>'],
		['a bare ampersand', '<x>a & b</x>'],
		['mismatched tags', '<x><y></x></y>'],
		['an unclosed element', '<x><y></y>'],
		['a truncated tag', '<x><y a="1"'],
		['text outside the root', 'hello<x/>'],
		['two roots', '<x/><y/>'],
		['nothing', ''],
	])('refuses %s', (_label, xml) => {
		expect(() => events(xml)).toThrow(XmlSyntaxError)
	})

	it('reads attributes', () => {
		expect(parseAttributes(' name="Tổ 1" sheetId=\'2\' r:id="rId1" a="&lt;&quot;"')).toEqual({
			name: 'Tổ 1',
			sheetId: '2',
			'r:id': 'rId1',
			a: '<"',
		})
		expect(attributeValue(' r="A1" s="3" t="s"', 's')).toBe('3')
		expect(attributeValue(' r="A1" s="3" t="s"', 't')).toBe('s')
		expect(attributeValue(' rs="A1" r = "B2"', 'r')).toBe('B2')
		expect(attributeValue(' r="A1"', 't')).toBeUndefined()
		expect(decodeXmlEntities('a &gt; b')).toBe('a > b')
	})

	it('reads a cell’s r, t and s in one pass', () => {
		const into = { r: '', t: '', s: '' }
		expect(readCellAttributes(' r="B12" s="3" t="s"', into)).toEqual({ r: 'B12', t: 's', s: '3' })
		expect(readCellAttributes(" t = 'inlineStr' r='C1' cm=\"1\"", into)).toEqual({
			r: 'C1',
			t: 'inlineStr',
			s: '',
		})
		expect(readCellAttributes('', into)).toEqual({ r: '', t: '', s: '' })
		expect(columnOfRef('AB7')).toBe(27)
	})
})
