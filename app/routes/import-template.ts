import { requirePermission } from '#server/identity/policy.server.ts'
import { buildImportTemplate } from '#server/people/import/build-import-template.server.ts'
import type { Route } from './+types/import-template'

/** `/nguoi-dan/nhap/mau.xlsx`: the resident list template with its instructions sheet. */
export async function loader({ request, context }: Route.LoaderArgs) {
	await requirePermission(request, context, 'people.import')
	const bytes = await buildImportTemplate()
	return new Response(new Uint8Array(bytes), {
		headers: {
			'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'Content-Disposition': `attachment; filename="mau-danh-sach-nhan-khau.xlsx"`,
			'Cache-Control': 'private, max-age=3600',
		},
	})
}
