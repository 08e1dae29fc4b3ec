/**
 * Day columns of a sábana: a header cell → the calendar day it names (`YYYY-MM-DD`), or `null`.
 *
 * Headers arrive as real date cells (a `Date`, or a bare serial number when the workbook is read
 * without styles, which is how the server reads it), or as text written by people: day-first
 * numbers (`1/12/2025`, `01-12-25`), Spanish or English month abbreviations (`01-dic-25`,
 * `01-DIC-2025`, `01-Dec-25`, `1 de diciembre de 2025`), or ISO (`2025-12-01`). The legacy
 * importer silently dropped the Spanish ones; here they are first-class.
 * Decisions: numeric dates are always day-first (Mexico); two-digit years are 20YY; only days in
 * 2000–2099 are accepted, so that an ordinary number header (an ID, a count) is never mistaken for
 * a date serial.
 */

const MONTHS: Readonly<Record<string, number>> = {
  ene: 1,
  enero: 1,
  jan: 1,
  january: 1,
  feb: 2,
  febrero: 2,
  february: 2,
  mar: 3,
  marzo: 3,
  march: 3,
  abr: 4,
  abril: 4,
  apr: 4,
  april: 4,
  may: 5,
  mayo: 5,
  jun: 6,
  junio: 6,
  june: 6,
  jul: 7,
  julio: 7,
  july: 7,
  ago: 8,
  agosto: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  septiembre: 9,
  setiembre: 9,
  september: 9,
  oct: 10,
  octubre: 10,
  october: 10,
  nov: 11,
  noviembre: 11,
  november: 11,
  dic: 12,
  diciembre: 12,
  dec: 12,
  december: 12,
};

const MIN_YEAR = 2000;
const MAX_YEAR = 2099;
/** Excel serials of 2000-01-01 and 2099-12-31 (1900 date system). */
const MIN_SERIAL = 36526;
const MAX_SERIAL = 73050;
const MS_PER_DAY = 86_400_000;
/** 1899-12-30: day 0 of Excel's 1900 system once its fictitious 1900-02-29 is accounted for. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** ISO text of a valid day in range, else `null`. */
function isoOf(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (year < MIN_YEAR || year > MAX_YEAR || month < 1 || month > 12) return null;
  if (day < 1 || day > daysIn(year, month)) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

function fullYear(text: string): number {
  const y = Number(text);
  return text.length === 2 ? 2000 + y : y;
}

/**
 * Excel serial (1900 system; `date1904` for old Mac workbooks) → ISO day, or `null` outside
 * 2000–2099. A time fraction is dropped: a day column is a day.
 */
export function excelSerialToIso(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial)) return null;
  const whole = Math.floor(serial) + (date1904 ? 1462 : 0);
  if (whole < MIN_SERIAL || whole > MAX_SERIAL) return null;
  const d = new Date(EXCEL_EPOCH_MS + whole * MS_PER_DAY);
  return isoOf(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/**
 * A `Date` → its calendar day. Spreadsheet libraries build date cells at UTC midnight, so the UTC
 * fields are the day the user typed (local fields would shift it in UTC−6).
 */
export function dateToIso(date: Date): string | null {
  if (Number.isNaN(date.getTime())) return null;
  return isoOf(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

/** Text → ISO day, following the rules in the module comment. */
export function parseDayText(raw: string): string | null {
  const text = raw
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ][\d:.]+z?)?$/.exec(text);
  if (m !== null) return isoOf(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})[-/. ](\d{1,2})[-/. ](\d{4}|\d{2})$/.exec(text);
  if (m !== null) return isoOf(fullYear(m[3] ?? ''), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})(?: de)?[-/. ]?([a-z]+)\.?(?: de)?[-/. ]?(\d{4}|\d{2})$/.exec(text);
  if (m !== null) {
    const month = MONTHS[m[2] ?? ''];
    return month === undefined ? null : isoOf(fullYear(m[3] ?? ''), month, Number(m[1]));
  }
  return null;
}

/**
 * A header cell → `YYYY-MM-DD` of the day it names, or `null` when it is not a day header.
 * Accepts `Date`, an Excel serial number, or text (see module comment).
 */
export function parseDayHeader(cell: unknown, options: { date1904?: boolean } = {}): string | null {
  if (cell instanceof Date) return dateToIso(cell);
  if (typeof cell === 'number') return excelSerialToIso(cell, options.date1904 === true);
  if (typeof cell === 'string') return parseDayText(cell);
  return null;
}
