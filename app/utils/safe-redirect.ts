/** Only same-site paths are followed, so a crafted link cannot send people elsewhere. */
export function safeRedirectPath(to: FormDataEntryValue | string | null | undefined, fallback = '/'): string {
	if (typeof to !== 'string' || !to.startsWith('/') || to.startsWith('//') || to.startsWith('/\\')) {
		return fallback
	}
	return to
}
