/* Plain data, safe to import in page components (no database code). */

/** The kinds of class the plan names (Part IV of the seed). */
export const classKinds = [
	/** Lớp học cộng đồng. */
	'community',
	/** Lớp cho người cao tuổi. */
	'elderly',
	/** Lớp cho người khuyết tật. */
	'disability',
	/** "Chợ số – Nông thôn số": the 4T class for small traders and farmers. */
	'digitalMarket',
	/** Học sinh. */
	'student',
	/** Bồi dưỡng, tập huấn cán bộ, công chức, viên chức. */
	'officialTraining',
	/** Sinh hoạt chuyên đề "Đảng viên tiên phong học tập kỹ năng số" in a party cell. */
	'partyCell',
] as const
export type ClassKind = (typeof classKinds)[number]
