import { describeDatabaseOutage } from '#tests/multi-process/database-outage.ts'
import { describeEmbeddedCrash } from '#tests/multi-process/embedded-crash.ts'
import { testEngine } from '#tests/support/test-services.ts'

// Faults with real processes: on PostgreSQL the database goes away and comes back under a running
// app server; on PGlite the serving process is killed outright and started again.
if (testEngine() === 'postgres') describeDatabaseOutage()
else describeEmbeddedCrash()
