export type LogLevel = 'debug' | 'info' | 'warn' | 'error'
export type LogSetting = LogLevel | 'silent'

const rank: Record<LogSetting, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 }

export type LogFields = Record<string, string | number | boolean | null | undefined>

/** Structured logs: one JSON object per line on stdout (journald, Docker and Loki read them as is). */
export interface Logger {
	debug(msg: string, fields?: LogFields): void
	info(msg: string, fields?: LogFields): void
	warn(msg: string, fields?: LogFields): void
	error(msg: string, fields?: LogFields): void
	/** A logger that adds `fields` to every line. */
	child(fields: LogFields): Logger
}

export interface LoggerOptions {
	level?: LogSetting
	/** Where lines go; stdout by default (tests capture them). */
	write?: (line: string) => void
	base?: LogFields
}

/**
 * A small JSON-lines logger. Callers pass fields they chose, never whole objects, so a log line
 * cannot carry personal data by accident; free text from errors goes through `redactText` first.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
	const threshold = rank[options.level ?? 'info']
	const write = options.write ?? ((line: string) => process.stdout.write(`${line}\n`))
	const base = options.base ?? {}
	const emit = (level: LogLevel, msg: string, fields?: LogFields) => {
		if (rank[level] < threshold) return
		write(JSON.stringify({ time: new Date().toISOString(), level, msg, ...base, ...fields }))
	}
	return {
		debug: (msg, fields) => emit('debug', msg, fields),
		info: (msg, fields) => emit('info', msg, fields),
		warn: (msg, fields) => emit('warn', msg, fields),
		error: (msg, fields) => emit('error', msg, fields),
		child: (fields) => createLogger({ ...options, base: { ...base, ...fields } }),
	}
}

/**
 * Removes what could identify a person from free text (error messages, PostgreSQL details): runs of
 * 9+ digits (personal ID and phone numbers, Decree 13/2023/NĐ-CP), e-mail addresses, and the values
 * PostgreSQL quotes in constraint errors ("Key (username)=(…)"). A safety net, not a licence to log
 * personal data.
 */
export function redactText(text: string, maxLength = 500): string {
	return text
		.replace(/\)=\((?:[^()]|\([^()]*\))*\)/g, ')=(…)')
		.replace(/[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g, '[email]')
		.replace(/\+?\d[\d .-]{7,}\d/g, (run) => (run.replace(/\D/g, '').length >= 9 ? '[digits]' : run))
		.slice(0, maxLength)
}

/**
 * The fields logged for an error: its class, code, redacted message, and where it was thrown (the
 * stack's frames only: file names and lines, never the message again).
 */
export function errorFields(error: unknown): LogFields {
	if (!(error instanceof Error)) return { errorType: typeof error }
	const code = (error as { code?: unknown }).code
	const frames = (error.stack ?? '')
		.split('\n')
		.filter((line) => /^\s+at /.test(line))
		.slice(0, 8)
		.map((line) => line.trim().slice(3))
	return {
		errorType: error.name,
		errorCode: typeof code === 'string' || typeof code === 'number' ? code : undefined,
		errorMessage: redactText(error.message),
		errorFrames: frames.join(' | ') || undefined,
	}
}
