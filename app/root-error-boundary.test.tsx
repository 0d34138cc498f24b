import { renderToString } from 'react-dom/server'
import {
	createStaticHandler,
	createStaticRouter,
	data,
	Outlet,
	StaticRouterProvider,
	useRouteError,
} from 'react-router'
import { describe, expect, test } from 'vitest'
import { ErrorBoundary } from '#app/root.tsx'
import { allowConsoleError } from '#tests/support/console-guard.ts'

// The root error boundary, rendered the way the server renders it when a page's loader fails: a
// Vietnamese (or, for those who chose it, English) page with the status, and nothing of the error.

const SECRET = 'connect ECONNREFUSED 10.0.0.5:5432'
const STACK_FRAME = 'at Pool.connect (/srv/hocvuso/node_modules/pg/lib/pool.js:45:11)'

/** The root module's boundary, given the error the way React Router gives it to route modules. */
function Boundary() {
	const props = { error: useRouteError() } as Parameters<typeof ErrorBoundary>[0]
	return <ErrorBoundary {...props} />
}

function NeverRendered() {
	return null
}

async function renderFailingPage(locale: 'vi' | 'en', fail: () => never): Promise<string> {
	const routes = [
		{
			id: 'root',
			path: '/',
			loader: () => ({
				prefs: { locale, textSize: 'normal', contrast: 'normal' },
				wardName: 'Phường Thử Nghiệm',
				viewer: null,
				csrfToken: 'token',
			}),
			Component: Outlet,
			ErrorBoundary: Boundary,
			children: [{ path: 'trang', loader: fail, Component: NeverRendered }],
		},
	]
	const handler = createStaticHandler(routes)
	const context = await handler.query(new Request('http://localhost/trang'))
	if (context instanceof Response) throw new Error(`unexpected response ${context.status}`)
	const router = createStaticRouter(handler.dataRoutes, context)
	return renderToString(<StaticRouterProvider router={router} context={context} hydrate={false} />)
}

function crash(): never {
	const error = new Error(SECRET)
	error.stack = `Error: ${SECRET}\n    ${STACK_FRAME}`
	throw error
}

describe('the error page', () => {
	test('an unexpected failure: 500 in Vietnamese, with the way home, and not a word of the error', async () => {
		allowConsoleError(SECRET) // the boundary logs it on the server, for the operator
		const html = await renderFailingPage('vi', crash)
		expect(html).toContain('<h1 id="error-title">Đã có lỗi xảy ra</h1>')
		expect(html).toContain('Mã lỗi: 500')
		expect(html).toContain('Về trang chủ')
		expect(html).toContain('Phường Thử Nghiệm')
		expect(html).not.toContain('ECONNREFUSED')
		expect(html).not.toContain('10.0.0.5')
		expect(html).not.toMatch(/node_modules|pool\.js|\bat \S+ \(/)
	})

	test('in English for someone who chose English', async () => {
		allowConsoleError(SECRET)
		const html = await renderFailingPage('en', crash)
		expect(html).toContain('<h1 id="error-title">Something went wrong</h1>')
		expect(html).toContain('Error code: 500')
		expect(html).not.toContain('ECONNREFUSED')
	})

	test('a refusal keeps its status and says it plainly: 403', async () => {
		const html = await renderFailingPage('vi', () => {
			throw data({ reason: 'forbidden', detail: SECRET }, { status: 403 })
		})
		expect(html).toContain('<h1 id="error-title">Không có quyền truy cập</h1>')
		expect(html).toContain('Mã lỗi: 403')
		expect(html).not.toContain('ECONNREFUSED')
	})
})
