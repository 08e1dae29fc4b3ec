/** How a before/after value of an audit entry reads on screen. Pure (unit-tested). */
import { EMPTY, formatDate, formatDateTime } from '../../../app/format';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const ISO_TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const MAX_LENGTH = 160;

export interface AuditValueWords {
  yes: string;
  no: string;
}

export function formatAuditValue(value: unknown, words: AuditValueWords): string {
  if (value === null || value === undefined || value === '') return EMPTY;
  if (typeof value === 'boolean') return value ? words.yes : words.no;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') {
    if (ISO_DATE.test(value)) return formatDate(value);
    if (ISO_TIMESTAMP.test(value)) return formatDateTime(value);
    return truncate(value);
  }
  if (Array.isArray(value)) return value.length === 0 ? '[]' : truncate(value.map((v) => formatAuditValue(v, words)).join(', '));
  // Embedded records (an OT's sites) read by their name.
  const name = (value as { name?: unknown }).name;
  if (typeof name === 'string') return name;
  return truncate(JSON.stringify(value));
}

function truncate(text: string): string {
  return text.length > MAX_LENGTH ? `${text.slice(0, MAX_LENGTH - 1)}…` : text;
}

/** Changed fields in a stable order (alphabetical), skipping ones whose values are equal. */
export function changedFields(
  changes: Record<string, { before: unknown; after: unknown }>,
): [string, { before: unknown; after: unknown }][] {
  return Object.entries(changes)
    .filter(([, c]) => JSON.stringify(c.before) !== JSON.stringify(c.after))
    .sort(([a], [b]) => a.localeCompare(b));
}
