/** What an annex import job keeps in `import_jobs.preview`, and how the API presents it. */
import type { AnnexImport } from '../../../contracts/annex';
import type { ParseRowError } from '../../spreadsheets/row-reader';
import { presentRowError } from '../catalogue/catalogue-import-preview';
import type { ResolvedRow } from './resolve-annex-rows';

export interface StoredAnnexPreview {
  kind: 'annex';
  familyId: number;
  contractId: number;
  shape: 'pte' | 'sabana';
  sheet: string;
  headerRow: number;
  /** Header texts of the file, for the errors workbook. */
  header: string[];
  /** Days the file has a column for: the programme of listed items is restated on these days. */
  dayDates: string[];
  baseVersion: number;
  counts: AnnexImport['counts'];
  items: AnnexImport['items'];
  removed: AnnexImport['removed'];
  planned: AnnexImport['planned'];
  errors: ParseRowError[];
  /** Every valid row resolved to the catalogue: what the commit writes. */
  rows: ResolvedRow[];
}

export type AnnexJobRow = {
  id: number;
  status: 'preview' | 'committed' | 'discarded';
  workOrderId: number;
  fileName: string;
  sha256: string;
  preview: StoredAnnexPreview;
  errorCount: number;
  createdAt: string;
  committedAt: string | null;
  versionId: number | null;
  versionNumber: number | null;
  capRule: 'replacement' | 'additional' | null;
};

export function presentAnnexImport(job: AnnexJobRow): AnnexImport {
  const p = job.preview;
  return {
    id: job.id,
    status: job.status,
    workOrderId: job.workOrderId,
    familyId: p.familyId,
    fileName: job.fileName,
    sha256: job.sha256,
    shape: p.shape,
    sheet: p.sheet,
    headerRow: p.headerRow,
    baseVersion: p.baseVersion,
    // Previews stored before plannedInClosedMonths existed count none.
    counts: { ...p.counts, plannedInClosedMonths: (p.counts as Partial<AnnexImport['counts']>).plannedInClosedMonths ?? 0 },
    items: p.items,
    removed: p.removed,
    planned: p.planned,
    errors: p.errors.map(presentRowError),
    createdAt: job.createdAt,
    committedAt: job.committedAt,
    version:
      job.versionId !== null && job.versionNumber !== null && job.capRule !== null
        ? { id: job.versionId, number: job.versionNumber, capRule: job.capRule }
        : null,
  };
}
