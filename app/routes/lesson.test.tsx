import { renderToString } from 'react-dom/server'
import {
	type AppLoadContext,
	createStaticHandler,
	createStaticRouter,
	StaticRouterProvider,
	useActionData,
	useLoaderData,
} from 'react-router'
import { afterAll, beforeAll, expect, test } from 'vitest'
import { createSession } from '#server/identity/session.server.ts'
import { createIdentityWard, createUserWithRole } from '#server/identity/testing/identity-fixtures.ts'
import { applyLesson } from '#server/learning/apply-published-content.server.ts'
import { assertInertHtml } from '#server/learning/content/testing/assert-inert-html.ts'
import { contentHashOf } from '#server/learning/content-hash.ts'
import { importLearningContent } from '#server/learning/import-content.server.ts'
import { readLessonRevision } from '#server/learning/lesson-authoring.server.ts'
import { createTestServices, type TestServices } from '#tests/support/test-services.ts'
import Lesson, { loader } from './lesson.tsx'

// Content that never passed the authoring checks (a row written by hand, an older version, a file edited
// on the server): the lesson page must still show it as text and run nothing.
const hostileBody = [
	'Chào bạn <script>alert("a")</script> và <img src=x onerror="alert(1)">',
	'',
	'<iframe src="https://example.com"></iframe>',
	'',
	'[bấm vào đây](javascript:alert(2)) và [đây nữa](  JaVaScRiPt:alert(3)) và [dữ liệu](data:text/html,<b>x</b>)',
	'',
	'![ảnh lạ](https://example.com/track.png) ![ảnh](vneid-levels.svg "tiêu đề" onload="x")',
	'',
	'![Hai mức tài khoản](vneid-levels.svg) ![không khai báo](never-share-otp.svg)',
	'',
	'## Mục có <b onclick="alert(4)">HTML</b>',
	'',
	'<a href="javascript:alert(5)">liên kết HTML</a> &lt;script&gt;',
].join('\n')

let services: TestServices
let cookie: string

beforeAll(async () => {
	services = await createTestServices()
	await importLearningContent(services.db)
	const ward = await createIdentityWard(services)
	const user = await createUserWithRole(services, ward, 'learner', { residentId: ward.residents[2] })
	cookie = `hv_session=${(await createSession(services, { userId: user.id, ip: '127.0.0.1', userAgent: 'vitest' })).token}`
	const original = (await readLessonRevision(services.db, 'vneid-what-is', 1))!.data
	const data = { ...original, id: 'vneid-hostile', order: 9, body: hostileBody }
	await services.db.transaction((tx) =>
		applyLesson(tx, data, { revision: 1, contentHash: contentHashOf(data) }),
	)
})
afterAll(async () => {
	await services.close()
})

/** Renders /hoc/bai/:lessonId as the server does: the route's loader, then its component, to HTML. */
async function renderLessonPage(lessonId: string): Promise<string> {
	const context = { app: services, requestId: 'lesson-test', clientIp: '127.0.0.1' } as AppLoadContext
	const routes = [
		{
			id: 'root',
			path: '/',
			loader: () => ({ prefs: { locale: 'vi' }, csrfToken: 'csrf-test' }),
			children: [
				{
					id: 'lesson',
					path: 'hoc/bai/:lessonId',
					loader: (args: Parameters<typeof loader>[0]) => loader({ ...args, context }),
					Component: LessonPage,
				},
			],
		},
	]
	const handler = createStaticHandler(routes as never)
	const request = new Request(`http://localhost/hoc/bai/${lessonId}`, { headers: { Cookie: cookie } })
	const handlerContext = await handler.query(request)
	if (handlerContext instanceof Response) throw new Error(`unexpected response ${handlerContext.status}`)
	const router = createStaticRouter(handler.dataRoutes, handlerContext)
	return renderToString(<StaticRouterProvider router={router} context={handlerContext} hydrate={false} />)
}

function LessonPage() {
	const loaderData = useLoaderData()
	const actionData = useActionData()
	const Page = Lesson as unknown as (props: { loaderData: unknown; actionData: unknown }) => React.ReactNode
	return <Page loaderData={loaderData} actionData={actionData} />
}

test('the lesson page shows raw HTML from content as text and carries no script, handler or unsafe link', async () => {
	const page = await renderLessonPage('vneid-hostile')
	const body = /<div class="lesson-body"[^>]*>([\s\S]*?)<\/div><section/.exec(page)?.[1]
	expect(body, 'lesson body rendered').toBeDefined()
	assertInertHtml(body!, '/hoc/anh/vneid/')
	expect(body).toContain('&lt;script&gt;alert(&quot;a&quot;)&lt;/script&gt;')
	expect(body).toContain('&lt;iframe')
	expect(body).toContain('<img src="/hoc/anh/vneid/vneid-levels.svg"')
	// The whole page: no script but the learner pages' own, no event handler attribute, no javascript: address.
	const scripts = [...page.matchAll(/<script[^>]*>/gi)].map((m) => m[0])
	expect(scripts).toHaveLength(1)
	expect(scripts[0]).toMatch(/^<script src="[^"]*learner-enhancements[^"]*\.js" defer="">$/)
	expect(page).not.toMatch(/<[a-z]+[^>]*\son[a-z]+=/i)
	expect(page).not.toMatch(/(href|src)="\s*(javascript|data):/i)
})

test('the page holds no answer key before the learner answers', async () => {
	const page = await renderLessonPage('vneid-what-is')
	const original = (await readLessonRevision(services.db, 'vneid-what-is', 1))!.data
	for (const item of original.practice) {
		expect(page).toContain(item.prompt)
		expect(page).not.toContain(item.explanation)
	}
	expect(page).not.toMatch(/Đáp án đúng|Đúng rồi/)
})
