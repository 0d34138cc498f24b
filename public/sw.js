/*
 * hocvuso service worker, registered by the learner pages with scope /hoc. It serves the courses a
 * learner kept for offline use: the pages write them into caches named hv-course-<id> (see
 * app/components/learning/learner-enhancements.js); this worker only reads them.
 * - Pages: network first; without network, the kept copy (or a short offline notice).
 *   A page that is kept is refreshed in its cache whenever it is loaded online.
 * - Styles, scripts (/assets/, hashed, never change) and lesson images: the kept copy first.
 * - Anything else, and every POST, goes to the network untouched.
 *
 * Registered a second time with scope /tiep-can by the volunteer's pages (docs/decisions/012-outreach-
 * offline-visits.md): there every page loaded online is kept in the cache hv-outreach (network first,
 * the kept copy without network), with the styles and scripts it uses; the page's script adds the
 * household pages and the visits queued offline live in IndexedDB, not here.
 */
const COURSE_CACHE_PREFIX = 'hv-course-'
const OUTREACH_CACHE = 'hv-outreach'
const OUTREACH_SCOPE = new URL(self.registration.scope).pathname.startsWith('/tiep-can')

self.addEventListener('install', () => self.skipWaiting())
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()))

self.addEventListener('fetch', (event) => {
	const request = event.request
	if (request.method !== 'GET') return
	const url = new URL(request.url)
	if (url.origin !== self.location.origin) return
	if (OUTREACH_SCOPE) {
		outreachFetch(event, url)
		return
	}
	if (request.mode === 'navigate') {
		event.respondWith(networkFirst(event, url))
		return
	}
	if (url.pathname.startsWith('/assets/') || url.pathname.startsWith('/hoc/anh/')) {
		event.respondWith(keptFirst(request))
	}
})

async function courseCaches() {
	const names = (await caches.keys()).filter((name) => name.startsWith(COURSE_CACHE_PREFIX))
	return Promise.all(names.map((name) => caches.open(name)))
}

async function findKept(request, options) {
	for (const cache of await courseCaches()) {
		const hit = await cache.match(request, options)
		if (hit) return hit
	}
	return undefined
}

async function networkFirst(event, url) {
	try {
		const response = await fetch(event.request)
		if (response.ok && !response.redirected && url.search === '') {
			event.waitUntil(refreshKept(url.pathname, response.clone()))
		}
		return response
	} catch (error) {
		const kept = await findKept(url.pathname, { ignoreSearch: true })
		if (kept) return kept
		if (url.pathname.startsWith('/hoc')) return offlineNotice()
		throw error
	}
}

async function refreshKept(path, response) {
	for (const cache of await courseCaches()) {
		if (await cache.match(path)) await cache.put(path, response.clone())
	}
}

async function keptFirst(request) {
	const kept = await findKept(request, { ignoreSearch: true })
	return kept || fetch(request)
}

function offlineNotice() {
	const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Không có mạng — Bình dân học vụ số</title></head><body style="font-family:system-ui,sans-serif;font-size:1.2rem;line-height:1.6;max-width:36rem;margin:2rem auto;padding:0 1rem"><main><h1>Bạn đang không có mạng</h1><p>Trang này chưa được lưu trên máy để dùng khi không có mạng. Các khóa học bạn đã lưu vẫn mở được từ <a href="/hoc">trang học của tôi</a>.</p><p lang="en">You are offline, and this page was not kept on this device. Courses you kept are available from <a href="/hoc">my learning</a>.</p></main></body></html>`
	return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } })
}

/** The volunteer's pages: network first, kept copy without network; assets from the copy first. */
function outreachFetch(event, url) {
	const request = event.request
	if (request.mode === 'navigate' && url.pathname.startsWith('/tiep-can')) {
		event.respondWith(outreachPage(event, url))
	} else if (url.pathname.startsWith('/assets/')) {
		event.respondWith(outreachAsset(request))
	}
}

async function outreachPage(event, url) {
	const cache = await caches.open(OUTREACH_CACHE)
	// Pages are kept without the one-time notices of their query (e.g. ?daGhi=…) so the copy is clean.
	const key = outreachKey(url)
	try {
		const response = await fetch(event.request)
		if (response.ok && !response.redirected && key) event.waitUntil(cache.put(key, response.clone()))
		return response
	} catch {
		const kept =
			(await cache.match(key || url.pathname)) || (await cache.match(url.pathname, { ignoreSearch: true }))
		if (kept) return kept
		return outreachOfflineNotice()
	}
}

function outreachOfflineNotice() {
	const html = `<!doctype html><html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Không có mạng — Bình dân học vụ số</title></head><body style="font-family:system-ui,sans-serif;font-size:1.2rem;line-height:1.6;max-width:36rem;margin:2rem auto;padding:0 1rem"><main><h1>Bạn đang không có mạng</h1><p>Trang này chưa được lưu trên máy. Danh sách đi từng nhà đã lưu vẫn mở được: <a href="/tiep-can">danh sách đi từng nhà</a>.</p><p lang="en">You are offline, and this page was not kept on this device. The saved worklist is still available: <a href="/tiep-can">door-to-door worklist</a>.</p></main></body></html>`
	return new Response(html, { status: 503, headers: { 'Content-Type': 'text/html; charset=utf-8' } })
}

/** The cache key of a volunteer page: its path and only the query that selects what it lists. */
function outreachKey(url) {
	const kept = new URLSearchParams()
	for (const name of ['to', 'trang']) {
		const value = url.searchParams.get(name)
		if (value) kept.set(name, value)
	}
	const query = kept.toString()
	return url.pathname + (query ? `?${query}` : '')
}

async function outreachAsset(request) {
	const cache = await caches.open(OUTREACH_CACHE)
	const kept = await cache.match(request, { ignoreSearch: true })
	if (kept) return kept
	const response = await fetch(request)
	if (response.ok) await cache.put(request, response.clone())
	return response
}
