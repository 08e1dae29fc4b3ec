/**
 * `npm run cli -- import-catalogue <file>` and `import-annex <file> --ot <folio>`: the same
 * preview and commit commands as the web wizard (same checks, locks and audit, via = 'cli'),
 * with a progress bar: rows read, then validation, then the commit.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Presets, SingleBar } from 'cli-progress';
import type { Command } from 'commander';
import { sql } from 'drizzle-orm';
import { CapRule } from '../../contracts/annex';
import { CatalogueFormat } from '../../contracts/catalogue';
import { isDomainError } from '../../domain/errors';
import { findAnnexJob } from '../../server/modules/annex-imports/annex-imports.repository';
import { commitAnnexImport } from '../../server/modules/annex-imports/commands/commit-annex-import';
import { previewAnnexImport } from '../../server/modules/annex-imports/commands/preview-annex-import';
import { findCatalogueJob } from '../../server/modules/catalogue/catalogue-jobs.repository';
import { commitCatalogueImport } from '../../server/modules/catalogue/commands/commit-catalogue-import';
import { previewCatalogueImport } from '../../server/modules/catalogue/commands/preview-catalogue-import';
import { withDatabase } from './open';

const STAGES = ['Leyendo', 'Validando', 'Guardando', 'Listo'] as const;

function progress() {
  const bar = new SingleBar(
    { format: ' {bar} {stage} · {rows} filas leídas', hideCursor: true, noTTYOutput: true, notTTYSchedule: 2000 },
    Presets.shades_classic,
  );
  let rows = 0;
  bar.start(STAGES.length - 1, 0, { stage: STAGES[0], rows });
  return {
    rowsRead(n: number) {
      rows = n;
      bar.update({ rows });
    },
    stage(i: 1 | 2 | 3) {
      bar.update(i, { stage: STAGES[i], rows });
    },
    stop: () => bar.stop(),
  };
}

function printErrors(errors: { sheet: string; row: number; column: string; reason_es: string }[]) {
  for (const e of errors.slice(0, 50)) process.stderr.write(`  ${e.sheet} fila ${e.row} [${e.column}]: ${e.reason_es}\n`);
  if (errors.length > 50) process.stderr.write(`  … y ${errors.length - 50} más (descargue el XLSX de errores desde la web)\n`);
}

async function run<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (isDomainError(error)) throw new Error(error.message);
    throw error;
  }
}

export function registerImportCommands(program: Command) {
  program
    .command('import-catalogue <file>')
    .description('Importar el catálogo del contrato (Anexo C, 8 hojas) o la hoja de PUE (PUE´s BME)')
    .option('--format <format>', 'contract | pue', 'contract')
    .option('--contract <number>', 'número de contrato (se crea si no existe)')
    .option('--preview', 'solo mostrar la vista previa, sin guardar')
    .action(async (file: string, opts: { format: string; contract?: string; preview?: boolean }) => {
      const format = CatalogueFormat.parse(opts.format);
      const bytes = await readFile(file);
      await withDatabase(({ db }, ctx) =>
        run(async () => {
          const bar = progress();
          const { id } = await previewCatalogueImport(db, ctx, {
            format,
            contractNumber: opts.contract,
            fileName: path.basename(file),
            bytes,
            onProgress: (n) => bar.rowsRead(n),
          });
          bar.stage(1);
          const job = (await findCatalogueJob(db, id))!;
          const c = job.preview.counts;
          if (job.errorCount > 0 || opts.preview) {
            bar.stop();
            process.stdout.write(
              `Vista previa ${id}: ${c.total} partidas (${c.new} nuevas, ${c.changed} con cambios, ${c.unchanged} sin cambios), ${c.errors} errores\n`,
            );
            if (job.errorCount > 0) {
              printErrors(job.preview.errors);
              process.exitCode = 2;
            }
            return;
          }
          bar.stage(2);
          const r = await commitCatalogueImport(db, ctx, id);
          bar.stage(3);
          bar.stop();
          const perAnnex = Object.entries(c.bySubAnnex)
            .map(([k, v]) => `${k}: ${v}`)
            .join(', ');
          process.stdout.write(
            `Catálogo del contrato ${job.preview.contractNumber}: ${r.created} nuevas, ${r.changed} actualizadas, ${r.unchanged} sin cambios (${perAnnex})\n`,
          );
        }),
      );
    });

  program
    .command('import-annex <file>')
    .description('Importar el Anexo C de una OT (libro PTE .xlsm o sábana de recursos .xlsx)')
    .requiredOption('--ot <folio>', 'folio de la OT (o su id numérico); con --reprogramming N, la reprogramación N')
    .option('--reprogramming <n>', 'número de reprogramación', '0')
    .option('--cap-rule <rule>', 'replacement (reemplaza el volumen autorizado) | additional (se suma)', 'replacement')
    .option('--preview', 'solo mostrar la vista previa, sin guardar')
    .action(async (file: string, opts: { ot: string; reprogramming: string; capRule: string; preview?: boolean }) => {
      const capRule = CapRule.parse(opts.capRule);
      const bytes = await readFile(file);
      await withDatabase(({ db }, ctx) =>
        run(async () => {
          const found = await db.execute<{ id: number }>(sql`
            select id from work_orders where (folio = ${opts.ot} and reprogramming_number = ${Number(opts.reprogramming)}) or id::text = ${opts.ot} order by id limit 1`);
          const workOrderId = found.rows[0]?.id;
          if (workOrderId === undefined) throw new Error(`No existe la OT ${opts.ot}`);
          const bar = progress();
          const { id } = await previewAnnexImport(db, ctx, {
            workOrderId,
            fileName: path.basename(file),
            bytes,
            onProgress: (n) => bar.rowsRead(n),
          });
          bar.stage(1);
          const job = (await findAnnexJob(db, id))!;
          const c = job.preview.counts;
          const summary = `${c.rows} partidas: ${c.new} nuevas, ${c.changedVolume} con otro volumen, ${c.changedPrice} con otro precio, ${c.unchanged} sin cambios, ${c.removed} del anexo vigente no listadas; ${c.plannedCells} celdas de programa; ${c.errors} errores`;
          if (job.errorCount > 0 || opts.preview) {
            bar.stop();
            process.stdout.write(`Vista previa ${id}: ${summary}\n`);
            if (job.errorCount > 0) {
              printErrors(job.preview.errors);
              process.exitCode = 2;
            }
            return;
          }
          bar.stage(2);
          const r = await commitAnnexImport(db, ctx, id, capRule);
          bar.stage(3);
          bar.stop();
          process.stdout.write(
            `Versión ${r.versionNumber} del anexo creada (${capRule === 'replacement' ? 'reemplazo' : 'adicional'}): ${summary}\n`,
          );
        }),
      );
    });
}
