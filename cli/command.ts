export interface Command {
	summaryVi: string
	summaryEn: string
	/** Usage lines, flags described in both languages. */
	usage: string[]
	run(args: string[]): Promise<number>
}
