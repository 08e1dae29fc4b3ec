/** What a catalogue import job stores in `import_jobs.preview` (and how the API shows it). */
import type { CatalogueFormat, CatalogueImport } from '../../../contracts/catalogue';
import type { ParseRowError } from '../../spreadsheets/row-reader';
import type { CatalogueRow } from './catalogue-rows';

export interface StoredCataloguePreview {
  kind: 'catalogue';
  format: CatalogueFormat;
  contractNumber: string;
  counts: CatalogueImport['counts'];
  changes: CatalogueImport['changes'];
  skippedSheets: { sheet: string; reason: string }[];
  errors: ParseRowError[];
  warnings: ParseRowError[];
  /** Every valid row: the commit writes these (no second parse). */
  rows: CatalogueRow[];
}

export const MAX_LISTED_CHANGES = 500;

export type CatalogueJobRow = {
  id: number;
  target: string;
  status: 'preview' | 'committed' | 'discarded';
  contractId: number | null;
  fileName: string;
  sha256: string;
  preview: StoredCataloguePreview;
  errorCount: number;
  createdAt: string;
  committedAt: string | null;
};

export const presentRowError = (e: ParseRowError) => ({
  sheet: e.sheet,
  row: e.row,
  column: e.column,
  columnLetter: e.columnLetter,
  reason: e.reason_es,
});

export function presentCatalogueImport(job: CatalogueJobRow): CatalogueImport {
  const p = job.preview;
  return {
    id: job.id,
    status: job.status,
    format: p.format,
    fileName: job.fileName,
    sha256: job.sha256,
    contractNumber: p.contractNumber,
    contractId: job.contractId,
    counts: p.counts,
    changes: p.changes,
    skippedSheets: p.skippedSheets,
    errors: p.errors.map(presentRowError),
    warnings: p.warnings.map(presentRowError),
    createdAt: job.createdAt,
    committedAt: job.committedAt,
  };
}
