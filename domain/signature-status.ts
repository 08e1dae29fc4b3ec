import { isOneOf, type Label } from './labels.js';

/**
 * Signature status of a document: the daily report and the GPU share the same four states
 * (the legacy FIRMADO / FALTA FIRMA PEMEX / PENDIENTE / PROCESO), in this order.
 * "Falta firma cliente" replaces the legacy "Falta firma PEMEX" so the product is client-neutral.
 */
export const SIGNATURE_STATUSES = ['pendiente', 'en_proceso', 'falta_firma_cliente', 'firmado'] as const;

export type SignatureStatus = (typeof SIGNATURE_STATUSES)[number];

/** Display labels (Spanish exactly as the UI shows them). */
export const SIGNATURE_STATUS_LABELS: Readonly<Record<SignatureStatus, Label>> = {
  pendiente: { es: 'Pendiente', en: 'Pending' },
  en_proceso: { es: 'En proceso', en: 'In progress' },
  falta_firma_cliente: { es: 'Falta firma cliente', en: 'Awaiting client signature' },
  firmado: { es: 'Firmado', en: 'Signed' },
};

/** Type guard. */
export function isSignatureStatus(value: unknown): value is SignatureStatus {
  return isOneOf(SIGNATURE_STATUSES, value);
}

/** Position in the signature sequence (0 = Pendiente … 3 = Firmado). */
export function signatureStatusRank(status: SignatureStatus): number {
  return SIGNATURE_STATUSES.indexOf(status);
}
