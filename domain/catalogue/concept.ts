/**
 * Concept (description) text in the form used for line-item identity.
 *
 * The same concept arrives as `Tubo de acero al carbón…` (contract), `\nTUBO DE ACERO AL
 * CARBON…\n` (PTE workbook) or with double spaces and non-breaking spaces; identity must not
 * depend on any of that. Typographic quotes (“ ” ‘ ’ ´) become ASCII quotes for the same reason.
 * The original text is kept elsewhere for display: this form is a key, not a label.
 */
export function normaliseConcept(raw: string | number | null | undefined): string {
  if (raw === null || raw === undefined) return '';
  return String(raw)
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[“”„«»]/g, '"')
    .replace(/[‘’´`]/g, "'")
    .toUpperCase()
    .replace(/[\s\u00a0\u2000-\u200b\u3000]+/g, ' ')
    .trim();
}
