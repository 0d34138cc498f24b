/**
 * The evaluation set of the procedure assistant: questions written the way people in a ward ask them
 * (spoken words, with and without diacritics, typing slips, words run together), each with the national
 * procedure codes (ma_thu_tuc) that answer it — several when more than one record fits equally (e.g.
 * the same procedure for households and for organisations). Written before the ranking was tuned, and
 * never tuned question by question: when a question fails, fix the general cause (a synonym, a weight),
 * not the question. `npm run eval -- assistant` prints recall@1, recall@5 and MRR over this list.
 */
export interface EvalQuestion {
	q: string
	expect: string[]
	/** What the question exercises. */
	tags: ('accents' | 'noAccents' | 'typo' | 'noSpaces' | 'colloquial' | 'long')[]
}

export const procedureQuestions: EvalQuestion[] = [
	// Hộ tịch
	{ q: 'Làm giấy khai sinh cho con cần những gì?', expect: ['1.001193'], tags: ['accents', 'colloquial'] },
	{ q: 'lam giay khai sinh cho con can giay to gi', expect: ['1.001193'], tags: ['noAccents', 'colloquial'] },
	{ q: 'dang ky khai sinh', expect: ['1.001193'], tags: ['noAccents'] },
	{ q: 'dangkykhaisinh', expect: ['1.001193'], tags: ['noSpaces'] },
	{ q: 'đăng kí khai sinh cho bé mới sinh', expect: ['1.001193'], tags: ['accents', 'colloquial'] },
	{
		q: 'khai sinh cho con ngoai gia thu',
		expect: ['1.000689', '1.001193'],
		tags: ['noAccents', 'colloquial'],
	},
	{
		q: 'Bố mẹ chưa đăng ký kết hôn thì khai sinh cho con và nhận cha thế nào',
		expect: ['1.000689'],
		tags: ['accents', 'long'],
	},
	{ q: 'mất giấy khai sinh xin lại bản sao', expect: ['2.000635'], tags: ['accents', 'colloquial'] },
	{ q: 'xin ban sao giay khai sinh', expect: ['2.000635'], tags: ['noAccents'] },
	{ q: 'trích lục khai sinh ở đâu', expect: ['2.000635'], tags: ['accents', 'colloquial'] },
	{
		q: 'ngày xưa chưa làm khai sinh giờ đăng ký lại được không',
		expect: ['1.004884', '1.004772'],
		tags: ['accents', 'long'],
	},
	{ q: 'báo tử cho bố mới mất', expect: ['1.000656'], tags: ['accents', 'colloquial'] },
	{ q: 'lam giay chung tu', expect: ['1.000656'], tags: ['noAccents', 'colloquial'] },
	{ q: 'đăng ký khai tử', expect: ['1.000656'], tags: ['accents'] },
	{ q: 'dang ky ket hon can giay to gi', expect: ['1.000894'], tags: ['noAccents'] },
	{ q: 'đăng kí kết hôn', expect: ['1.000894'], tags: ['accents'] },
	{ q: 'dang ky ket hon voi nguoi nuoc ngoai', expect: ['2.000806'], tags: ['noAccents'] },
	{
		q: 'lấy chồng Hàn Quốc thì đăng ký kết hôn ở đâu',
		expect: ['2.000806'],
		tags: ['accents', 'colloquial'],
	},
	{ q: 'giấy xác nhận độc thân', expect: ['1.004873'], tags: ['accents', 'colloquial'] },
	{ q: 'xin giay xac nhan doc than de cuoi', expect: ['1.004873'], tags: ['noAccents', 'colloquial'] },
	{ q: 'xac nhan tinh trang hon nhan', expect: ['1.004873'], tags: ['noAccents'] },
	{ q: 'xác nhận tình trạng hôn nhận', expect: ['1.004873'], tags: ['accents', 'typo'] },
	{ q: 'sửa tên trong giấy khai sinh bị sai', expect: ['1.004859'], tags: ['accents', 'colloquial'] },
	{ q: 'cai chinh ho tich', expect: ['1.004859'], tags: ['noAccents'] },
	{ q: 'xác định lại dân tộc cho con', expect: ['1.004859'], tags: ['accents'] },
	{ q: 'nhan cha cho con', expect: ['1.001022'], tags: ['noAccents', 'colloquial'] },
	{ q: 'đăng ký giám hộ cho cháu', expect: ['1.004837'], tags: ['accents'] },
	{ q: 'nhận con nuôi trong nước', expect: ['2.001263'], tags: ['accents'] },
	{
		q: 'khai sinh cho tre duoi 6 tuoi kem the bao hiem y te',
		expect: ['2.001023', '2.000986'],
		tags: ['noAccents', 'long'],
	},
	{ q: 'đăng ký lại kết hôn vì mất giấy', expect: ['1.004746'], tags: ['accents'] },
	// Chứng thực
	{ q: 'công chứng giấy tờ ở phường', expect: ['2.000815'], tags: ['accents', 'colloquial'] },
	{ q: 'cong chung ban sao can cuoc', expect: ['2.000815'], tags: ['noAccents', 'colloquial'] },
	{ q: 'photo công chứng bằng tốt nghiệp', expect: ['2.000815'], tags: ['accents', 'colloquial'] },
	{ q: 'sao y ban chinh', expect: ['2.000815'], tags: ['noAccents', 'colloquial'] },
	{ q: 'chứng thực bản sao', expect: ['2.000815'], tags: ['accents'] },
	{ q: 'chung thuc chu ky', expect: ['2.000884'], tags: ['noAccents'] },
	{ q: 'công chứng chữ ký giấy ủy quyền', expect: ['2.000884'], tags: ['accents', 'colloquial'] },
	{ q: 'làm di chúc ở phường', expect: ['2.001019'], tags: ['accents'] },
	{ q: 'chia thừa kế nhà đất', expect: ['2.001406'], tags: ['accents', 'colloquial'] },
	{ q: 'tu choi nhan thua ke', expect: ['2.001016'], tags: ['noAccents', 'colloquial'] },
	{ q: 'chứng thực hợp đồng mua bán đất', expect: ['2.001035'], tags: ['accents'] },
	// Cư trú
	{ q: 'nhập hộ khẩu cho con', expect: ['1.004222'], tags: ['accents', 'colloquial'] },
	{ q: 'nhap khau ve nha chong', expect: ['1.004222'], tags: ['noAccents', 'colloquial'] },
	{ q: 'đăng ký thường trú', expect: ['1.004222'], tags: ['accents'] },
	{ q: 'dang ky thuong tru', expect: ['1.004222'], tags: ['noAccents'] },
	{ q: 'dangky thuongtru', expect: ['1.004222'], tags: ['noSpaces'] },
	{ q: 'đăng ký tạm trú cho người thuê trọ', expect: ['1.004194'], tags: ['accents'] },
	{ q: 'dang ky tam tru', expect: ['1.004194'], tags: ['noAccents'] },
	{ q: 'dang ki tam tru', expect: ['1.004194'], tags: ['noAccents', 'typo'] },
	{ q: 'gia hạn tạm trú', expect: ['1.002755'], tags: ['accents'] },
	{ q: 'cắt hộ khẩu chuyển đi nơi khác', expect: ['1.003197'], tags: ['accents', 'colloquial'] },
	{ q: 'tách hộ khẩu ra riêng', expect: ['1.010038'], tags: ['accents', 'colloquial'] },
	{ q: 'tach khau', expect: ['1.010038'], tags: ['noAccents', 'colloquial'] },
	{ q: 'khai báo tạm vắng đi làm xa', expect: ['1.003677'], tags: ['accents'] },
	{ q: 'giấy xác nhận cư trú ct07', expect: ['1.010041'], tags: ['accents', 'colloquial'] },
	{ q: 'xac nhan cu tru', expect: ['1.010041'], tags: ['noAccents'] },
	{ q: 'có khách đến ở nhờ phải báo lưu trú không', expect: ['2.001159'], tags: ['accents', 'colloquial'] },
	// Căn cước, định danh
	{ q: 'làm căn cước cho con dưới 14 tuổi', expect: ['1.014062'], tags: ['accents'] },
	{ q: 'lam can cuoc', expect: ['1.014061'], tags: ['noAccents', 'colloquial'] },
	{ q: 'làm cccd lần đầu', expect: ['1.014061'], tags: ['accents', 'colloquial'] },
	{ q: 'đổi căn cước công dân hết hạn', expect: ['1.014063'], tags: ['accents', 'colloquial'] },
	{ q: 'mat can cuoc cong dan lam lai', expect: ['1.014064'], tags: ['noAccents', 'colloquial'] },
	{ q: 'cấp lại thẻ căn cước', expect: ['1.014064'], tags: ['accents'] },
	{ q: 'xác nhận số chứng minh nhân dân cũ', expect: ['1.012566'], tags: ['accents', 'colloquial'] },
	{ q: 'kích hoạt định danh mức 2', expect: ['3.000228'], tags: ['accents', 'colloquial'] },
	{ q: 'tai khoan dinh danh dien tu muc 2', expect: ['3.000228'], tags: ['noAccents'] },
	{
		q: 'sửa sai thông tin trong cơ sở dữ liệu dân cư',
		expect: ['1.012564', '1.014066'],
		tags: ['accents', 'long'],
	},
	// Đất đai, xây dựng, hạ tầng
	{ q: 'làm sổ đỏ lần đầu', expect: ['1.013978', '1.012753'], tags: ['accents', 'colloquial'] },
	{ q: 'lam so do', expect: ['1.013978', '1.012753'], tags: ['noAccents', 'colloquial'] },
	{ q: 'hòa giải tranh chấp đất đai', expect: ['1.012812'], tags: ['accents'] },
	{ q: 'tranh chap dat voi hang xom', expect: ['1.012812', '1.013967'], tags: ['noAccents', 'colloquial'] },
	{ q: 'xin giấy phép xây dựng nhà ở', expect: ['1.013225'], tags: ['accents'] },
	{ q: 'xin phep xay nha', expect: ['1.013225'], tags: ['noAccents', 'colloquial'] },
	{ q: 'xin chặt cây xanh trước nhà', expect: ['1.002693'], tags: ['accents', 'colloquial'] },
	{ q: 'muon dung rap dam cuoi tren via he', expect: ['1.013274'], tags: ['noAccents', 'colloquial'] },
	{ q: 'đăng ký mua nhà ở xã hội', expect: ['1.014632'], tags: ['accents'] },
	{ q: 'khai lệ phí trước bạ nhà đất', expect: ['1.007277'], tags: ['accents'] },
	// Bảo hiểm
	{ q: 'rút bảo hiểm xã hội một lần', expect: ['1.001613'], tags: ['accents', 'colloquial'] },
	{ q: 'rut bhxh 1 lan', expect: ['1.001613'], tags: ['noAccents', 'colloquial'] },
	{ q: 'hưởng chế độ thai sản', expect: ['2.000693'], tags: ['accents'] },
	{ q: 'tien thai san khi sinh con', expect: ['2.000693'], tags: ['noAccents', 'colloquial'] },
	{ q: 'chế độ ốm đau bảo hiểm', expect: ['1.001667'], tags: ['accents'] },
	{ q: 'lĩnh lương hưu hộ bố mẹ', expect: ['1.001601'], tags: ['accents', 'colloquial'] },
	{ q: 'cấp lại thẻ bảo hiểm y tế bị mất', expect: ['1.002759', '1.001294', '1.001327'], tags: ['accents'] },
	{ q: 'dong bao hiem xa hoi tu nguyen', expect: ['1.002179'], tags: ['noAccents'] },
	{ q: 'trợ cấp tuất khi người đóng bảo hiểm chết', expect: ['2.000821'], tags: ['accents', 'colloquial'] },
	// Giảm nghèo, kinh doanh, thuế
	{ q: 'xin hộ nghèo', expect: ['1.011607', '1.011606'], tags: ['accents', 'colloquial'] },
	{ q: 'cong nhan ho can ngheo', expect: ['1.011607', '1.011606'], tags: ['noAccents'] },
	{ q: 'đăng ký thoát nghèo', expect: ['1.011608', '1.011606'], tags: ['accents'] },
	{ q: 'mở quán tạp hóa cần giấy phép kinh doanh gì', expect: ['1.001612'], tags: ['accents', 'colloquial'] },
	{ q: 'dang ky ho kinh doanh', expect: ['1.001612'], tags: ['noAccents'] },
	{ q: 'đăng ký hộ kinh doanhh', expect: ['1.001612'], tags: ['accents', 'typo'] },
	{ q: 'tạm ngừng kinh doanh hộ cá thể', expect: ['1.001570'], tags: ['accents'] },
	{ q: 'dong cua hang khong ban nua', expect: ['1.001266'], tags: ['noAccents', 'colloquial'] },
	{ q: 'đăng ký mã số thuế cá nhân lần đầu', expect: ['1.008498'], tags: ['accents'] },
	// Giao thông, xuất nhập cảnh, tư pháp
	{ q: 'đăng ký xe máy mới mua', expect: ['1.013067', '1.012575'], tags: ['accents', 'colloquial'] },
	{ q: 'sang ten xe may cu', expect: ['1.013076'], tags: ['noAccents', 'colloquial'] },
	{ q: 'đổi bằng lái xe', expect: ['3.000347'], tags: ['accents', 'colloquial'] },
	{ q: 'mat bang lai xe', expect: ['3.000348'], tags: ['noAccents', 'colloquial'] },
	{ q: 'làm hộ chiếu đi nước ngoài', expect: ['1.001456', '1.001471'], tags: ['accents', 'colloquial'] },
	{ q: 'mất hộ chiếu báo ở đâu', expect: ['1.010386', '1.010385', '1.001445'], tags: ['accents'] },
	{ q: 'xin phieu ly lich tu phap', expect: ['3.000333'], tags: ['noAccents'] },
	{ q: 'đăng ký cai nghiện tự nguyện', expect: ['3.000527'], tags: ['accents'] },
	{
		q: 'giay chung nhan co so du dieu kien an toan thuc pham',
		expect: ['2.001827'],
		tags: ['noAccents', 'long'],
	},
	{ q: 'khieu nai quyet dinh hanh chinh cua cong an', expect: ['1.004335', '1.000178'], tags: ['noAccents'] },
	// Typing slips and run-together words
	{ q: 'dang ky khia sinh', expect: ['1.001193'], tags: ['noAccents', 'typo'] },
	{ q: 'đăng ký thương trú', expect: ['1.004222'], tags: ['accents', 'typo'] },
	{ q: 'chung thuc ban sa', expect: ['2.000815'], tags: ['noAccents', 'typo'] },
	{ q: 'xacnhantinhtranghonnhan', expect: ['1.004873'], tags: ['noSpaces'] },
	{ q: 'dang ky ket hno', expect: ['1.000894'], tags: ['noAccents', 'typo'] },
	{ q: 'cap doi the can cuco', expect: ['1.014063'], tags: ['noAccents', 'typo'] },
]

/**
 * Questions the knowledge base cannot answer (it holds no such procedure, or they are not about
 * procedures): the assistant must say it did not find one rather than answer with a wrong record.
 */
export const unanswerableQuestions: string[] = [
	'cách nấu phở bò ngon',
	'thời tiết ngày mai thế nào',
	'trợ cấp cho người già trên 80 tuổi',
	'xin học bổng cho con học đại học',
	'mua vé tàu đi Hà Nội',
	'giá vàng hôm nay',
	'cách chữa đau lưng',
	'tro cap nguoi khuyet tat hang thang',
]
