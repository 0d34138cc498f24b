import { describeEmbeddedDatabaseProcess } from '#tests/multi-process/embedded-database-process.ts'
import { describeManyAppServers } from '#tests/multi-process/many-app-servers.ts'
import { testEngine } from '#tests/support/test-services.ts'

// Real `hocvuso` processes (node bin/hocvuso.js serve | backup | restore | user | seed) against this
// run's engine: on PostgreSQL, two app servers behaving as one installation; on PGlite, one process
// per data folder, with backup and restore around it.
if (testEngine() === 'postgres') describeManyAppServers()
else describeEmbeddedDatabaseProcess()
