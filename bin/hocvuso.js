#!/usr/bin/env node
// The operator's command-line tool. TypeScript sources run through tsx, so the CLI and the
// server share the domain modules without a separate build step.
import { register } from 'tsx/esm/api'

register()
const { main } = await import('../cli/main.ts')
process.exitCode = await main(process.argv.slice(2))
