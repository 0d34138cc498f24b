/** HTML that is safe to insert as is: built only by `html` below, which escapes every value. */
export class SafeHtml {
	constructor(readonly value: string) {}
	toString(): string {
		return this.value
	}
}

const ESCAPES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
}

function render(value: unknown): string {
	if (value instanceof SafeHtml) return value.value
	if (Array.isArray(value)) return value.map(render).join('')
	if (value === null || value === undefined || value === false) return ''
	return String(value).replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)
}

/** Tagged template for the sandbox pages: interpolated values are escaped unless already SafeHtml. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): SafeHtml {
	let out = strings[0] ?? ''
	for (let i = 0; i < values.length; i++) out += render(values[i]) + (strings[i + 1] ?? '')
	return new SafeHtml(out)
}

/**
 * The sandbox's stylesheet. Its own look (not the app's), so nobody mistakes it for either hocvuso
 * or the real VNeID; a striped banner says it is a test environment on every page.
 */
export const sandboxStylesheet = `
:root { --red: #9b1c1c; --ink: #1a1a1a; --muted: #4a4a4a; --line: #8a8580; --focus: #1d4ed8; --bg: #fff; --surface: #f6f4f1; }
* { box-sizing: border-box; }
body { margin: 0; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", Arial, sans-serif;
  font-size: 1.0625rem; line-height: 1.6; color: var(--ink); background: var(--bg); }
.banner { background: repeating-linear-gradient(135deg, #fde68a 0 16px, #fef3c7 16px 32px); border-bottom: 3px solid var(--red);
  padding: 0.75rem 1rem; }
.banner p { margin: 0; max-width: 40rem; margin-inline: auto; font-weight: 700; color: var(--red); font-size: 1.125rem; }
.banner span { display: block; font-weight: 600; color: var(--ink); font-size: 1rem; }
main { max-width: 40rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
h1 { font-size: 1.5rem; line-height: 1.3; margin: 1rem 0 0.5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; }
.notice { background: var(--surface); border-left: 4px solid var(--red); padding: 0.5rem 0.75rem; }
.error { border: 2px solid var(--red); color: var(--red); padding: 0.5rem 0.75rem; font-weight: 600; }
ul.choices { list-style: none; padding: 0; margin: 0; display: grid; gap: 0.75rem; }
ul.facts { padding-left: 1.25rem; }
button { font: inherit; min-height: 48px; min-width: 48px; padding: 0.6rem 1.1rem; border-radius: 0.5rem; cursor: pointer; }
button.choice { width: 100%; text-align: left; background: var(--bg); color: var(--ink); border: 2px solid var(--line); display: grid; gap: 0.1rem; }
button.choice:hover { border-color: var(--red); }
.choice .name { font-weight: 700; font-size: 1.125rem; }
.choice .meta, .hint { color: var(--muted); font-size: 0.95rem; }
button.primary { background: var(--red); color: #fff; border: 2px solid var(--red); font-weight: 700; }
button.secondary { background: var(--bg); color: var(--ink); border: 2px solid var(--line); }
.field { display: grid; gap: 0.25rem; margin-bottom: 1rem; }
label { font-weight: 600; }
input[type=text], input[type=password] { font: inherit; min-height: 48px; padding: 0.5rem 0.75rem; border: 2px solid var(--line); border-radius: 0.5rem; width: 100%; max-width: 20rem; }
input[aria-invalid=true] { border-color: var(--red); }
.check { display: flex; gap: 0.75rem; align-items: flex-start; margin: 1rem 0; }
.check input { width: 1.5rem; height: 1.5rem; margin-top: 0.2rem; flex: none; }
.actions { display: flex; flex-wrap: wrap; gap: 0.75rem; margin-top: 1.5rem; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; }
`
