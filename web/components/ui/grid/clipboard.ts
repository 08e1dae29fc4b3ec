/**
 * Clipboard text of a rectangular block, as Excel, LibreOffice and Google Sheets write it:
 * cells separated by tabs, rows by newlines (CRLF on Windows), a trailing newline after the last
 * row, and cells containing tabs, newlines or quotes wrapped in double quotes with `""` escapes.
 */

/** Parses clipboard text into rows of cell texts (a rectangular block; short rows are padded with ''). */
export function parseClipboardTable(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  while (i < text.length) {
    const ch = text[i] as string;
    if (atCellStart && ch === '"') {
      // Quoted cell: read to the closing quote; `""` is a literal quote.
      const end = readQuoted(text, i + 1);
      if (end !== null) {
        cell = end.value;
        i = end.next;
        atCellStart = false;
        continue;
      }
    }
    atCellStart = false;
    if (ch === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
      i += 1;
    } else if (ch === '\r' || ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
    } else {
      cell += ch;
      i += 1;
    }
  }
  // The last row has no newline after it when copied from some apps; a trailing newline adds nothing.
  if (!atCellStart || cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  const width = rows.reduce((w, r) => Math.max(w, r.length), 0);
  return rows.map((r) => (r.length < width ? [...r, ...Array<string>(width - r.length).fill('')] : r));
}

function readQuoted(text: string, from: number): { value: string; next: number } | null {
  let value = '';
  let i = from;
  while (i < text.length) {
    const ch = text[i] as string;
    if (ch === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      // A closing quote must end the cell, else the quote was literal text (`"5" m`): not quoted.
      const after = text[i + 1];
      if (after === undefined || after === '\t' || after === '\n' || after === '\r') return { value, next: i + 1 };
      return null;
    }
    value += ch;
    i += 1;
  }
  return null;
}

/** Writes a block as clipboard text Excel reads back (quoting cells that need it). */
export function toClipboardTable(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quoteIfNeeded).join('\t')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
}

function quoteIfNeeded(cell: string): string {
  return /[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** True when pasted text is a block (several cells), not a value to paste into a cell being edited. */
export function isBlock(text: string): boolean {
  return /[\t\r\n]/.test(text.replace(/(\r?\n)+$/, ''));
}
