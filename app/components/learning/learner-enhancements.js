// @ts-check
/*
 * The one script of the learner pages (/hoc/…), which are plain server-rendered HTML and work without
 * it (docs/decisions/009-learning-pages-without-hydration.md). It adds, where the browser can:
 * - the offline queue: a form posted while offline is kept in localStorage with an id made here, and
 *   sent to /hoc/dong-bo when the network is back; the server applies each id once (decision 010);
 * - reading position and time, sent when the page is left;
 * - read-aloud with the browser's own Vietnamese voice (nothing is downloaded);
 * - "keep this course offline" (Cache Storage) and the service worker that serves it (/sw.js).
 * Messages come from the page's data-msg-* attributes (the app's message catalogs).
 */

const QUEUE_KEY = 'hv-learn-queue-v1'
const OWNER_KEY = 'hv-learn-owner'
const COURSE_CACHE_PREFIX = 'hv-course-'

const root = /** @type {HTMLElement | null} */ (document.querySelector('[data-learn]'))
if (root) start(root)

/** @param {HTMLElement} page */
function start(page) {
	const userId = page.dataset.user || ''
	let csrf = page.dataset.csrf || ''
	const status = /** @type {HTMLElement | null} */ (document.querySelector('[data-queue-status]'))
	let flushing = false

	if ('serviceWorker' in navigator) {
		navigator.serviceWorker.register('/sw.js', { scope: '/hoc' }).catch(() => {})
	}
	forgetOtherUsersCourses(userId)

	document.addEventListener('submit', (event) => {
		const form = event.target
		if (!(form instanceof HTMLFormElement) || !form.dataset.learnForm) return
		const idField = /** @type {HTMLInputElement | null} */ (form.querySelector('input[name="activityId"]'))
		if (idField) idField.value = uuid()
		if (navigator.onLine) return
		// Offline: keep what the learner did, say so, and send it when the network is back.
		event.preventDefault()
		const activity = activityFromForm(form, page.dataset.lesson || '')
		if (!activity) return
		enqueue(userId, activity)
		const note = /** @type {HTMLElement | null} */ (form.querySelector('[data-offline-note]'))
		if (note) {
			note.textContent = note.dataset.msg || ''
			note.hidden = false
		}
		for (const field of form.querySelectorAll('input, button')) field.setAttribute('disabled', '')
		showQueue()
	})

	trackReading(page, userId, () => csrf)
	setUpReadAloud()
	setUpOfflineCourse(userId)
	window.addEventListener('online', () => flush())
	showQueue()
	flush()

	function showQueue() {
		const waiting = readQueue().filter((entry) => entry.userId === userId).length
		if (!status) return
		if (waiting === 0) return
		status.textContent = fill(status.dataset.msgWaiting, { count: waiting })
		status.hidden = false
	}

	/** Sends this person's queued activities; drops each one the server answers for. */
	async function flush() {
		if (flushing || !navigator.onLine) return
		const mine = readQueue().filter((entry) => entry.userId === userId)
		if (mine.length === 0) return
		flushing = true
		try {
			const batch = mine.slice(0, 200).map((entry) => entry.activity)
			let response = await post(batch)
			if (response.status === 403) {
				// A page kept offline may hold an earlier session's token: ask for the current one.
				const fresh = await fetch('/hoc/dong-bo', { headers: { Accept: 'application/json' } })
				const who = isJson(fresh) ? await fresh.json() : null
				if (!who || who.userId !== userId) throw new Error('signed out')
				csrf = who.csrf
				response = await post(batch)
			}
			if (!response.ok || !isJson(response)) throw new Error('signed out')
			const { results } = await response.json()
			const answered = new Set(results.map((/** @type {{ id: string }} */ r) => r.id))
			writeQueue(readQueue().filter((entry) => !answered.has(entry.activity.id)))
			if (status) {
				status.textContent = fill(status.dataset.msgSent, { count: answered.size })
				status.hidden = false
			}
			document.dispatchEvent(new CustomEvent('hv-learn-synced', { detail: { count: answered.size } }))
		} catch (error) {
			if (status && /** @type {Error} */ (error).message === 'signed out') {
				status.textContent = status.dataset.msgSignIn || ''
				status.hidden = false
			}
		} finally {
			flushing = false
		}
	}

	/** @param {unknown[]} batch */
	function post(batch) {
		const body = new FormData()
		body.set('csrf', csrf)
		body.set('activities', JSON.stringify(batch))
		return fetch('/hoc/dong-bo', { method: 'POST', body, headers: { Accept: 'application/json' } })
	}
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

/** @returns {{ userId: string, activity: { id: string } & Record<string, unknown> }[]} */
function readQueue() {
	try {
		const value = JSON.parse(localStorage.getItem(QUEUE_KEY) || '[]')
		return Array.isArray(value) ? value : []
	} catch {
		return []
	}
}

/** @param {ReturnType<typeof readQueue>} queue */
function writeQueue(queue) {
	localStorage.setItem(QUEUE_KEY, JSON.stringify(queue))
}

/**
 * @param {string} userId
 * @param {{ id: string } & Record<string, unknown>} activity
 */
function enqueue(userId, activity) {
	writeQueue([...readQueue(), { userId, activity }])
}

/**
 * The activity a learner form stands for, as the sync endpoint takes it.
 * @param {HTMLFormElement} form
 * @param {string} lessonId
 */
function activityFromForm(form, lessonId) {
	const data = new FormData(form)
	const id = String(data.get('activityId') || uuid())
	const occurredAt = new Date().toISOString()
	if (form.dataset.learnForm === 'complete') return { id, kind: 'lessonCompleted', lessonId, occurredAt }
	const values = data.getAll('answer').map(String)
	if (values.length === 0) return null
	const answer = form.dataset.kind === 'trueFalse' ? [values[0] === 'true'] : values
	return { id, kind: 'practiceAnswered', lessonId, itemId: form.dataset.item, answer, occurredAt }
}

/**
 * Reading time while the page is visible and the furthest section seen, reported when the learner
 * leaves the page (or hides it), by beacon when online and through the queue otherwise.
 * @param {HTMLElement} page
 * @param {string} userId
 * @param {() => string} token
 */
function trackReading(page, userId, token) {
	const lessonId = page.dataset.lesson
	if (!lessonId) return
	let reached = Number(page.dataset.position || 0)
	let reported = reached
	let seconds = 0
	let visibleSince = document.visibilityState === 'visible' ? Date.now() : 0
	const sections = document.querySelectorAll('.lesson-body h2[id^="muc-"]')
	if ('IntersectionObserver' in window) {
		const observer = new IntersectionObserver((entries) => {
			for (const entry of entries) {
				if (!entry.isIntersecting) continue
				reached = Math.max(reached, Number(entry.target.id.slice(4)) || 0)
			}
		})
		for (const section of sections) observer.observe(section)
	}
	const report = () => {
		if (visibleSince) seconds += (Date.now() - visibleSince) / 1000
		visibleSince = document.visibilityState === 'visible' ? Date.now() : 0
		if (seconds < 5 && reached === reported) return
		const activity = {
			id: uuid(),
			kind: 'positionSaved',
			lessonId,
			position: reached,
			seconds: Math.min(3600, Math.round(seconds)),
			occurredAt: new Date().toISOString(),
		}
		seconds = 0
		reported = reached
		if (navigator.onLine && typeof navigator.sendBeacon === 'function') {
			const body = new FormData()
			body.set('csrf', token())
			body.set('activities', JSON.stringify([activity]))
			if (navigator.sendBeacon('/hoc/dong-bo', body)) return
		}
		enqueue(userId, activity)
	}
	document.addEventListener('visibilitychange', () => {
		if (document.visibilityState === 'hidden') report()
		else visibleSince = Date.now()
	})
	window.addEventListener('pagehide', report)
}

/** Read-aloud with a Vietnamese voice of the browser, or an honest message when there is none. */
function setUpReadAloud() {
	const box = /** @type {HTMLElement | null} */ (document.querySelector('[data-read-aloud]'))
	if (!box) return
	box.hidden = false
	const status = /** @type {HTMLElement} */ (box.querySelector('[data-status]'))
	const play = /** @type {HTMLButtonElement} */ (box.querySelector('[data-play]'))
	const pause = /** @type {HTMLButtonElement} */ (box.querySelector('[data-pause]'))
	const stop = /** @type {HTMLButtonElement} */ (box.querySelector('[data-stop]'))
	const actions = /** @type {HTMLElement} */ (play.parentElement)
	const say = (/** @type {string | undefined} */ message) => {
		status.textContent = message || ''
	}
	if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') {
		say(box.dataset.msgUnsupported)
		actions.hidden = true
		return
	}
	const synth = window.speechSynthesis
	/** @type {HTMLElement | null} */
	let current = null
	const mark = (/** @type {HTMLElement | null} */ element) => {
		current?.classList.remove('reading')
		current = element
		current?.classList.add('reading')
	}
	const setButtons = (/** @type {'idle' | 'reading' | 'paused'} */ state) => {
		play.disabled = state === 'reading'
		pause.disabled = state !== 'reading'
		stop.disabled = state === 'idle'
	}
	findVietnameseVoice(synth).then((voice) => {
		if (!voice) {
			say(box.dataset.msgNoVoice)
			actions.hidden = true
			return
		}
		say(box.dataset.msgReady)
		setButtons('idle')
		play.addEventListener('click', () => {
			if (synth.paused) {
				synth.resume()
				setButtons('reading')
				say(box.dataset.msgReading)
				return
			}
			synth.cancel()
			const blocks = /** @type {HTMLElement[]} */ ([
				...document.querySelectorAll('[data-read], [data-read-body] > *'),
			]).filter((element) => (element.textContent || '').trim() !== '' || element.querySelector('img'))
			blocks.forEach((element, index) => {
				const image = element.querySelector('img')
				const text = (element.textContent || '').trim() || (image ? image.alt : '')
				const utterance = new SpeechSynthesisUtterance(text)
				utterance.voice = voice
				utterance.lang = voice.lang
				utterance.rate = 0.9
				utterance.onstart = () => mark(element)
				if (index === blocks.length - 1) {
					utterance.onend = () => {
						mark(null)
						setButtons('idle')
						say(box.dataset.msgFinished)
					}
				}
				synth.speak(utterance)
			})
			setButtons('reading')
			say(box.dataset.msgReading)
		})
		pause.addEventListener('click', () => {
			synth.pause()
			setButtons('paused')
			say(box.dataset.msgPaused)
		})
		stop.addEventListener('click', () => {
			synth.cancel()
			mark(null)
			setButtons('idle')
			say(box.dataset.msgReady)
		})
		window.addEventListener('pagehide', () => synth.cancel())
	})
}

/**
 * The browser's Vietnamese voice, if it has one. Voices load asynchronously: wait up to two seconds.
 * @param {SpeechSynthesis} synth
 * @returns {Promise<SpeechSynthesisVoice | null>}
 */
function findVietnameseVoice(synth) {
	const pick = () =>
		synth.getVoices().find((voice) => voice.lang.toLowerCase().replace('_', '-').startsWith('vi')) || null
	return new Promise((resolve) => {
		const found = pick()
		if (found) return resolve(found)
		const done = () => resolve(pick())
		synth.addEventListener('voiceschanged', () => {
			if (pick()) done()
		})
		setTimeout(done, 2000)
	})
}

/**
 * A course page's "keep for offline use": the pages and images the server lists, plus the styles and
 * scripts those pages load, go into one cache per course; the service worker answers from it offline.
 * @param {string} userId
 */
function setUpOfflineCourse(userId) {
	const box = /** @type {HTMLElement | null} */ (document.querySelector('[data-offline-course]'))
	if (!box || !('caches' in window) || !('serviceWorker' in navigator)) return
	box.hidden = false
	const cacheName = COURSE_CACHE_PREFIX + box.dataset.offlineCourse
	const status = /** @type {HTMLElement} */ (box.querySelector('[data-status]'))
	const save = /** @type {HTMLButtonElement} */ (box.querySelector('[data-save]'))
	const remove = /** @type {HTMLButtonElement} */ (box.querySelector('[data-remove]'))
	const refresh = async () => {
		const saved = await caches.has(cacheName)
		save.hidden = saved
		remove.hidden = !saved
		status.textContent = (saved ? box.dataset.msgSaved : box.dataset.msgNotSaved) || ''
	}
	save.addEventListener('click', async () => {
		save.disabled = true
		try {
			const listing = await fetch(box.dataset.manifest || '', { headers: { Accept: 'application/json' } })
			if (!isJson(listing) || !listing.ok) throw new Error('listing')
			/** @type {string[]} */
			const urls = (await listing.json()).urls
			const cache = await caches.open(cacheName)
			const assets = new Set()
			let done = 0
			for (const url of urls) {
				status.textContent = fill(box.dataset.msgSaving, { done, total: urls.length })
				const response = await fetch(url, { credentials: 'same-origin' })
				if (!response.ok || response.redirected) throw new Error(url)
				if ((response.headers.get('Content-Type') || '').includes('text/html')) {
					const html = await response.clone().text()
					for (const match of html.matchAll(/\/assets\/[\w.-]+/g)) assets.add(match[0])
				}
				await cache.put(url, response)
				done += 1
			}
			await cache.addAll([...assets])
			localStorage.setItem(OWNER_KEY, userId)
		} catch {
			await caches.delete(cacheName)
			status.textContent = box.dataset.msgFailed || ''
			save.disabled = false
			return
		}
		save.disabled = false
		await refresh()
	})
	remove.addEventListener('click', async () => {
		await caches.delete(cacheName)
		await refresh()
	})
	refresh()
}

/**
 * A shared phone: courses kept by someone else hold their pages (their name, their answers). When a
 * different person uses the learner pages, those copies are removed.
 * @param {string} userId
 */
async function forgetOtherUsersCourses(userId) {
	if (!('caches' in window)) return
	const owner = localStorage.getItem(OWNER_KEY)
	if (!owner || owner === userId) return
	for (const name of await caches.keys()) {
		if (name.startsWith(COURSE_CACHE_PREFIX)) await caches.delete(name)
	}
	localStorage.removeItem(OWNER_KEY)
}
