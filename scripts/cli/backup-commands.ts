import { SingleBar, Presets } from 'cli-progress';
import type { Command } from 'commander';
import { backupDatabase, restoreDatabase } from '../../server/modules/backup/backup';
import { withDatabase } from './open';

function bar() {
  const b = new SingleBar(
    { format: ' {bar} {value}/{total} tablas  {table}', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 },
    Presets.shades_classic,
  );
  let started = false;
  return {
    update(done: number, total: number, table: string) {
      if (!started) {
        b.start(total, 0, { table });
        started = true;
      }
      b.update(done, { table });
    },
    stop: () => started && b.stop(),
  };
}

export function registerBackupCommands(program: Command) {
  program
    .command('backup <file>')
    .description('Respaldar toda la base de datos en un archivo (.ndjson.gz)')
    .action(async (file: string) => {
      await withDatabase(async ({ pool }) => {
        const b = bar();
        const r = await backupDatabase(pool, file, (d, t, n) => b.update(d, t, n));
        b.stop();
        process.stdout.write(`Respaldo escrito en ${file}: ${r.rows} filas\n`);
      });
    });

  program
    .command('restore <file>')
    .description('Restaurar un respaldo (reemplaza TODOS los datos actuales)')
    .action(async (file: string) => {
      await withDatabase(async ({ pool }) => {
        const b = bar();
        const r = await restoreDatabase(pool, file, (d, t, n) => b.update(d, t, n));
        b.stop();
        process.stdout.write(`Respaldo restaurado: ${r.tables} tablas, ${r.rows} filas\n`);
      });
    });
}
