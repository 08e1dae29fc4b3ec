/**
 * Extracts the visible text of a PDF written with the standard fonts (WinAnsi ≈ Latin-1 for the
 * characters we use), without extra tools: inflate every content stream and decode the strings
 * of its TJ/Tj operators, hex (`<…>`, as pdfkit's own text writes them) or literal (`(…)`, as
 * server/pdf/pdf-layout.ts writes them). Pieces are joined without separators, so assertions
 * look for phrases as they were laid out (words keep their spaces; wrapped lines keep their
 * trailing space).
 */
import zlib from 'node:zlib';

const ESCAPES: Record<string, string> = { n: '\n', r: '\r', t: '\t', b: '\b', f: '\f', '(': '(', ')': ')', '\\': '\\' };

/** The bytes (as Latin-1 chars) of a literal string's body. */
function unescapeLiteral(body: string): string {
  return body.replace(/\\([0-7]{1,3}|\r\n|[\s\S])/g, (_, e: string) => {
    if (/^[0-7]+$/.test(e)) return String.fromCharCode(parseInt(e, 8) & 0xff);
    if (e === '\n' || e === '\r' || e === '\r\n') return ''; // line continuation
    return ESCAPES[e] ?? e;
  });
}

const STRING = /<([0-9a-fA-F]*)>|\(((?:\\[\s\S]|[^\\)])*)\)/g;
const decode = (hex: string | undefined, literal: string | undefined): string =>
  hex !== undefined ? Buffer.from(hex, 'hex').toString('latin1') : unescapeLiteral(literal ?? '');

export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const streams = /stream\r?\n([\s\S]*?)\r?\nendstream/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    let content: string;
    try {
      content = zlib.inflateSync(Buffer.from(m[1]!, 'latin1')).toString('latin1');
    } catch {
      continue; // not a deflated content stream (fonts, images)
    }
    const ops = /\[((?:\\[\s\S]|\((?:\\[\s\S]|[^\\)])*\)|[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\(((?:\\[\s\S]|[^\\)])*)\)\s*Tj/g;
    for (let op = ops.exec(content); op; op = ops.exec(content)) {
      if (op[1] !== undefined) out.push([...op[1].matchAll(STRING)].map((s) => decode(s[1], s[2])).join(''));
      else out.push(decode(op[2], op[3]));
    }
  }
  return out.join('');
}
