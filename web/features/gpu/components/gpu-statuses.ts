import type { MessageKey } from '../../../app/i18n';
import type { GpuStatus } from '../api/gpu-api';

/** In flow order: Pendiente → En proceso → Falta firma cliente → Firmado. */
export const GPU_STATUSES: readonly GpuStatus[] = ['pendiente', 'en_proceso', 'falta_firma_cliente', 'firmado'];

export const GPU_STATUS_KEYS: Readonly<Record<GpuStatus, MessageKey>> = {
  pendiente: 'daily.sig.pendiente',
  en_proceso: 'daily.sig.en_proceso',
  falta_firma_cliente: 'daily.sig.falta_firma_cliente',
  firmado: 'daily.sig.firmado',
};
