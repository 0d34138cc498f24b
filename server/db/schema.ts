// The one list of tables, for Drizzle's relational queries and drizzle-kit. Each domain owns its file.

export * from '#server/assessment/schema.ts'
export * from '#server/assistant/schema.ts'
export * from '#server/audit/schema.ts'
export * from '#server/certification/schema.ts'
export * from '#server/identity/schema.ts'
export * from '#server/indicators/schema.ts'
export * from '#server/learning/schema.ts'
export * from '#server/people/import-jobs/schema.ts'
export * from '#server/people/schema.ts'
export * from '#server/procedures/schema.ts'
export * from '#server/ward/schema.ts'
