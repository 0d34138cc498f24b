// @ts-check
/*
 * The one script of the assistant's public pages (/tro-ly, /thu-tuc/…), which are plain server-rendered
 * HTML and work without it. It adds read-aloud of the answer with the browser's own Vietnamese voice
 * (nothing is downloaded), or says plainly that the device has no Vietnamese voice. Messages come from
 * the page's data-msg-* attributes (the app's message catalogs).
 */

const box = /** @type {HTMLElement | null} */ (document.querySelector('[data-assistant-read-aloud]'))
if (box) setUpReadAloud(box)

/** @param {HTMLElement} box */
function setUpReadAloud(box) {
	box.hidden = false
	const status = /** @type {HTMLElement} */ (box.querySelector('[data-status]'))
	const play = /** @type {HTMLButtonElement} */ (box.querySelector('[data-play]'))
	const stop = /** @type {HTMLButtonElement} */ (box.querySelector('[data-stop]'))
	const say = (/** @type {string | undefined} */ message) => {
		status.textContent = message || ''
	}
	if (!('speechSynthesis' in window) || typeof SpeechSynthesisUtterance === 'undefined') {
		say(box.dataset.msgUnsupported)
		play.hidden = true
		stop.hidden = true
		return
	}
	const synth = window.speechSynthesis
	findVietnameseVoice(synth).then((voice) => {
		if (!voice) {
			say(box.dataset.msgNoVoice)
			play.hidden = true
			stop.hidden = true
			return
		}
		say(box.dataset.msgReady)
		play.disabled = false
		play.addEventListener('click', () => {
			synth.cancel()
			const blocks = /** @type {HTMLElement[]} */ ([...document.querySelectorAll('[data-read]')]).filter(
				(element) => (element.textContent || '').trim() !== '',
			)
			blocks.forEach((element, index) => {
				const utterance = new SpeechSynthesisUtterance((element.textContent || '').trim())
				utterance.voice = voice
				utterance.lang = voice.lang
				utterance.rate = 0.9
				if (index === blocks.length - 1) {
					utterance.onend = () => {
						stop.disabled = true
						say(box.dataset.msgFinished)
					}
				}
				synth.speak(utterance)
			})
			stop.disabled = false
			say(box.dataset.msgReading)
		})
		stop.addEventListener('click', () => {
			synth.cancel()
			stop.disabled = true
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
		synth.addEventListener('voiceschanged', () => {
			if (pick()) resolve(pick())
		})
		setTimeout(() => resolve(pick()), 2000)
	})
}
