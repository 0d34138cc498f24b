import type { TargetGroupCode } from '#server/people/schema.ts'

export type TargetGroupDerivation = 'manual' | 'age' | 'household' | 'membership' | 'profile'

export interface StandardTargetGroup {
	code: TargetGroupCode
	nameVi: string
	nameEn: string
	/** Who belongs, in plain Vietnamese: shown to staff next to the group's name. */
	descriptionVi: string
	descriptionEn: string
	/** How membership is decided; all but `manual` are recomputed by refreshDerivedTargetGroups. */
	derivation: TargetGroupDerivation
	sortOrder: number
}

/**
 * The ten target groups (nhóm đối tượng) of the plan, in the order of its targets (Part III), then the
 * groups it names for priority support (IV.5.4). Rows of the target_group table: a ward may add its own.
 */
export const standardTargetGroups: readonly StandardTargetGroup[] = [
	{
		code: 'publicEmployee',
		nameVi: 'Cán bộ, công chức, viên chức và người lao động khu vực công',
		nameEn: 'Public-sector staff',
		descriptionVi:
			'Người đang làm việc tại cơ quan Đảng, chính quyền, Mặt trận, công an phường, trường học, trạm y tế trên địa bàn phường.',
		descriptionEn:
			'People working for the Party, government, Fatherland Front, ward police, schools or the health station in the ward.',
		derivation: 'membership',
		sortOrder: 1,
	},
	{
		code: 'student',
		nameVi: 'Học sinh từ cấp tiểu học',
		nameEn: 'Students from primary school up',
		descriptionVi:
			'Học sinh đang học tại trường tiểu học, trung học cơ sở, trung học phổ thông (từ năm đủ 6 tuổi); không tính trẻ mầm non.',
		descriptionEn:
			'Pupils of primary, lower and upper secondary schools (from the year they turn 6); not pre-school children.',
		derivation: 'membership',
		sortOrder: 2,
	},
	{
		code: 'adultCitizen',
		nameVi: 'Người dân trưởng thành (từ đủ 18 tuổi)',
		nameEn: 'Adult citizens (18 and over)',
		descriptionVi: 'Mọi người dân trong sổ theo dõi của phường đã đủ 18 tuổi.',
		descriptionEn: 'Everyone in the ward registry who is 18 or older.',
		derivation: 'age',
		sortOrder: 3,
	},
	{
		code: 'enterpriseWorker',
		nameVi: 'Người lao động trong doanh nghiệp, hợp tác xã',
		nameEn: 'Enterprise and cooperative workers',
		descriptionVi:
			'Người đang làm việc tại doanh nghiệp, hợp tác xã trên địa bàn phường (công nhân, nhân viên, quản lý).',
		descriptionEn: 'Workers, staff and managers of enterprises and cooperatives in the ward.',
		derivation: 'membership',
		sortOrder: 4,
	},
	{
		code: 'communityTechTeam',
		nameVi: 'Thành viên Tổ Công nghệ số cộng đồng',
		nameEn: 'Community digital technology team members',
		descriptionVi:
			'Thành viên các Tổ Công nghệ số cộng đồng ở tổ dân phố, do Chủ tịch UBND phường quyết định thành lập.',
		descriptionEn: 'Members of the community digital technology teams of the residential groups.',
		derivation: 'membership',
		sortOrder: 5,
	},
	{
		code: 'digitalAmbassador',
		nameVi: 'Đại sứ số',
		nameEn: 'Digital ambassadors',
		descriptionVi:
			'Tình nguyện viên đã được tập huấn, hướng dẫn lại cho người khác; phường chỉ định từng người.',
		descriptionEn: 'Trained volunteers who teach others; the ward appoints each one.',
		derivation: 'manual',
		sortOrder: 6,
	},
	{
		code: 'elderly',
		nameVi: 'Người cao tuổi (từ đủ 60 tuổi)',
		nameEn: 'Older people (60 and over)',
		descriptionVi: 'Người dân từ đủ 60 tuổi trở lên (Luật Người cao tuổi 2009).',
		descriptionEn: 'Residents aged 60 or over (Law on the Elderly, 2009).',
		derivation: 'age',
		sortOrder: 7,
	},
	{
		code: 'disabled',
		nameVi: 'Người khuyết tật',
		nameEn: 'People with disabilities',
		descriptionVi: 'Người dân được ghi nhận là người khuyết tật trong sổ theo dõi của phường.',
		descriptionEn: 'Residents recorded as having a disability in the ward registry.',
		derivation: 'profile',
		sortOrder: 8,
	},
	{
		code: 'ethnicMinority',
		nameVi: 'Người dân tộc thiểu số',
		nameEn: 'Ethnic-minority people',
		descriptionVi: 'Người dân thuộc dân tộc khác dân tộc Kinh (Tày, Nùng, Sán Dìu, Dao…).',
		descriptionEn: 'Residents of an ethnic group other than Kinh (Tày, Nùng, Sán Dìu, Dao…).',
		derivation: 'profile',
		sortOrder: 9,
	},
	{
		code: 'poorHousehold',
		nameVi: 'Người thuộc hộ nghèo, hộ cận nghèo',
		nameEn: 'Members of poor and near-poor households',
		descriptionVi: 'Mọi thành viên của hộ nghèo hoặc hộ cận nghèo theo kết quả rà soát hằng năm của phường.',
		descriptionEn: "Every member of a household the ward's annual review lists as poor or near-poor.",
		derivation: 'household',
		sortOrder: 10,
	},
]

/** Codes recomputed from the registry; everything else is assigned by hand. */
export const derivedTargetGroupCodes: readonly TargetGroupCode[] = standardTargetGroups
	.filter((group) => group.derivation !== 'manual')
	.map((group) => group.code)
