/** Builds both files of the monthly pack from one data load, with their SHA-256 digests. */
import { createHash } from 'node:crypto';
import type { DbOrTx } from '../../../db/database';
import { renderMonthlyPackPdf } from '../../../pdf/monthly-pack-pdf';
import type { MonthlyReportRow } from '../monthly-reports.repository';
import { loadPackData, type PackData } from './load-pack-data';
import { renderMonthlyPackXlsx } from './monthly-pack-xlsx';

export interface BuiltPack {
  data: PackData;
  pdf: Buffer;
  xlsx: Buffer;
  pdfSha256: string;
  xlsxSha256: string;
}

export const sha256Hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

export async function buildPack(db: DbOrTx, report: MonthlyReportRow, which: 'both' | 'pdf' | 'xlsx' = 'both'): Promise<BuiltPack> {
  // A single download does not need the closed snapshot's cell list.
  const data = await loadPackData(db, report, { cells: which === 'both' });
  const [pdf, xlsx] = await Promise.all([
    which === 'xlsx' ? Buffer.alloc(0) : renderMonthlyPackPdf(data),
    which === 'pdf' ? Buffer.alloc(0) : renderMonthlyPackXlsx(data),
  ]);
  return { data, pdf, xlsx, pdfSha256: sha256Hex(pdf), xlsxSha256: sha256Hex(xlsx) };
}

/** File name of a pack: `carpeta_<folio>_<año>-<mes>_v<N>.pdf`. */
export function packFileName(report: Pick<MonthlyReportRow, 'folio' | 'year' | 'month'>, version: number, ext: 'pdf' | 'xlsx'): string {
  const safe = report.folio.replace(/[^\w.-]/g, '_');
  return `carpeta_${safe}_${report.year}-${String(report.month).padStart(2, '0')}_v${version}.${ext}`;
}
