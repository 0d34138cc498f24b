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
	'privacy.consent.link': 'Sự đồng ý của người này',
	'privacy.consent.title': 'Sự đồng ý về dữ liệu cá nhân',
	'privacy.consent.intro':
		'Ngoài nhiệm vụ của phường, một số việc chỉ được làm khi người dân đồng ý (Nghị định 13/2023/NĐ-CP, Điều 11). Mỗi lần đồng ý hay rút lại đều được lưu.',
	'privacy.consent.purpose.learningProfile': 'Dùng quá trình học để gợi ý bài học tiếp theo',
	'privacy.consent.purpose.outreachContact': 'Tình nguyện viên gọi điện, nhắn tin hẹn đến hướng dẫn',
	'privacy.consent.purpose.publicRecognition': 'Nêu tên khi biểu dương, khen thưởng, đưa tin về phong trào',
	'privacy.consent.purpose.photos': 'Chụp, đăng ảnh có hình người này làm minh chứng hoạt động',
	'privacy.consent.decision.given': 'Đồng ý',
	'privacy.consent.decision.withdrawn': 'Không đồng ý / đã rút lại',
	'privacy.consent.notAsked': 'Chưa hỏi',
	'privacy.consent.method.paper': 'Phiếu giấy có chữ ký',
	'privacy.consent.method.inPerson': 'Trực tiếp, có người chứng kiến',
	'privacy.consent.method.online': 'Tự chọn trên hệ thống',
	'privacy.consent.caption': 'Tình trạng đồng ý theo từng mục đích',
	'privacy.consent.col.purpose': 'Mục đích',
	'privacy.consent.col.state': 'Hiện tại',
	'privacy.consent.col.when': 'Ghi nhận',
	'privacy.consent.recordedBy': '{when}, {method}, do {name} ghi',
	'privacy.consent.recordedSelf': '{when}, {method}',
	'privacy.consent.historyTitle': 'Lịch sử',
	'privacy.consent.formTitle': 'Ghi nhận một quyết định',
	'privacy.consent.field.purpose': 'Mục đích',
	'privacy.consent.field.decision': 'Quyết định của người dân',
	'privacy.consent.field.method': 'Cách ghi nhận',
	'privacy.consent.field.note': 'Ghi chú (không bắt buộc)',
	'privacy.consent.noteHint': 'Ví dụ: số phiếu, nơi ký. Không ghi số định danh hay số điện thoại.',
	'privacy.consent.submit': 'Lưu quyết định',
	'privacy.consent.saved': 'Đã lưu quyết định.',
	'privacy.consent.error.purpose': 'Hãy chọn mục đích.',
	'privacy.consent.error.decision': 'Hãy chọn đồng ý hoặc không đồng ý.',
	'privacy.consent.error.method': 'Hãy chọn cách ghi nhận.',
	'privacy.consent.error.note': 'Ghi chú tối đa 200 ký tự.',
	'privacy.consent.erased': 'Dữ liệu cá nhân của người này đã được xóa theo yêu cầu: không ghi nhận thêm.',
	'privacy.mine.title': 'Dữ liệu của tôi',
	'privacy.mine.body':
		'Bạn có quyền biết phường đang lưu gì về mình, tải về một bản và quyết định những việc cần bạn đồng ý. Muốn sửa hay xóa dữ liệu, hãy liên hệ bộ phận một cửa của phường.',
	'privacy.mine.download': 'Tải toàn bộ dữ liệu của tôi (.json)',
	'privacy.mine.notice': 'Phường lưu dữ liệu gì và vì sao',
	'privacy.mine.notLinked':
		'Tài khoản của bạn chưa được gắn với hồ sơ người dân của phường, nên chưa có dữ liệu để tải hay sự đồng ý để chọn.',
	'privacy.mine.give': 'Đồng ý',
	'privacy.mine.withdraw': 'Rút lại',
	'privacy.notice.title': 'Dữ liệu cá nhân: phường lưu gì và vì sao',
	'privacy.notice.intro':
		'Ủy ban nhân dân {ward} là bên kiểm soát dữ liệu cá nhân trong hệ thống Bình dân học vụ số, theo Nghị định 13/2023/NĐ-CP và Luật Bảo vệ dữ liệu cá nhân 2025. Trang này liệt kê mọi loại dữ liệu được lưu.',
	'privacy.notice.introNoWard':
		'Ủy ban nhân dân phường là bên kiểm soát dữ liệu cá nhân trong hệ thống Bình dân học vụ số, theo Nghị định 13/2023/NĐ-CP và Luật Bảo vệ dữ liệu cá nhân 2025. Trang này liệt kê mọi loại dữ liệu được lưu.',
	'privacy.notice.data': 'Dữ liệu',
	'privacy.notice.purpose': 'Để làm gì',
	'privacy.notice.basis': 'Căn cứ',
	'privacy.notice.access': 'Ai được xem',
	'privacy.notice.retention': 'Lưu trong bao lâu',
	'privacy.notice.sensitive': 'Dữ liệu nhạy cảm',
	'privacy.notice.consentTitle': 'Những việc cần bạn đồng ý',
	'privacy.notice.consentBody':
		'Bạn có thể đồng ý hoặc rút lại bất cứ lúc nào: tại trang Tài khoản của tôi, hoặc báo với cán bộ phường, tổ trưởng, tình nguyện viên.',
	'privacy.notice.rightsTitle': 'Quyền của bạn',
	'privacy.notice.rights':
		'Được biết; đồng ý hoặc rút lại sự đồng ý; xem và tải dữ liệu của mình; yêu cầu sửa; yêu cầu xóa (thông tin định danh bị xóa, chỉ giữ số liệu thống kê); phản đối, hạn chế xử lý; khiếu nại. Hãy đến bộ phận một cửa của phường hoặc dùng trang Tài khoản của tôi.',
	'privacy.notice.security':
		'Số định danh và số điện thoại được mã hóa; mọi lần xem hay sửa dữ liệu đều được ghi nhật ký; dữ liệu không được bán hay chia sẻ cho mục đích thương mại.',
	'privacy.footer.link': 'Dữ liệu cá nhân',
} as const
