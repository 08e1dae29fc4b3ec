/**
 * File-level failures of a spreadsheet import: the file as a whole cannot be used.
 * Row-level problems (a bad number, an unknown unit) are not errors of this kind: parsers collect
 * them per row and column so the user gets one report with every problem.
 */

export const SPREADSHEET_ERROR_CODES = [
  'empty_file',
  'not_excel',
  'corrupt_file',
  'password_protected',
  'no_sheets',
  'sheet_not_found',
  'too_many_rows',
  'header_not_found',
  'formula_without_value',
] as const;

export type SpreadsheetErrorCode = (typeof SPREADSHEET_ERROR_CODES)[number];

/** A file-level import failure with a stable `code` and a Spanish, user-facing `message`. */
export class SpreadsheetError extends Error {
  readonly code: SpreadsheetErrorCode;
  /** Machine-readable context (sheet, row, column, limit…), safe to return to the client. */
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: SpreadsheetErrorCode, message: string, details: Readonly<Record<string, unknown>> = {}, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'SpreadsheetError';
    this.code = code;
    this.details = details;
  }
}

/** Type guard usable on `unknown` catches. */
export function isSpreadsheetError(error: unknown, code?: SpreadsheetErrorCode): error is SpreadsheetError {
  return error instanceof SpreadsheetError && (code === undefined || error.code === code);
}
