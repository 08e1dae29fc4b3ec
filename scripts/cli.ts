/**
 * Carpeta's command line: `npm run cli -- <command>`. Commands call the same server commands
 * as HTTP (same rules, same locks, same audit with via = 'cli').
 */
import { Command } from 'commander';
import { registerBackupCommands } from './cli/backup-commands';
import { registerImportCommands } from './cli/import-commands';
import { registerUserCommands } from './cli/user-commands';

const program = new Command();
program.name('carpeta').description('Línea de comandos de Carpeta').showHelpAfterError();
registerUserCommands(program);
registerBackupCommands(program);
registerImportCommands(program);

program.parseAsync(process.argv).catch((err: unknown) => {
  process.stderr.write(`Error: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
