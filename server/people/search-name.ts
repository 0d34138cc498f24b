/**
 * Folds Vietnamese text for matching typed with or without diacritics: "Nguyễn Văn Đức" → "nguyen van duc".
 * NFD splits letters from their marks, which are then dropped; đ/Đ carry no combining mark, so they are
 * mapped explicitly. Used for `resident.searchName` and for the search box, so both sides fold the same way.
 */
export function foldVietnamese(text: string): string {
	return text
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.replace(/đ/g, 'd')
		.replace(/Đ/g, 'D')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim()
}
