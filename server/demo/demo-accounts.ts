import type { Role } from '#server/identity/schema.ts'
import type { Sex } from '#server/people/schema.ts'

export const DEMO_PASSWORD = 'HocVuSo@2026'

export interface DemoAccount {
	role: Role
	username: string
	password: string
	displayName: string
	labelVi: string
	/**
	 * For an account linked to a resident: the demo seed makes the first adult resident this person
	 * (name = displayName), so the VNeID sandbox's first citizen and this account are the same.
	 */
	resident?: { sex: Sex; birthYear: number }
}

/**
 * One demo account per role, created by the demo seed and printed by `npm start`. Scoped roles get
 * the first residential group / the first organisation of their kind in the demo ward. The learner
 * signs in through the VNeID sandbox, or with this password.
 */
export const demoAccounts: DemoAccount[] = [
	{
		role: 'wardAdmin',
		username: 'quantri',
		password: DEMO_PASSWORD,
		displayName: 'Nguyễn Thị Hồng Nhung',
		labelVi: 'Quản trị phường',
	},
	{
		role: 'steeringStaff',
		username: 'chidao',
		password: DEMO_PASSWORD,
		displayName: 'Trần Văn Thắng',
		labelVi: 'Ban Chỉ đạo / Ban Xây dựng Đảng',
	},
	{
		role: 'focalPoint',
		username: 'daumoi',
		password: DEMO_PASSWORD,
		displayName: 'Lê Thị Thu Hà',
		labelVi: 'Đầu mối đơn vị (trường tiểu học)',
	},
	{
		role: 'groupLeader',
		username: 'totruong',
		password: DEMO_PASSWORD,
		displayName: 'Hoàng Văn Bình',
		labelVi: 'Tổ trưởng tổ dân phố',
	},
	{
		role: 'volunteer',
		username: 'tinhnguyen',
		password: DEMO_PASSWORD,
		displayName: 'Đỗ Minh Quân',
		labelVi: 'Tổ Công nghệ số cộng đồng',
	},
	{
		role: 'instructor',
		username: 'giangvien',
		password: DEMO_PASSWORD,
		displayName: 'Phạm Thị Lan',
		labelVi: 'Giảng viên lớp cộng đồng',
	},
	{
		role: 'learner',
		username: 'hocvien',
		password: DEMO_PASSWORD,
		displayName: 'Vũ Văn Tư',
		labelVi: 'Người học (hoặc đăng nhập VNeID)',
		resident: { sex: 'male', birthYear: 1979 },
	},
	{
		role: 'auditor',
		username: 'giamsat',
		password: DEMO_PASSWORD,
		displayName: 'Ngô Thị Mai',
		labelVi: 'Giám sát (Mặt trận Tổ quốc)',
	},
]
