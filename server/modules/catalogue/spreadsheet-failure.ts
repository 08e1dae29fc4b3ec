/**
 * A workbook that cannot be used as a whole (empty, corrupt, encrypted, not Excel, wrong sheets,
 * too many rows, formulas without values) → one domain error with the parser's Spanish message.
 * HTTP 415 `unsupported_file`; `details.reason` carries the parser's stable code.
 */
import { DomainError } from '../../../domain/errors';
import { isSpreadsheetError } from '../../spreadsheets/spreadsheet-error';

export async function parsingWorkbook<T>(parse: () => Promise<T>): Promise<T> {
  try {
    return await parse();
  } catch (error) {
    if (isSpreadsheetError(error)) {
      throw new DomainError('unsupported_file', {
        message: error.message,
        details: { reason: error.code, ...error.details },
        cause: error,
      });
    }
    throw error;
  }
}

/** Data rows an import accepts: the real sábana has ~4,750 rows, the PUE sheet ~3,060. */
export const IMPORT_MAX_DATA_ROWS = 20_000;
