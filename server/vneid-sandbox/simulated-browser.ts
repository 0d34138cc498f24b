/**
 * For integration tests: a browser reduced to what the OpenID flow needs — a cookie jar (name, path)
 * and manual redirects — so a test can walk the sandbox's pages over real HTTP and stop at the
 * relying party's callback.
 */
export class SimulatedBrowser {
	private readonly jar = new Map<string, { value: string; path: string; origin: string }>()

	async get(url: string | URL): Promise<Response> {
		return this.request(new URL(url), { method: 'GET' })
	}

	async post(url: string | URL, form: Record<string, string>): Promise<Response> {
		return this.request(new URL(url), {
			method: 'POST',
			headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams(form).toString(),
		})
	}

	/** Follows redirects until one leaves `origin`-and-`pathPrefix`, which is returned unfetched. */
	async followUntil(response: Response, stopAt: string): Promise<{ response: Response; stoppedAt?: URL }> {
		let current = response
		for (let hops = 0; hops < 10; hops++) {
			const location = current.headers.get('location')
			if (!location || current.status < 300 || current.status >= 400) return { response: current }
			const next = new URL(location, current.url)
			if (next.href.startsWith(stopAt)) return { response: current, stoppedAt: next }
			current = await this.get(next)
		}
		throw new Error('Too many redirects')
	}

	private async request(url: URL, init: RequestInit): Promise<Response> {
		const cookie = [...this.jar.entries()]
			.filter(([, c]) => c.origin === url.origin && url.pathname.startsWith(c.path))
			.map(([name, c]) => `${name}=${c.value}`)
			.join('; ')
		const headers = new Headers(init.headers)
		headers.set('Accept', 'text/html')
		if (cookie) headers.set('Cookie', cookie)
		const response = await fetch(url, { ...init, headers, redirect: 'manual' })
		for (const line of response.headers.getSetCookie()) this.store(url, line)
		Object.defineProperty(response, 'url', { value: url.href })
		return response
	}

	private store(url: URL, line: string): void {
		const [pair = '', ...attributes] = line.split(';').map((part) => part.trim())
		const eq = pair.indexOf('=')
		const name = pair.slice(0, eq)
		const value = pair.slice(eq + 1)
		const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/'
		const expired = attributes.some((a) => /^expires=thu, 01 jan 1970/i.test(a) || /^max-age=0$/i.test(a))
		if (expired || value === '') this.jar.delete(name)
		else this.jar.set(name, { value, path, origin: url.origin })
	}
}
