/**
 * Number text for the PDF tables: the same output as domain/money's formatVolume and
 * formatAmount, with a fast path for the canonical decimals PostgreSQL and domain/money return
 * (the pack formats ~60,000 numbers; decimal.js and a regular expression per number showed up in
 * profiles). Anything else goes through domain/money.
 */
import { formatAmount, formatVolume } from '../../domain/money';

const PLAIN_VOLUME = /^(-?)(\d+)(?:\.(\d{1,6}))?$/;
const PLAIN_AMOUNT = /^(-?)(\d+)\.(\d{2})$/;
/** `1234567` → `1,234,567` (digits only; what groupThousands does, without a regular expression per number). */
function group(digits: string): string {
  if (digits.length <= 3) return digits;
  const head = digits.length % 3 || 3;
  let out = digits.slice(0, head);
  for (let i = head; i < digits.length; i += 3) out += `,${digits.slice(i, i + 3)}`;
  return out;
}
/** formatVolume(value). */
export function vol(value: string): string {
  const m = PLAIN_VOLUME.exec(value);
  if (!m) return formatVolume(value);
  const integer = m[2]!.replace(/^0+(?=\d)/, '');
  const fraction = (m[3] ?? '').replace(/0+$/, '');
  if (integer === '0' && fraction === '') return '0';
  return `${m[1]}${group(integer)}${fraction ? `.${fraction}` : ''}`;
}
/** formatAmount(value). */
export function amt(value: string): string {
  const m = PLAIN_AMOUNT.exec(value);
  if (!m) return formatAmount(value);
  const integer = m[2]!.replace(/^0+(?=\d)/, '');
  if (integer === '0' && m[3] === '00') return '0.00';
  return `${m[1]}${group(integer)}.${m[3]}`;
}
