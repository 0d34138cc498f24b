import os from 'node:os'
import { parseArgs } from 'node:util'
import { and, eq } from 'drizzle-orm'
import type { Command } from '#cli/command.ts'
import type { AppServices } from '#server/app-services.server.ts'
import { readEnv } from '#server/config/env.server.ts'
import { USERNAME_PATTERN } from '#server/identity/account-form-schemas.ts'
import { createUserAccount } from '#server/identity/create-user-account.server.ts'
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '#server/identity/password-rules.ts'
import { roleDefinitions } from '#server/identity/permissions.ts'
import { type Role, roles } from '#server/identity/schema.ts'
import { bootstrap, shutdown } from '#server/runtime/bootstrap.server.ts'
import { organizations, residentialGroups, wards } from '#server/ward/schema.ts'

const usage = [
	'hocvuso user create --username TÊN --role VAI_TRÒ --name "Họ và tên" [tùy chọn / options]',
	`  --role R           ${roles.join(' | ')}`,
	'  --scope-group MÃ   mã tổ dân phố (tổ trưởng, tình nguyện viên) / residential group code (groupLeader, volunteer)',
	'  --scope-org ID     id cơ quan, đơn vị (đầu mối) / organisation id (focalPoint)',
	'  --phone SỐ         để đăng nhập bằng số điện thoại (lưu mã hóa) / to sign in by phone (stored encrypted)',
	'  --ward MÃ          mã phường, khi CSDL có nhiều phường / ward code, when the database holds several',
	'  --password-stdin   đọc mật khẩu từ đầu vào chuẩn; nếu không, tạo mật khẩu tạm và in ra',
	'                     read the password from stdin; otherwise a temporary one is generated and printed',
	'Ví dụ / example: echo "mot cum tu de nho" | hocvuso user create --username quantri2 --role wardAdmin --name "Trần Văn A" --password-stdin',
]

export interface UserCreateIo {
	print(line: string): void
	readStdin(): Promise<string>
}

/** `user create` against given services; returns the exit code. */
export async function runUserCreate(
	services: AppServices,
	args: string[],
	io: UserCreateIo,
): Promise<number> {
	const { values } = parseArgs({
		args,
		options: {
			username: { type: 'string' },
			role: { type: 'string' },
			name: { type: 'string' },
			'scope-group': { type: 'string' },
			'scope-org': { type: 'string' },
			phone: { type: 'string' },
			ward: { type: 'string' },
			'password-stdin': { type: 'boolean', default: false },
		},
		strict: true,
	})
	const fail = (vi: string, en: string) => {
		io.print(`Lỗi / error: ${vi} / ${en}`)
		return 2
	}
	const username = values.username?.trim().toLowerCase() ?? ''
	if (!USERNAME_PATTERN.test(username))
		return fail('--username: 3–32 ký tự a-z 0-9 . _ -', '--username: 3–32 chars a-z 0-9 . _ -')
	if (!values.name?.trim()) return fail('thiếu --name', '--name is required')
	const role = values.role as Role
	if (!roles.includes(role))
		return fail(`--role phải là một trong ${roles.join(', ')}`, `--role must be one of ${roles.join(', ')}`)

	const db = services.db
	const wardRows = await db
		.select({ id: wards.id, code: wards.code })
		.from(wards)
		.where(values.ward ? eq(wards.code, values.ward) : undefined)
	if (wardRows.length !== 1) {
		return fail('không xác định được phường (dùng --ward MÃ)', 'cannot tell which ward (use --ward CODE)')
	}
	const wardId = (wardRows[0] as { id: string }).id

	let scopeId: string | null = null
	const kind = roleDefinitions[role].scopeKinds[0]
	if (kind === 'residentialGroup') {
		if (!values['scope-group'])
			return fail(`vai trò ${role} cần --scope-group`, `role ${role} needs --scope-group`)
		const [group] = await db
			.select({ id: residentialGroups.id })
			.from(residentialGroups)
			.where(and(eq(residentialGroups.wardId, wardId), eq(residentialGroups.code, values['scope-group'])))
		if (!group)
			return fail(
				`không có tổ dân phố mã ${values['scope-group']}`,
				`no residential group ${values['scope-group']}`,
			)
		scopeId = group.id
	} else if (kind === 'organization') {
		const orgId = values['scope-org'] ?? ''
		const [org] = /^[0-9a-f-]{36}$/i.test(orgId)
			? await db
					.select({ id: organizations.id })
					.from(organizations)
					.where(and(eq(organizations.wardId, wardId), eq(organizations.id, orgId)))
			: []
		if (!org)
			return fail(`vai trò ${role} cần --scope-org ID hợp lệ`, `role ${role} needs a valid --scope-org ID`)
		scopeId = org.id
	}

	let password: string | undefined
	if (values['password-stdin']) {
		password = (await io.readStdin()).replace(/\r?\n$/, '')
		if (password.length < PASSWORD_MIN_LENGTH || password.length > PASSWORD_MAX_LENGTH) {
			return fail(
				`mật khẩu cần ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} ký tự`,
				`the password needs ${PASSWORD_MIN_LENGTH}–${PASSWORD_MAX_LENGTH} characters`,
			)
		}
	}
	const actor = { userId: null, label: `cli:${os.userInfo().username}`, wardId }
	const created = await createUserAccount(
		services,
		{ actor, ip: null, requestId: null },
		{ wardId, username, displayName: values.name, phone: values.phone ?? null, role, scopeId, password },
	)
	if (!created.ok) {
		const messages = {
			usernameTaken: ['tên đăng nhập đã có người dùng', 'username already taken'],
			phoneTaken: ['số điện thoại đã gắn với tài khoản khác', 'phone number already in use'],
			invalidScope: ['phạm vi không hợp lệ cho vai trò', 'scope does not fit the role'],
		}[created.error]
		io.print(`Lỗi / error: ${messages[0]} / ${messages[1]}`)
		return 1
	}
	io.print(`Đã tạo tài khoản / account created: ${username} (${role})`)
	if (created.temporaryPassword) {
		io.print(`Mật khẩu tạm / temporary password: ${created.temporaryPassword}`)
		io.print('Người dùng phải đổi mật khẩu ở lần đăng nhập đầu. / They must change it at first sign-in.')
	}
	return 0
}

async function readAllStdin(): Promise<string> {
	const chunks: Buffer[] = []
	for await (const chunk of process.stdin) chunks.push(chunk as Buffer)
	return Buffer.concat(chunks).toString('utf8')
}

export const userCommand: Command = {
	summaryVi: 'Tạo tài khoản cán bộ, tình nguyện viên, giảng viên, giám sát',
	summaryEn: 'Create a staff, volunteer, instructor or auditor account',
	usage,
	async run(args) {
		if (args[0] !== 'create') {
			for (const line of usage) console.error(line)
			return 2
		}
		const env = readEnv()
		const services = await bootstrap({ env, demo: env.DEMO ?? !env.DATABASE_URL })
		try {
			return await runUserCreate(services, args.slice(1), {
				print: (l) => console.info(l),
				readStdin: readAllStdin,
			})
		} finally {
			await shutdown(services)
		}
	},
}
