import { z } from 'zod'

/**
 * One line of the national procedure file (content/tthc/thu-tuc-hanh-chinh.jsonl.gz): a record as
 * published on the National Public Service Portal (Cổng Dịch vụ công quốc gia), field names as there.
 * Every field but the code, the name and the link may be empty; "Không có thông tin" means empty.
 */
export const NationalRecordSchema = z.object({
	ma_thu_tuc: z
		.string()
		.trim()
		.regex(/^[0-9A-Za-z][0-9A-Za-z.\-_]{0,39}$/, 'ma_thu_tuc không hợp lệ'),
	ten_thu_tuc: z.string().trim().min(1).max(2000),
	detail_url: z.string().trim().url().max(500),
	formality_id: z.string().optional().default(''),
	so_quyet_dinh: z.string().optional().default(''),
	cap_thuc_hien: z.string().optional().default(''),
	loai_thu_tuc: z.string().optional().default(''),
	linh_vuc: z.string().optional().default(''),
	doi_tuong_thuc_hien: z.string().optional().default(''),
	co_quan_co_tham_quyen: z.string().optional().default(''),
	dia_chi_tiep_nhan: z.string().optional().default(''),
	co_quan_duoc_uy_quyen: z.string().optional().default(''),
	co_quan_phoi_hop: z.string().optional().default(''),
	thu_tuc_lien_quan: z.string().optional().default(''),
	trinh_tu_thuc_hien: z.string().optional().default(''),
	cach_thuc_thuc_hien: z.string().optional().default(''),
	thanh_phan_ho_so: z.string().optional().default(''),
	can_cu_phap_ly: z.string().optional().default(''),
	co_quan_thuc_hien: z.string().optional().default(''),
	yeu_cau_dieu_kien: z.string().optional().default(''),
	ket_qua_xu_ly: z.string().optional().default(''),
	bo_nganh: z.string().optional().default(''),
})
export type NationalRecord = z.infer<typeof NationalRecordSchema>

/** Does a JSON object look like a national record (rather than a plain `{id, title, text}` document)? */
export function looksLikeNationalRecord(value: unknown): boolean {
	return !!value && typeof value === 'object' && 'ma_thu_tuc' in value && 'ten_thu_tuc' in value
}
