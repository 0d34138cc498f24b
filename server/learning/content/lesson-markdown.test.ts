import { readFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { findLessonBodyProblems, renderLessonHtml, splitFrontMatter } from './lesson-markdown.ts'
import { defaultContentDir } from './load-content.server.ts'
import { assertInertHtml } from './testing/assert-inert-html.ts'

const imageUrl = (file: string) => `/media/lesson/${file}`
const render = (markdown: string) => renderLessonHtml(markdown, { imageUrl, images: new Set(['so-do.svg']) })

const attacks = [
	'<script>alert(1)</script>',
	'<img src=x onerror=alert(1)>',
	'Chữ <b onmouseover="alert(1)">đậm</b> giữa câu',
	'<iframe src="https://example.com"></iframe>',
	'<svg onload=alert(1)>',
	'[bấm vào đây](javascript:alert(1))',
	'[bấm vào đây](JaVaScRiPt:alert(1))',
	'[bấm vào đây](&#106;avascript:alert(1))',
	'[bấm vào đây](<java\tscript:alert(1)>)',
	'[bấm vào đây](vbscript:msgbox(1))',
	'[bấm vào đây](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
	'[bấm vào đây](//evil.example/path)',
	'<javascript:alert(1)>',
	'![ảnh](javascript:alert(1))',
	'![ảnh](https://evil.example/track.png)',
	'![ảnh](../other-course/so-do.svg)',
	'![ảnh](/etc/passwd)',
	'![ảnh](khong-khai-bao.svg)',
	'[x]: javascript:alert(1)\n\n[tham chiếu][x]',
]

describe('renderLessonHtml', () => {
	it.each(attacks)('leaves %s inert', (attack) => {
		const html = render(`Đoạn mở đầu.\n\n${attack}\n\nĐoạn kết.`)
		assertInertHtml(html, '/media/lesson/')
	})

	it('shows raw HTML as text instead of running it', () => {
		const html = render('<script>alert(1)</script>')
		expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
		expect(render('<img src=x onerror=alert(1)>')).toContain('&lt;img src=x onerror=alert(1)&gt;')
	})

	it('keeps refused links as plain text', () => {
		for (const target of [
			'javascript:alert(1)',
			'&#106;avascript:alert(1)',
			'<java\tscript:alert(1)>',
			'//evil.example',
		]) {
			expect(render(`[bấm vào đây](${target})`)).not.toContain('<a')
		}
	})

	it('renders allowed links, marking outside ones noopener', () => {
		const html = render(
			'[Cổng Dịch vụ công quốc gia](https://dichvucong.gov.vn) và [bài trước](../vneid/vneid-what-is)',
		)
		expect(html).toContain('<a href="https://dichvucong.gov.vn" rel="noopener noreferrer">')
		expect(html).toContain('<a href="../vneid/vneid-what-is">')
		expect(render('[Gọi 113](tel:113)')).toContain('href="tel:113"')
		expect(render('[Thư](mailto:hotro@example.vn)')).toContain('href="mailto:hotro@example.vn"')
	})

	it('shows only images of the lesson folder, with their description', () => {
		expect(render('![Sơ đồ các bước](so-do.svg)')).toContain(
			'<img src="/media/lesson/so-do.svg" alt="Sơ đồ các bước" loading="lazy" decoding="async">',
		)
		const outside = render('![Ảnh lạ](https://evil.example/x.png)')
		expect(outside).not.toContain('<img')
		expect(render('![Ảnh chưa khai báo](khac.svg)')).toBe(
			'<p><span class="lesson-image-missing">Ảnh chưa khai báo</span></p>\n',
		)
	})

	it('keeps a real lesson inert when HTML and scripts are injected into it', async () => {
		const file = path.join(defaultContentDir, 'courses/smartphone-internet/phone-turn-on.md')
		const { body } = splitFrontMatter(await readFile(file, 'utf8'))!
		const injected = `${body}\n\n${attacks.join('\n\n')}\n\nCuối bài <script>document.cookie</script> [x](javascript:void(0))`
		const html = renderLessonHtml(injected, { imageUrl, images: new Set(['phone-buttons.svg']) })
		assertInertHtml(html, '/media/lesson/')
		expect(html).toContain('<img src="/media/lesson/phone-buttons.svg"')
		expect(html).toContain('&lt;script&gt;document.cookie&lt;/script&gt;')
	})
})

describe('findLessonBodyProblems', () => {
	it('reports what the renderer would neutralise, with the line', () => {
		const body = [
			'Dòng một.',
			'',
			'<div>khối HTML</div>',
			'',
			'Một câu có <b>HTML</b>,',
			'rồi [liên kết xấu](javascript:alert(1)).',
			'',
			'![](so-do.svg)',
			'',
			'![Sơ đồ](../khac/hinh.svg)',
			'',
			'# Tiêu đề cấp 1',
		].join('\n')
		const problems = findLessonBodyProblems(body, new Set(['so-do.svg']))
		expect(problems).toEqual([
			{ line: 3, message: 'Bài học không được chứa mã HTML; hãy viết bằng Markdown' },
			{ line: 5, message: 'Bài học không được chứa mã HTML (<b>)' },
			{ line: 5, message: 'Bài học không được chứa mã HTML (</b>)' },
			{
				line: 6,
				message:
					'Liên kết "javascript:alert(1)" không được phép; chỉ dùng http, https, mailto, tel hoặc đường dẫn tương đối',
			},
			{ line: 8, message: 'Hình "so-do.svg" thiếu lời mô tả: viết ![mô tả](so-do.svg)' },
			{ line: 10, message: 'Hình "../khac/hinh.svg" phải là tên một tệp nằm cùng thư mục với bài học' },
			{
				line: 12,
				message: 'Không dùng tiêu đề cấp 1 (#) trong bài; tên bài lấy từ mục title, hãy dùng ## cho các phần',
			},
		])
	})
})

describe('splitFrontMatter', () => {
	it('keeps line numbers of the front matter and the body', () => {
		expect(splitFrontMatter('---\r\nid: a\r\n---\r\nNội dung')).toEqual({
			frontMatter: 'id: a',
			body: 'Nội dung',
			frontMatterLine: 2,
			bodyLine: 4,
		})
		expect(splitFrontMatter('Không có phần đầu')).toBeUndefined()
	})
})
