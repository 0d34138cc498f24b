// @ts-check
/*
 * The one script of the volunteer's pages (/tiep-can…), which are plain server-rendered HTML and work
 * without it (docs/decisions/012-outreach-offline-visits.md). It adds, where the browser can:
 * - the service worker (/sw.js, scope /tiep-can) and a copy of this page, the household pages it links
 *   to and their styles, so the worklist opens without network;
 * - the offline queue: a visit form posted without network is kept in IndexedDB — its fields, an id
 *   made here and the time — and sent to /tiep-can/dong-bo when the network is back. The server stores
 *   each id once; what it refuses stays on the phone, shown with the reason, until dismissed.
 * - the page says what is waiting to be sent.
 * Messages come from the page's data-msg-* attributes (the app's message catalogs).
 */

const DB_NAME = 'hv-outreach'
const CACHE_NAME = 'hv-outreach'
const OWNER_KEY = 'hv-outreach-owner'
const CSRF_FIELD = 'csrf'

const root = /** @type {HTMLElement | null} */ (document.querySelector('[data-outreach]'))
if (root) start(root)

/** @typedef {{ id: string, userId: string, visitedAt: string, place: string, fields: [string, string][], message?: string }} QueuedVisit */

/** @param {HTMLElement} page */
function start(page) {
	const userId = page.dataset.user || ''
	let csrf = page.dataset.csrf || ''
	const queueBox = /** @type {HTMLElement | null} */ (document.querySelector('[data-queue]'))
	const rejectedBox = /** @type {HTMLElement | null} */ (document.querySelector('[data-rejected]'))
	const offlineBanner = /** @type {HTMLElement | null} */ (document.querySelector('[data-offline-banner]'))
	const status = /** @type {HTMLElement | null} */ (document.querySelector('[data-sync-status]'))
	let flushing = false

	document.addEventListener('submit', async (event) => {
		const form = event.target
		if (!(form instanceof HTMLFormElement) || !('visitForm' in form.dataset)) return
		const submitter = /** @type {HTMLButtonElement | null} */ (
			/** @type {SubmitEvent} */ (event).submitter || null
		)
		const idField = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="visitId"]'))
		if (navigator.onLine) {
			// One id per page load online: a double tap posts the same visit twice and it is stored once.
			if (idField && !form.dataset.sent) idField.value = uuid()
			form.dataset.sent = '1'
			return
		}
		// Offline every tap is a visit of its own (a kept page would otherwise repeat one id).
		if (idField) idField.value = uuid()
		event.preventDefault()
		if (!form.reportValidity()) return
		const data = new FormData(form)
		if (submitter?.name) data.append(submitter.name, submitter.value)
		/** @type {[string, string][]} */
		const fields = []
		for (const [name, value] of data) {
			if (typeof value === 'string' && name !== CSRF_FIELD) fields.push([name, value])
		}
		const id = idField?.value || uuid()
		await put('queue', {
			id,
			userId,
			visitedAt: new Date().toISOString(),
			place: form.dataset.place || '',
			fields,
		})
		const note = /** @type {HTMLElement | null} */ (form.querySelector('[data-offline-note]'))
		if (note) {
			note.textContent = note.dataset.msg || ''
			note.hidden = false
		}
		if (submitter) submitter.setAttribute('aria-pressed', 'true')
		if ('resetAfterQueue' in form.dataset) form.reset()
		await showQueue()
	})

	window.addEventListener('online', () => {
		showConnection()
		flush()
	})
	window.addEventListener('offline', showConnection)
	showConnection()
	forgetOtherVolunteer(userId).then(keepPagesOffline)
	showQueue().then(flush)

	function showConnection() {
		if (offlineBanner) offlineBanner.hidden = navigator.onLine
	}

	/** Lists this person's waiting and refused visits. */
	async function showQueue() {
		const waiting = (await all('queue')).filter((v) => v.userId === userId)
		const refused = (await all('rejected')).filter((v) => v.userId === userId)
		if (queueBox) {
			queueBox.hidden = waiting.length === 0
			const summary = /** @type {HTMLElement} */ (queueBox.querySelector('[data-queue-summary]'))
			summary.textContent = fill(queueBox.dataset.msgWaiting, { count: waiting.length })
			const list = /** @type {HTMLElement} */ (queueBox.querySelector('[data-queue-list]'))
			list.replaceChildren(...waiting.map((v) => item(v, queueBox)))
		}
		if (rejectedBox) {
			rejectedBox.hidden = refused.length === 0
			const list = /** @type {HTMLElement} */ (rejectedBox.querySelector('[data-rejected-list]'))
			list.replaceChildren(
				...refused.map((v) => {
					const li = item(v, rejectedBox)
					const button = document.createElement('button')
					button.type = 'button'
					button.className = 'button'
					button.textContent = rejectedBox.dataset.msgDismiss || ''
					button.addEventListener('click', async () => {
						await remove('rejected', v.id)
						await showQueue()
					})
					li.append(' ', button)
					return li
				}),
			)
		}
	}

	/** Sends this person's waiting visits; drops each one the server answers for. */
	async function flush() {
		if (flushing || !navigator.onLine) return
		const mine = (await all('queue')).filter((v) => v.userId === userId)
		if (mine.length === 0) return
		flushing = true
		try {
			const batch = mine.slice(0, 50).map(({ id, visitedAt, fields }) => ({ id, visitedAt, fields }))
			let response = await post(batch)
			if (response.status === 403) {
				// A page kept offline may hold an earlier session's token: ask for the current one.
				const fresh = await fetch('/tiep-can/dong-bo', { headers: { Accept: 'application/json' } })
				const who = isJson(fresh) ? await fresh.json() : null
				if (!who || who.userId !== userId) throw new Error('signed out')
				csrf = who.csrf
				response = await post(batch)
			}
			if (!response.ok || !isJson(response)) throw new Error('signed out')
			/** @type {{ results: { id: string, outcome: string, message?: string }[] }} */
			const { results } = await response.json()
			let sent = 0
			for (const result of results) {
				const visit = mine.find((v) => v.id === result.id)
				if (!visit) continue
				if (result.outcome === 'rejected') await put('rejected', { ...visit, message: result.message || '' })
				else sent += 1
				await remove('queue', result.id)
			}
			if (status) {
				status.textContent = fill(status.dataset.msgSent, { count: sent })
				status.hidden = false
			}
		} catch (error) {
			if (status && /** @type {Error} */ (error).message === 'signed out') {
				status.textContent = status.dataset.msgSignIn || ''
				status.hidden = false
			}
		} finally {
			flushing = false
			await showQueue()
		}
		if ((await all('queue')).some((v) => v.userId === userId) && navigator.onLine) setTimeout(flush, 1000)
	}

	/** @param {unknown[]} batch */
	function post(batch) {
		const body = new FormData()
		body.set(CSRF_FIELD, csrf)
		body.set('visits', JSON.stringify(batch))
		return fetch('/tiep-can/dong-bo', { method: 'POST', body, headers: { Accept: 'application/json' } })
	}
}

/**
 * @param {QueuedVisit} visit
 * @param {HTMLElement} box
 */
function item(visit, box) {
	const li = document.createElement('li')
	const time = new Date(visit.visitedAt).toLocaleString(
		document.documentElement.lang === 'en' ? 'en-GB' : 'vi-VN',
		{
			hour: '2-digit',
			minute: '2-digit',
			day: '2-digit',
			month: '2-digit',
		},
	)
	li.textContent = fill(box.dataset.msgItem, { time, place: visit.place })
	if (visit.message) li.append(` — ${visit.message}`)
	return li
}

/**
 * Keeps this page, the pages it links to for offline use, and the styles and script they load, in the
 * cache the service worker answers from without network.
 */
async function keepPagesOffline() {
	if (!('serviceWorker' in navigator) || !('caches' in window)) return
	try {
		await navigator.serviceWorker.register('/sw.js', { scope: '/tiep-can' })
	} catch {
		return
	}
	if (!navigator.onLine) return
	const cache = await caches.open(CACHE_NAME)
	const assets = [
		...document.querySelectorAll('link[rel="stylesheet"][href^="/assets/"], script[src^="/assets/"]'),
	].map((el) => el.getAttribute('href') || el.getAttribute('src') || '')
	await cache.addAll(assets.filter(Boolean)).catch(() => {})
	const here = new URL(location.href)
	here.searchParams.delete('daGhi')
	const links = [
		here.pathname + here.search,
		...[...document.querySelectorAll('a[data-keep-offline]')].map((a) => a.getAttribute('href') || ''),
	]
	for (const href of new Set(links.filter(Boolean))) {
		if (!navigator.onLine) return
		try {
			const response = await fetch(href, { credentials: 'same-origin' })
			if (response.ok && !response.redirected) await cache.put(href, response)
		} catch {
			return
		}
	}
	const kept = /** @type {HTMLElement | null} */ (document.querySelector('[data-kept-status]'))
	if (kept) {
		kept.textContent = kept.dataset.msg || ''
		kept.hidden = false
	}
}

/**
 * A shared phone: pages kept for someone else hold their group's households. When a different person
 * uses the volunteer pages, those copies are removed (queued visits stay, each tagged with its owner).
 * @param {string} userId
 */
async function forgetOtherVolunteer(userId) {
	const owner = localStorage.getItem(OWNER_KEY)
	if (owner && owner !== userId && 'caches' in window) await caches.delete(CACHE_NAME)
	localStorage.setItem(OWNER_KEY, userId)
}

/** @returns {Promise<IDBDatabase>} */
function openDb() {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB_NAME, 1)
		request.onupgradeneeded = () => {
			request.result.createObjectStore('queue', { keyPath: 'id' })
			request.result.createObjectStore('rejected', { keyPath: 'id' })
		}
		request.onsuccess = () => resolve(request.result)
		request.onerror = () => reject(request.error)
	})
}

/**
 * @template T
 * @param {'queue' | 'rejected'} store
 * @param {IDBTransactionMode} mode
 * @param {(s: IDBObjectStore) => IDBRequest<T>} run
 * @returns {Promise<T>}
 */
async function withStore(store, mode, run) {
	const db = await openDb()
	return new Promise((resolve, reject) => {
		const tx = db.transaction(store, mode)
		const request = run(tx.objectStore(store))
		tx.oncomplete = () => {
			db.close()
			resolve(request.result)
		}
		tx.onerror = () => reject(tx.error)
	})
}

/**
 * @param {'queue' | 'rejected'} store
 * @returns {Promise<QueuedVisit[]>}
 */
async function all(store) {
	try {
		const rows = await withStore(store, 'readonly', (s) => s.getAll())
		return /** @type {QueuedVisit[]} */ (rows).sort((a, b) => a.visitedAt.localeCompare(b.visitedAt))
	} catch {
		return []
	}
}

/**
 * @param {'queue' | 'rejected'} store
 * @param {QueuedVisit} value
 */
function put(store, value) {
	return withStore(store, 'readwrite', (s) => s.put(value))
}

/**
 * @param {'queue' | 'rejected'} store
 * @param {string} id
 */
function remove(store, id) {
	return withStore(store, 'readwrite', (s) => s.delete(id))
}

/** @param {Response} response */
function isJson(response) {
	return !response.redirected && (response.headers.get('Content-Type') || '').includes('application/json')
}

/**
 * @param {string | undefined} template
 * @param {Record<string, string | number>} values
 */
function fill(template, values) {
	return (template || '').replace(/\{(\w+)\}/g, (match, name) =>
		name in values ? String(values[name]) : match,
	)
}

/** A random (version 4) UUID, also where crypto.randomUUID is missing (pages served over plain HTTP). */
function uuid() {
	if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
	const bytes = crypto.getRandomValues(new Uint8Array(16))
	bytes[6] = (bytes[6] & 0x0f) | 0x40
	bytes[8] = (bytes[8] & 0x3f) | 0x80
	const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}
