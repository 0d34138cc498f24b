import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { readEnv } from '#server/config/env.server.ts'

// The README's promise: with nothing set, `npm start` serves on port 3000 from ./data on PGlite.

describe('readEnv', () => {
	test('defaults: port 3000, data folder ./data, the embedded database', () => {
		const env = readEnv({})
		expect(env.PORT).toBe(3000)
		expect(env.dataDir).toBe(path.resolve('data'))
		expect(env.databaseKind).toBe('pglite')
		expect(env.DEMO).toBeUndefined()
	})

	test('PORT and DATA_DIR override them; DATABASE_URL switches to PostgreSQL', () => {
		const env = readEnv({
			PORT: '4100',
			DATA_DIR: '/srv/hocvuso',
			DATABASE_URL: 'postgres://u@db/hocvuso',
			DEMO: '0',
		})
		expect(env.PORT).toBe(4100)
		expect(env.dataDir).toBe('/srv/hocvuso')
		expect(env.databaseKind).toBe('postgres')
		expect(env.DEMO).toBe(false)
	})

	test('refuses a wrong value with a message in both languages, naming the variable', () => {
		expect(() => readEnv({ PORT: 'ba nghìn' })).toThrow(
			/Biến môi trường không hợp lệ \/ invalid environment:\n {2}PORT:/,
		)
		expect(() => readEnv({ DATABASE_URL: 'mysql://x' })).toThrow(
			/DATABASE_URL phải bắt đầu bằng postgres:\/\//,
		)
	})
})
