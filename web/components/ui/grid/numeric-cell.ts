/**
 * Validation of what someone types or pastes into a volume cell, with the Spanish (or English)
 * reason shown in red under the cell. Uses the domain's parsers, so the browser refuses exactly
 * what the server would: a value that fails here is never sent.
 */
import type { UiLanguage } from '../../../../domain/labels';
import { NUMBER_PARSE_ERROR_MESSAGES, parseVolume } from '../../../../domain/money';
import { parseLocaleNumber } from '../../../../domain/numbers-format';

export type NumericCell =
  /** Empty text: the cell is cleared (a zero volume deletes the entry). */
  { readonly kind: 'empty' } | { readonly kind: 'value'; readonly value: string } | { readonly kind: 'invalid'; readonly reason: string };

/** Parses a volume cell: es-MX `1,234.56`, plain `1234.5`, `1234,5`; ≥ 0; at most 6 decimals. */
export function parseVolumeCell(text: string, language: UiLanguage = 'es'): NumericCell {
  const parsed = parseLocaleNumber(text);
  if (!parsed.ok) return { kind: 'invalid', reason: NUMBER_PARSE_ERROR_MESSAGES.not_a_number[language] };
  if (parsed.value === null) return { kind: 'empty' };
  const volume = parseVolume(parsed.value);
  if (!volume.ok) return { kind: 'invalid', reason: NUMBER_PARSE_ERROR_MESSAGES[volume.error][language] };
  return volume.value === '0' ? { kind: 'empty' } : { kind: 'value', value: volume.value };
}

/** The volume a valid cell stands for (`'0'` when empty), or `null` when invalid. */
export function volumeOf(cell: NumericCell): string | null {
  if (cell.kind === 'invalid') return null;
  return cell.kind === 'empty' ? '0' : cell.value;
}
