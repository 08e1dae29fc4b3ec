/**
 * pdfmake configured once for the server: the PDF standard Helvetica fonts (no font files to ship)
 * and resource policies that deny every URL and every local file except those font names, so a
 * document definition built from user data (links, notes) can never make the server fetch or read
 * anything.
 */
import pdfmake from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

const STANDARD_FONTS = new Set(['Helvetica', 'Helvetica-Bold', 'Helvetica-Oblique', 'Helvetica-BoldOblique']);

pdfmake.setFonts({
  Helvetica: { normal: 'Helvetica', bold: 'Helvetica-Bold', italics: 'Helvetica-Oblique', bolditalics: 'Helvetica-BoldOblique' },
});
pdfmake.setUrlAccessPolicy(() => false);
// The standard fonts are resolved by name from pdfkit's built-in metrics, not read from disk.
pdfmake.setLocalAccessPolicy((path) => STANDARD_FONTS.has(path));

export async function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  const doc = pdfmake.createPdf({ ...definition, defaultStyle: { font: 'Helvetica', ...(definition.defaultStyle ?? {}) } });
  return (await doc.getBuffer()) as Buffer;
}
