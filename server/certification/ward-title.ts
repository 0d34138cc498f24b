/**
 * "Phường Sông Công" from the ward's kind and name. Ward names are stored as the ward calls itself, often
 * with the kind already in front ("Phường Sông Công"): the kind is added only when it is missing, so a
 * certificate never reads "Phường Phường …".
 */
export function wardTitle(kind: 'ward' | 'commune', name: string): string {
	const prefix = kind === 'commune' ? 'Xã' : 'Phường'
	return name.toLocaleLowerCase('vi').startsWith(`${prefix.toLocaleLowerCase('vi')} `)
		? name
		: `${prefix} ${name}`
}
