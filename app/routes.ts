import { index, type RouteConfig, route } from '@react-router/dev/routes'

// The one place where every route is declared. Paths are Vietnamese (what people see in the
// address bar); module names are English.
export default [
	index('routes/home.tsx'),
	route('healthz', 'routes/healthz.ts'),
	route('tuy-chon', 'routes/preferences.ts'),
	route('dang-nhap', 'routes/sign-in.tsx'),
	route('dang-xuat', 'routes/sign-out.tsx'),
	route('tai-khoan', 'routes/account.tsx'),
	route('quan-tri/tai-khoan', 'routes/admin-accounts.tsx'),
	route('quan-tri/tai-khoan/tao-moi', 'routes/admin-account-new.tsx'),
	route('quan-tri/tai-khoan/:userId', 'routes/admin-account.tsx'),
	route('quan-tri/nhat-ky', 'routes/admin-audit.tsx'),
	route('dang-nhap/vneid', 'routes/vneid-start.tsx'),
	route('dang-nhap/vneid/callback', 'routes/vneid-callback.tsx'),
	route('dang-nhap/vneid/chua-doi-chieu', 'routes/vneid-unmatched.tsx'),
	route('nguoi-dan', 'routes/residents.tsx'),
	route('nguoi-dan/:residentId', 'routes/resident.tsx'),
	route('nguoi-dan/:residentId/sua', 'routes/resident-edit.tsx'),
	route('nguoi-dan/:residentId/chuyen-ho', 'routes/resident-move.tsx'),
	route('ho-gia-dinh/:householdId', 'routes/household.tsx'),
	route('*', 'routes/not-found.tsx'),
] satisfies RouteConfig
