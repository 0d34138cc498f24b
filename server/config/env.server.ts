import path from 'node:path'
import { z } from 'zod'

const EnvSchema = z.object({
	NODE_ENV: z.enum(['development', 'production', 'test']).default('production'),
	PORT: z.coerce.number().int().min(1).max(65535).default(3000),
	HOST: z.string().default('0.0.0.0'),
	/** Public base URL, used in links, QR codes and OpenID redirects. */
	PUBLIC_URL: z.url().optional(),
	/** PostgreSQL server; when unset the embedded PGlite database in DATA_DIR is used. */
	DATABASE_URL: z
		.string()
		.regex(/^postgres(ql)?:\/\//, 'DATABASE_URL phải bắt đầu bằng postgres:// hoặc postgresql://')
		.optional(),
	/**
	 * Connections each app server keeps to PostgreSQL (docs/deploy.md: sizing); at least 2, as job
	 * setup holds one while pg-boss uses another (server/jobs/job-runner.server.ts).
	 */
	DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
	DATA_DIR: z.string().default('./data'),
	/** Demo mode seeds the demo ward, generates keys and runs the VNeID sandbox. */
	DEMO: z
		.enum(['0', '1', 'true', 'false'])
		.optional()
		.transform((v) => (v === undefined ? undefined : v === '1' || v === 'true')),
	/** 32-byte keys, base64: encryption of personal data and the keyed look-up hash. */
	DATA_ENCRYPTION_KEY: z.string().optional(),
	DATA_HASH_KEY: z.string().optional(),
	SESSION_SECRET: z.string().min(32).optional(),
	/** 32 bytes, base64: the secret each ward's certificate key pair is derived from (decision 013). */
	CERTIFICATE_SIGNING_KEY: z.string().optional(),
	VNEID_ISSUER: z.url().optional(),
	VNEID_CLIENT_ID: z.string().optional(),
	VNEID_CLIENT_SECRET: z.string().optional(),
	LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
	/**
	 * Optional language model for the assistants, any OpenAI-compatible API: base URL ending in /v1
	 * (…/v1/chat/completions), model name, key. Unset: grounded answers only, fully offline.
	 */
	LLM_BASE_URL: z.url().optional(),
	LLM_MODEL: z.string().min(1).optional(),
	LLM_API_KEY: z.string().optional(),
	LLM_TIMEOUT_MS: z.coerce.number().int().min(200).max(120_000).default(8000),
	/** Optional embeddings (…/v1/embeddings), blended with the lexical ranking when set. */
	EMBEDDINGS_BASE_URL: z.url().optional(),
	EMBEDDINGS_MODEL: z.string().min(1).optional(),
	EMBEDDINGS_API_KEY: z.string().optional(),
	/** Backups (docs/decisions/010-backups-and-operations.md): 32-byte key, base64; required outside demo mode. */
	BACKUP_ENCRYPTION_KEY: z.string().optional(),
	/** Folder for the nightly backup; unset: no scheduled backup. */
	BACKUP_DIR: z.string().optional(),
	BACKUP_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(14),
	/** Retention of personal data (server/privacy/retention.server.ts, the register's "how long"). */
	RETENTION_IMPORT_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
	RETENTION_ASSISTANT_QUESTION_DAYS: z.coerce.number().int().min(30).max(3650).default(365),
	/** Folder holding pg_dump and pg_restore when they are not the system's newest. */
	PG_BIN_DIR: z.string().optional(),
	/** Bearer token for /metrics from other machines; without it /metrics answers loopback only. */
	METRICS_TOKEN: z.string().min(16).optional(),
})

export type Env = z.infer<typeof EnvSchema> & { dataDir: string; databaseKind: 'pglite' | 'postgres' }

/** Reads and validates the environment once; exits with a clear message when it is wrong. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
	const parsed = EnvSchema.safeParse(source)
	if (!parsed.success) {
		const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`)
		throw new Error(`Biến môi trường không hợp lệ / invalid environment:\n${lines.join('\n')}`)
	}
	const env = parsed.data
	return {
		...env,
		dataDir: path.resolve(env.DATA_DIR),
		databaseKind: env.DATABASE_URL ? 'postgres' : 'pglite',
	}
}
