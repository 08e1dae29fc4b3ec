/**
 * A small fixed-layout PDF writer on pdfkit for long reports (the monthly pack has ~20,000 table
 * rows): text at fixed column positions, manual pagination with repeated header rows, a running
 * header and a "Página X de Y" footer, link annotations.
 *
 * Why not pdfkit's `text()`: it runs a line wrapper and writes eight small buffers per call, which
 * is most of the time at this size. Here each page's content stream is built as one string of PDF
 * operators (rules and fills first, then one BT…ET block with relative `Td` moves) in the
 * standard Helvetica fonts, WinAnsi-encoded literal strings, measured with their AFM widths (no
 * kerning, so measuring and drawing agree). pdfkit still writes the document: pages, font
 * dictionaries, annotations, compression. Nothing is read from a URL or a user-supplied path.
 *
 * A document is drawn twice by {@link renderLayout}: a dry run that only paginates (to know the
 * page count for the footers), then the real run, which hands each page to pdfkit as soon as it
 * is full so memory holds one page at a time.
 */
import PDFDocument from 'pdfkit';

export type FontKey = 'regular' | 'bold' | 'italic';
const FONT_NAMES: Record<FontKey, string> = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' };
const FONT_KEYS = Object.keys(FONT_NAMES) as FontKey[];

/** The parts of pdfkit's standard font object used here (not in @types/pdfkit). */
interface StandardFontInternals {
  id: string;
  ref(): unknown;
  ascender: number;
  font: { characterToGlyph(code: number): string; widthOfGlyph(glyph: string): number };
}

/** Unicode → WinAnsi for the characters outside Latin-1 that WinAnsi has (€, dashes, quotes…). */
const WIN_ANSI: Readonly<Record<number, number>> = {
  8364: 128,
  8218: 130,
  402: 131,
  8222: 132,
  8230: 133,
  8224: 134,
  8225: 135,
  710: 136,
  8240: 137,
  352: 138,
  8249: 139,
  338: 140,
  381: 142,
  8216: 145,
  8217: 146,
  8220: 147,
  8221: 148,
  8226: 149,
  8211: 150,
  8212: 151,
  732: 152,
  8482: 153,
  353: 154,
  8250: 155,
  339: 156,
  382: 158,
  376: 159,
};

/** WinAnsi byte of a UTF-16 code unit; `?` for what Helvetica cannot show, space for controls. */
function winAnsi(code: number): number {
  if (code >= 32 && code < 127) return code;
  if (code >= 160 && code <= 255) return code;
  if (code < 32) return 32;
  return WIN_ANSI[code] ?? 63;
}

/** Text whose UTF-16 code units are already their WinAnsi bytes (ASCII and Latin-1 letters). */
const LATIN1_SAFE = /^[\x20-\x7e\xa0-\xff]*$/;
const NEEDS_ESCAPE = /[()\\]/;
const ESCAPES = /[()\\]/g;

/**
 * The body of a PDF literal string for `text`: one char per WinAnsi byte (pdfkit writes content
 * as latin1), with `(`, `)` and `\` escaped.
 */
function literalOf(text: string): string {
  let bytes = text;
  if (!LATIN1_SAFE.test(text)) {
    bytes = '';
    for (let i = 0; i < text.length; i++) bytes += String.fromCharCode(winAnsi(text.charCodeAt(i)));
  }
  return NEEDS_ESCAPE.test(bytes) ? bytes.replace(ESCAPES, '\\$&') : bytes;
}

/** Hundredths of a point as PDF number text (`1234` → `12.34`). */
const fmt = (hundredths: number): string => String(hundredths / 100);
const num = (n: number): string => fmt(Math.round(n * 100));

export type Rgb = readonly [number, number, number];
export const BLACK: Rgb = [0, 0, 0];
export const LINK: Rgb = [0.043, 0.325, 0.58];
export const MUTED: Rgb = [0.4, 0.4, 0.4];
const HEADER_FILL: Rgb = [0.91, 0.933, 0.957];
const RULE: Rgb = [0.75, 0.75, 0.75];
const HEADER_RULE: Rgb = [0.55, 0.55, 0.55];
const rgb = (c: Rgb): string => `${num(c[0])} ${num(c[1])} ${num(c[2])}`;

/** AFM metrics of the three fonts, read once per process. */
interface Metrics {
  readonly widths: Record<FontKey, Float64Array>;
  readonly ascender: Record<FontKey, number>;
}
let metrics: Metrics | undefined;
function fontsOf(doc: PDFKit.PDFDocument): Record<FontKey, StandardFontInternals> {
  const fonts = {} as Record<FontKey, StandardFontInternals>;
  for (const key of FONT_KEYS) {
    doc.font(FONT_NAMES[key]);
    fonts[key] = (doc as unknown as { _font: StandardFontInternals })._font;
  }
  return fonts;
}
function loadMetrics(): Metrics {
  if (metrics) return metrics;
  const fonts = fontsOf(new PDFDocument({ autoFirstPage: false }));
  const widths = {} as Record<FontKey, Float64Array>;
  const ascender = {} as Record<FontKey, number>;
  for (const key of FONT_KEYS) {
    const f = fonts[key].font;
    widths[key] = Float64Array.from({ length: 256 }, (_, code) => f.widthOfGlyph(f.characterToGlyph(code)) / 1000);
    ascender[key] = fonts[key].ascender / 1000;
  }
  return (metrics = { widths, ascender });
}

/** A piece of text in a cell; `link` makes it a link annotation (shown in the link colour). */
export interface Span {
  readonly text: string;
  readonly link?: string | null;
  readonly font?: FontKey;
}
export type Cell = string | Span | { readonly lines: readonly Span[] };

export interface Column {
  readonly header: string;
  /** Points, or `*` for the rest of the width (one column). */
  readonly width: number | '*';
  readonly align?: 'left' | 'right';
  /** Lines a cell may wrap to (default 1: cut to the width with `…`). */
  readonly maxLines?: number;
}

export interface LayoutOptions {
  /** Text at the top of every page but the first. */
  readonly runningHeader: string;
  readonly info: { Title: string; Subject: string; Creator: string };
  readonly fontSize: number;
}

interface TextOptions {
  readonly font?: FontKey;
  readonly size?: number;
  readonly color?: Rgb;
  readonly link?: string | null;
}

/** Draws a document with `draw` (twice: to count pages, then for real) and returns the PDF. */
export async function renderLayout(options: LayoutOptions, draw: (pdf: PdfLayout) => void): Promise<Buffer> {
  const dry = new PdfLayout(options, null);
  draw(dry);
  const pdf = new PdfLayout(options, dry.pageCount);
  draw(pdf);
  return pdf.finish();
}

/** Letter landscape, margins 30 pt left/right and 36 pt top/bottom (as the pdfmake layout had). */
export class PdfLayout {
  readonly pageWidth = 792;
  readonly pageHeight = 612;
  readonly left = 30;
  readonly right = 792 - 30;
  readonly top = 36;
  readonly bottom = 612 - 36;
  readonly contentWidth = 792 - 60;
  /** Cursor: top of the next thing to draw, in points from the top of the page. */
  y = 36;
  pageCount = 0;

  private readonly doc: PDFKit.PDFDocument | null;
  private readonly fonts: Record<FontKey, StandardFontInternals> | null;
  private readonly widths: Record<FontKey, Float64Array>;
  private readonly ascender: Record<FontKey, number>;
  private readonly size: number;
  private readonly chunks: Buffer[] = [];
  private readonly done: Promise<Buffer> | null;
  // The page being drawn.
  private gfx: string[] = [];
  private txt: string[] = [];
  private links: { x: number; y: number; w: number; h: number; url: string }[] = [];
  private fontsUsed = new Set<FontKey>();
  private textFont: FontKey | null = null;
  private textSize = 0;
  private textColor: Rgb = BLACK;
  /** Start of the current text line in the page's BT block, in hundredths of a point. */
  private lineX = 0;
  private lineY = 0;

  /** `totalPages` null: a dry run that only paginates. */
  constructor(
    private readonly options: LayoutOptions,
    private readonly totalPages: number | null,
  ) {
    this.size = options.fontSize;
    ({ widths: this.widths, ascender: this.ascender } = loadMetrics());
    if (totalPages === null) {
      this.doc = null;
      this.fonts = null;
      this.done = null;
    } else {
      const doc = new PDFDocument({ autoFirstPage: false, size: 'LETTER', layout: 'landscape', info: options.info, compress: true });
      this.doc = doc;
      this.fonts = fontsOf(doc);
      this.done = new Promise<Buffer>((resolve, reject) => {
        doc.on('data', (c: Buffer) => this.chunks.push(c));
        doc.on('end', () => resolve(Buffer.concat(this.chunks)));
        doc.on('error', reject);
      });
    }
    this.startPage();
  }

  private get drawing(): boolean {
    return this.doc !== null;
  }

  get lineHeight(): number {
    return this.size * 1.2;
  }

  /** Width of `text` in points. */
  widthOf(text: string, font: FontKey = 'regular', size = this.size): number {
    const w = this.widths[font];
    let total = 0;
    for (let i = 0; i < text.length; i++) total += w[winAnsi(text.charCodeAt(i))]!;
    return total * size;
  }

  /** `text` cut with `…` so it fits `width`. */
  fit(text: string, width: number, font: FontKey = 'regular', size = this.size): string {
    if (this.widthOf(text, font, size) <= width) return text;
    const w = this.widths[font];
    const limit = width / size - w[133]!; // room left for the ellipsis
    let total = 0;
    let i = 0;
    for (; i < text.length; i++) {
      total += w[winAnsi(text.charCodeAt(i))]!;
      if (total > limit) break;
    }
    return `${text.slice(0, i).trimEnd()}…`;
  }

  /**
   * Word-wraps `text` into at most `maxLines` lines of `width` (the last one cut with `…`). Lines
   * keep their trailing space, so text extracted from the PDF reads as written.
   */
  wrap(text: string, width: number, maxLines: number, font: FontKey = 'regular', size = this.size): string[] {
    const clean = text.replace(/\s+/g, ' ').trim();
    if (this.widthOf(clean, font, size) <= width) return [clean];
    const lines: string[] = [];
    let line = '';
    for (let word of clean.split(' ')) {
      const candidate = line === '' ? word : `${line} ${word}`;
      if (this.widthOf(candidate, font, size) <= width) {
        line = candidate;
        continue;
      }
      if (line !== '') lines.push(`${line} `);
      while (this.widthOf(word, font, size) > width) {
        const part = this.fit(word, width, font, size).slice(0, -1) || word.slice(0, 1);
        lines.push(part);
        word = word.slice(part.length);
      }
      line = word;
      if (lines.length > maxLines) break; // it overflows: the rest only gets cut
    }
    if (line !== '') lines.push(line);
    if (lines.length <= maxLines) return lines;
    const kept = lines.slice(0, maxLines - 1);
    kept.push(this.fit(lines.slice(maxLines - 1).join(''), width, font, size));
    return kept;
  }

  /** Draws `text` with its top at `y` (points from the top of the page). */
  text(text: string, x: number, y: number, opts?: TextOptions): void {
    if (!this.drawing || text === '') return;
    const font = opts?.font ?? 'regular';
    const size = opts?.size ?? this.size;
    const color = opts?.link ? LINK : (opts?.color ?? BLACK);
    if (font !== this.textFont || size !== this.textSize) {
      this.txt.push(`/${this.fonts![font].id} ${num(size)} Tf`);
      this.fontsUsed.add(font);
      this.textFont = font;
      this.textSize = size;
    }
    if (color !== this.textColor) {
      this.txt.push(`${rgb(color)} rg`);
      this.textColor = color;
    }
    // Positions move relative to the previous text (Td), in whole hundredths so nothing drifts.
    const hx = Math.round(x * 100);
    const hy = Math.round((this.pageHeight - y - this.ascender[font] * size) * 100);
    this.txt.push(`${fmt(hx - this.lineX)} ${fmt(hy - this.lineY)} Td (${literalOf(text)}) Tj`);
    this.lineX = hx;
    this.lineY = hy;
    if (opts?.link) this.links.push({ x, y, w: this.widthOf(text, font, size), h: size * 1.15, url: opts.link });
  }

  /** Right-aligned text ending at `right`. */
  textRight(text: string, right: number, y: number, opts?: TextOptions): void {
    if (this.drawing) this.text(text, right - this.widthOf(text, opts?.font ?? 'regular', opts?.size ?? this.size), y, opts);
  }

  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    if (this.drawing) this.gfx.push(`${rgb(color)} rg ${num(x)} ${num(this.pageHeight - y - h)} ${num(w)} ${num(h)} re f`);
  }

  rule(x1: number, x2: number, y: number, width = 0.3, color: Rgb = RULE): void {
    if (!this.drawing) return;
    const py = num(this.pageHeight - y);
    this.gfx.push(`${num(width)} w ${rgb(color)} RG ${num(x1)} ${py} m ${num(x2)} ${py} l S`);
  }

  private startPage(): void {
    this.pageCount += 1;
    this.gfx = [];
    this.txt = [];
    this.links = [];
    this.fontsUsed = new Set();
    this.textFont = null;
    this.textSize = 0;
    this.textColor = BLACK;
    this.lineX = 0;
    this.lineY = 0;
    this.y = this.top;
    if (this.pageCount > 1) this.text(this.options.runningHeader, this.left, 14, { size: 7, color: MUTED });
  }

  /** Hands the page to pdfkit, with its footer. */
  private flushPage(): void {
    const doc = this.doc;
    if (!doc) return;
    this.textRight(`Página ${this.pageCount} de ${this.totalPages}`, this.right, this.pageHeight - 22, { size: 7, color: MUTED });
    doc.addPage({ size: 'LETTER', layout: 'landscape', margin: 0 });
    for (const key of this.fontsUsed) doc.page.fonts[this.fonts![key].id] = this.fonts![key].ref();
    // pdfkit starts each page flipped (origin top-left); flip back to PDF's bottom-left origin,
    // reset the fill colour the rules may have changed, then the text.
    doc.addContent(`q\n1 0 0 -1 0 ${this.pageHeight} cm\n${this.gfx.join('\n')}\nBT\n0 0 0 rg\n${this.txt.join('\n')}\nET\nQ`);
    for (const l of this.links) doc.link(l.x, l.y, l.w, l.h, l.url);
  }

  newPage(): void {
    this.flushPage();
    this.startPage();
  }

  /** A new page unless nothing was drawn on this one yet. */
  pageBreak(): void {
    if (this.y > this.top) this.newPage();
  }

  /** A new page when fewer than `height` points are left. */
  ensureSpace(height: number): void {
    if (this.y + height > this.bottom) this.newPage();
  }

  /** A bold heading; `keepWith`: room wanted below it, so it never ends a page alone. */
  heading(text: string, size: number, spaceBefore: number, spaceAfter: number, keepWith = 0): void {
    if (this.y > this.top) this.y += spaceBefore;
    this.ensureSpace(size * 1.2 + keepWith);
    for (const line of this.wrap(text, this.contentWidth, 3, 'bold', size)) {
      this.text(line, this.left, this.y, { font: 'bold', size });
      this.y += size * 1.2;
    }
    this.y += spaceAfter;
  }

  paragraph(text: string, font: FontKey = 'regular'): void {
    for (const line of this.wrap(text, this.contentWidth, 20, font)) {
      this.ensureSpace(this.lineHeight);
      this.text(line, this.left, this.y, { font });
      this.y += this.lineHeight;
    }
    this.y += 4;
  }

  /**
   * A table at fixed column positions: a shaded header row repeated on every page, a light rule
   * under each row, cells cut or wrapped to their column. Rows never split across pages.
   */
  table(columns: readonly Column[], rows: Iterable<readonly Cell[]>, opts: { header?: boolean; rules?: boolean } = {}): void {
    const showHeader = opts.header ?? true;
    const rules = opts.rules ?? true;
    const padX = 3;
    const padY = 1.5;
    const fixed = columns.reduce((sum, c) => sum + (c.width === '*' ? 0 : c.width), 0);
    const widths = columns.map((c) => (c.width === '*' ? Math.max(20, this.contentWidth - fixed) : c.width));
    const xs: number[] = [];
    let x = this.left;
    for (const w of widths) {
      xs.push(x);
      x += w;
    }
    const tableRight = x;
    const lh = this.lineHeight;
    const headerLines = columns.map((c, i) => this.wrap(c.header, widths[i]! - 2 * padX, 2, 'bold'));
    const headerHeight = Math.max(...headerLines.map((l) => l.length)) * lh + 2 * padY;
    const drawHeader = () => {
      if (!showHeader) return;
      this.fillRect(this.left, this.y, tableRight - this.left, headerHeight, HEADER_FILL);
      columns.forEach((c, i) => {
        headerLines[i]!.forEach((line, k) => {
          const ty = this.y + padY + k * lh;
          if (c.align === 'right') this.textRight(line, xs[i]! + widths[i]! - padX, ty, { font: 'bold' });
          else this.text(line, xs[i]! + padX, ty, { font: 'bold' });
        });
      });
      this.y += headerHeight;
      this.rule(this.left, tableRight, this.y, 0.6, HEADER_RULE);
    };
    this.ensureSpace((showHeader ? headerHeight : 0) + 2 * lh + 2 * padY);
    drawHeader();
    // Plain one-line cells (almost all) go straight to text; only wrapped, linked or bold cells
    // build spans. The per-row arrays are reused.
    const plain: (string | null)[] = new Array<string | null>(columns.length);
    const spans: (Span[] | null)[] = new Array<Span[] | null>(columns.length);
    for (const row of rows) {
      let lines = 1;
      for (let i = 0; i < columns.length; i++) {
        const cell = row[i] ?? '';
        const width = widths[i]! - 2 * padX;
        const maxLines = columns[i]!.maxLines ?? 1;
        if (typeof cell === 'string' && maxLines <= 1) {
          plain[i] = this.drawing ? this.fit(cell, width) : '';
          spans[i] = null;
          continue;
        }
        const parts: readonly Span[] = typeof cell === 'string' ? [{ text: cell }] : 'lines' in cell ? cell.lines : [cell];
        const out: Span[] = [];
        for (const span of parts) {
          const font = span.font ?? 'regular';
          if (maxLines <= 1) out.push({ text: this.drawing ? this.fit(span.text, width, font) : '', link: span.link, font });
          else for (const line of this.wrap(span.text, width, maxLines, font)) out.push({ text: line, link: span.link, font });
        }
        plain[i] = null;
        spans[i] = out;
        if (out.length > lines) lines = out.length;
      }
      const h = lines * lh + 2 * padY;
      if (this.y + h > this.bottom) {
        this.newPage();
        drawHeader();
      }
      if (this.drawing) {
        const ty = this.y + padY;
        for (let i = 0; i < columns.length; i++) {
          const alignRight = columns[i]!.align === 'right';
          const text = plain[i];
          if (text != null) {
            if (alignRight) this.textRight(text, xs[i]! + widths[i]! - padX, ty);
            else this.text(text, xs[i]! + padX, ty);
            continue;
          }
          spans[i]!.forEach((span, k) => {
            if (alignRight) this.textRight(span.text, xs[i]! + widths[i]! - padX, ty + k * lh, { font: span.font });
            else this.text(span.text, xs[i]! + padX, ty + k * lh, { font: span.font, link: span.link });
          });
        }
        if (rules) this.rule(this.left, tableRight, this.y + h);
      }
      this.y += h;
    }
    this.y += 8;
  }

  /** Hands the last page to pdfkit and returns the file. */
  async finish(): Promise<Buffer> {
    if (!this.doc || !this.done) throw new Error('A dry run has no file');
    this.flushPage();
    this.doc.end();
    return this.done;
  }
}
