import { maskPersonalId, maskPhone } from '#server/security/personal-data.server.ts'
import { html, type SafeHtml } from '#server/vneid-sandbox/sandbox-html.server.ts'
import type { SandboxIdentity } from '#server/vneid-sandbox/sandbox-identities.ts'

export const SANDBOX_BRAND = 'VNeID — môi trường thử nghiệm'
export const SANDBOX_DISCLAIMER = '(không phải VNeID thật)'

interface Layout {
	basePath: string
	title: string
	body: SafeHtml
}

/** Every sandbox page: lang="vi", the test-environment banner, one h1 inside main. */
function layout({ basePath, title, body }: Layout): string {
	return html`<!doctype html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${title} — ${SANDBOX_BRAND}</title>
<link rel="stylesheet" href="${basePath}/static/sandbox.css">
</head>
<body>
<header class="banner"><p>${SANDBOX_BRAND} <span>${SANDBOX_DISCLAIMER}</span></p></header>
<main id="main">
${body}
</main>
</body>
</html>`.value
}

const sexLabel = { male: 'Nam', female: 'Nữ' } as const

function describeIdentity(identity: SandboxIdentity): string {
	const parts = [`Số định danh ${maskPersonalId(identity.personalId)}`]
	if (identity.birthDate) parts.push(`sinh năm ${identity.birthDate.slice(0, 4)}`)
	if (identity.sex) parts.push(sexLabel[identity.sex])
	return parts.join(' · ')
}

export interface LoginPageInput {
	basePath: string
	uid: string
	clientName: string
	identities: SandboxIdentity[]
	passcode: string
	/** Re-rendered after a wrong entry: what was typed and what is wrong. */
	typedPersonalId?: string
	error?: { field: 'personalId' | 'passcode'; message: string }
}

/** Login: pick a test identity in one tap, or type a personal ID number and the sandbox passcode. */
export function renderLoginPage(input: LoginPageInput): string {
	const { basePath, uid, error } = input
	const action = `${basePath}/interaction/${uid}/login`
	const idError = error?.field === 'personalId' ? error.message : undefined
	const passcodeError = error?.field === 'passcode' ? error.message : undefined
	return layout({
		basePath,
		title: 'Đăng nhập',
		body: html`
<h1>Đăng nhập bằng tài khoản định danh điện tử</h1>
<p>Ứng dụng <strong>${input.clientName}</strong> đề nghị bạn đăng nhập để xác nhận bạn là ai.</p>
<p class="notice">Đây là trang thử nghiệm của phần mềm hocvuso, thay cho VNeID thật khi chạy trình diễn hoặc kiểm thử.
Mọi danh tính ở đây đều là dữ liệu mẫu. Không nhập thông tin thật của bạn.</p>
${error ? html`<p class="error" role="alert">${error.message}</p>` : ''}
<section aria-labelledby="pick-title">
<h2 id="pick-title">Chọn một danh tính thử nghiệm</h2>
<form method="post" action="${action}">
<input type="hidden" name="method" value="pick">
<ul class="choices">
${input.identities.map(
	(
		identity,
	) => html`<li><button type="submit" class="choice" name="personalId" value="${identity.personalId}">
<span class="name">${identity.fullName}</span>
<span class="meta">${describeIdentity(identity)}</span>
${identity.noteVi ? html`<span class="meta">${identity.noteVi}</span>` : ''}
</button></li>
`,
)}
</ul>
</form>
</section>
<section aria-labelledby="type-title">
<h2 id="type-title">Hoặc nhập số định danh cá nhân</h2>
<form method="post" action="${action}">
<input type="hidden" name="method" value="typed">
<div class="field">
<label for="personalId">Số định danh cá nhân (12 chữ số)</label>
<input type="text" id="personalId" name="personalId" inputmode="numeric" autocomplete="off" maxlength="12"
 value="${input.typedPersonalId ?? ''}" aria-invalid="${idError ? 'true' : 'false'}"${idError ? html` aria-describedby="personalId-error"` : ''}>
${idError ? html`<p class="error" id="personalId-error">${idError}</p>` : ''}
</div>
<div class="field">
<label for="passcode">Mật mã (passcode)</label>
<input type="password" id="passcode" name="passcode" inputmode="numeric" autocomplete="off" maxlength="6"
 aria-describedby="passcode-hint${passcodeError ? ' passcode-error' : ''}" aria-invalid="${passcodeError ? 'true' : 'false'}">
<p class="hint" id="passcode-hint">Trong môi trường thử nghiệm, mật mã là <strong>${input.passcode}</strong>.</p>
${passcodeError ? html`<p class="error" id="passcode-error">${passcodeError}</p>` : ''}
</div>
<button type="submit" class="primary">Đăng nhập</button>
</form>
</section>
<form method="post" action="${basePath}/interaction/${uid}/abort" class="actions">
<button type="submit" class="secondary">Hủy, quay lại ứng dụng</button>
</form>`,
	})
}

export interface ConsentPageInput {
	basePath: string
	uid: string
	clientName: string
	identity: SandboxIdentity
	scopes: string[]
}

/** Consent: what the application will receive, and why; the phone number is optional. */
export function renderConsentPage({ basePath, uid, clientName, identity, scopes }: ConsentPageInput): string {
	const items = ['Số định danh cá nhân']
	if (scopes.includes('profile')) items.push('Họ và tên', 'Ngày sinh', 'Giới tính')
	const asksPhone = scopes.includes('phone') && identity.phone !== null
	return layout({
		basePath,
		title: 'Đồng ý chia sẻ thông tin',
		body: html`
<h1>Chia sẻ thông tin với ${clientName}</h1>
<p>Bạn đang đăng nhập là <strong>${identity.fullName}</strong> (số định danh ${maskPersonalId(identity.personalId)}).</p>
<form method="post" action="${basePath}/interaction/${uid}/confirm">
<p>Ứng dụng <strong>${clientName}</strong> sẽ nhận các thông tin sau, để phường đối chiếu với sổ theo dõi người dân
và ghi nhận quá trình học của bạn:</p>
<ul class="facts">${items.map((item) => html`<li>${item}</li>`)}</ul>
${
	asksPhone
		? html`<div class="check">
<input type="checkbox" id="sharePhone" name="sharePhone" value="yes">
<label for="sharePhone">Chia sẻ cả số điện thoại ${maskPhone(identity.phone ?? '')} (không bắt buộc)</label>
</div>`
		: ''
}
<div class="actions">
<button type="submit" class="primary">Đồng ý chia sẻ</button>
</div>
</form>
<form method="post" action="${basePath}/interaction/${uid}/abort" class="actions">
<button type="submit" class="secondary">Từ chối</button>
</form>`,
	})
}

export interface ErrorPageInput {
	basePath: string
	title: string
	message: string
	detail?: string
	backUrl?: string
}

/** Errors speak Vietnamese too; the provider's error code is shown for whoever debugs, never a stack. */
export function renderErrorPage({ basePath, title, message, detail, backUrl }: ErrorPageInput): string {
	return layout({
		basePath,
		title,
		body: html`
<h1>${title}</h1>
<p>${message}</p>
${detail ? html`<p class="hint">Chi tiết kỹ thuật: <code>${detail}</code></p>` : ''}
${backUrl ? html`<p><a href="${backUrl}">Quay lại ứng dụng</a></p>` : ''}`,
	})
}
