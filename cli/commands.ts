import type { Command } from '#cli/command.ts'
import { askCommand } from '#cli/commands/ask.ts'
import { auditCommand } from '#cli/commands/audit.ts'
import { backupCommand } from '#cli/commands/backup.ts'
import { devCommand } from '#cli/commands/dev.ts'
import { exportCommand } from '#cli/commands/export.ts'
import { importCommand } from '#cli/commands/import.ts'
import { kbCommand } from '#cli/commands/kb.ts'
import { keysCommand } from '#cli/commands/keys.ts'
import { migrateCommand } from '#cli/commands/migrate.ts'
import { reportCommand } from '#cli/commands/report.ts'
import { restoreCommand } from '#cli/commands/restore.ts'
import { seedCommand } from '#cli/commands/seed.ts'
import { serveCommand, startCommand } from '#cli/commands/serve.ts'
import { userCommand } from '#cli/commands/user.ts'

/** Every command of the CLI; later capabilities add theirs here. */
export const commands: Record<string, Command> = {
	start: startCommand,
	serve: serveCommand,
	dev: devCommand,
	migrate: migrateCommand,
	seed: seedCommand,
	keys: keysCommand,
	user: userCommand,
	audit: auditCommand,
	backup: backupCommand,
	import: importCommand,
	export: exportCommand,
	report: reportCommand,
	restore: restoreCommand,
	kb: kbCommand,
	ask: askCommand,
}
