export const privacyVi = {
	'privacy.section.title': 'Quyền của người dân đối với dữ liệu cá nhân',
	'privacy.section.body':
		'Khi người dân yêu cầu (Nghị định 13/2023/NĐ-CP): cung cấp cho họ toàn bộ dữ liệu đang lưu, hoặc xóa dữ liệu cá nhân.',
	'privacy.export.link': 'Tải toàn bộ dữ liệu của người này (.json)',
	'privacy.erase.link': 'Xóa dữ liệu cá nhân theo yêu cầu',
	'privacy.erase.title': 'Xóa dữ liệu cá nhân theo yêu cầu',
	'privacy.erase.intro':
		'Người dân có quyền yêu cầu xóa dữ liệu cá nhân của mình (Nghị định 13/2023/NĐ-CP, Điều 16). Bạn sắp xóa dữ liệu của {name} (sinh năm {year}).',
	'privacy.erase.removed':
		'Sẽ xóa: họ tên, ngày sinh, số định danh, số điện thoại, dân tộc, khuyết tật, nghề nghiệp, quan hệ với chủ hộ, các nhóm đối tượng nhạy cảm và mọi ghi chú về người này.',
	'privacy.erase.kept':
		'Được giữ để số liệu thống kê không sai: giới tính, năm sinh, tổ dân phố, tình trạng, mức VNeID, kết quả học tập và chứng nhận (không còn gắn với tên).',
	'privacy.erase.account':
		'Tài khoản đăng nhập gắn với người này (nếu có) bị khóa và đăng xuất khỏi mọi thiết bị.',
	'privacy.erase.exportFirst':
		'Việc xóa không thể hoàn tác. Nếu người dân muốn giữ một bản, hãy tải dữ liệu trước.',
	'privacy.erase.reason': 'Lý do, căn cứ yêu cầu',
	'privacy.erase.reasonHint':
		'Ví dụ: Đơn đề nghị của người dân ngày 01/12/2026. Không ghi số định danh hay số điện thoại.',
	'privacy.erase.confirm': 'Tôi đã kiểm tra yêu cầu và xác nhận xóa dữ liệu cá nhân của {name}.',
	'privacy.erase.submit': 'Xóa dữ liệu cá nhân',
	'privacy.erase.formError': 'Hãy ghi lý do (ít nhất 5 ký tự) và đánh dấu ô xác nhận.',
	'privacy.erase.conflict': 'Hồ sơ vừa được người khác thay đổi. Hãy tải lại trang, kiểm tra rồi làm lại.',
	'privacy.erase.already': 'Dữ liệu cá nhân của người này đã được xóa theo yêu cầu.',
} as const
