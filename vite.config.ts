import { reactRouter } from '@react-router/dev/vite'
import { defineConfig } from 'vite'

export default defineConfig({
	plugins: [reactRouter()],
	build: { target: 'es2022' },
	ssr: {
		// Native and WASM packages must stay external in the server build.
		external: ['@electric-sql/pglite', '@node-rs/argon2', 'pg', 'pg-boss', 'oidc-provider'],
	},
})
