import { describe, expect, it } from 'vitest';
import { isBlock, parseClipboardTable, toClipboardTable } from './clipboard';

describe('parseClipboardTable', () => {
  it('reads an Excel block: tabs, CRLF rows and the trailing newline', () => {
    expect(parseClipboardTable('1\t2\t3\r\n4\t5\t6\r\n')).toEqual([
      ['1', '2', '3'],
      ['4', '5', '6'],
    ]);
  });

  it('keeps empty cells and pads short rows to a rectangle', () => {
    expect(parseClipboardTable('1\t\t3\n4\n')).toEqual([
      ['1', '', '3'],
      ['4', '', ''],
    ]);
  });

  it('reads es-MX numbers as text untouched (parsing is the cell validator’s job)', () => {
    expect(parseClipboardTable('1,234.56\t0.5')).toEqual([['1,234.56', '0.5']]);
  });

  it('unquotes cells with tabs, newlines and doubled quotes', () => {
    expect(parseClipboardTable('"a\tb"\t"line1\nline2"\t"say ""hi"""\n')).toEqual([['a\tb', 'line1\nline2', 'say "hi"']]);
  });

  it('treats a quote that does not close the cell as literal text', () => {
    expect(parseClipboardTable('"5" m\t2\n')).toEqual([['"5" m', '2']]);
  });

  it('gives an empty block for empty text and one empty cell for a lone newline', () => {
    expect(parseClipboardTable('')).toEqual([]);
    expect(parseClipboardTable('\n')).toEqual([['']]);
  });

  it('round-trips through toClipboardTable', () => {
    const rows = [
      ['1', 'a\tb'],
      ['x"y', ''],
    ];
    expect(parseClipboardTable(toClipboardTable(rows))).toEqual(rows);
  });
});

describe('isBlock', () => {
  it('is false for a single value with a trailing newline and true for several cells', () => {
    expect(isBlock('12.5\r\n')).toBe(false);
    expect(isBlock('1\t2')).toBe(true);
    expect(isBlock('1\n2\n')).toBe(true);
  });
});
