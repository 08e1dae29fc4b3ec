/**
 * GPU records (*Generador de Precios Unitarios*: quantity back-up sheet + photo evidence) of
 * production entries in the sub-annexes that need them.
 */
import { canonicalSubAnnex } from './catalogue/sub-annex.js';
import { toDec, type DecimalInput } from './money.js';
import type { Role } from './roles.js';
import { SIGNATURE_STATUSES, SIGNATURE_STATUS_LABELS, signatureStatusRank, type SignatureStatus } from './signature-status.js';

/** Canonical sub-annexes whose production needs a GPU (spec §3.4). */
export const GPU_SUB_ANNEXES = ['C-2', 'C-3', 'C2EXT', 'C3EXT'] as const;
export type GpuSubAnnex = (typeof GPU_SUB_ANNEXES)[number];

/**
 * The canonical GPU sub-annex of a label in any spelling seen in real files (`C-2.`, `C2`,
 * `ANEXO C-2`, `C2-EXT`, `C-2 EXT`, `ANEXO C2EXT`…), else `null`. Delegates the spelling rules
 * to the catalogue's canonicaliser so GPU eligibility can never disagree with line-item identity
 * (the legacy exact-label check missed `C-2.` and `C2-EXT`).
 */
export function gpuSubAnnexOf(subAnnexLabel: string | null | undefined): GpuSubAnnex | null {
  const canonical = canonicalSubAnnex(subAnnexLabel);
  return GPU_SUB_ANNEXES.find((label) => label === canonical) ?? null;
}

/** A GPU record exists exactly for entries with volume > 0 in C-2, C-3, C2EXT or C3EXT. */
export function requiresGpu(subAnnexLabel: string | null | undefined, volume: DecimalInput): boolean {
  return gpuSubAnnexOf(subAnnexLabel) !== null && toDec(volume).greaterThan(0);
}

/** GPU statuses: the document signature sequence shared with daily reports. */
export const GPU_STATUSES = SIGNATURE_STATUSES;
export type GpuStatus = SignatureStatus;
/** Display labels: `Pendiente`, `En proceso`, `Falta firma cliente`, `Firmado`. */
export const GPU_STATUS_LABELS = SIGNATURE_STATUS_LABELS;

/** New GPU records start at `Pendiente` (the legacy system created them "in process" by mistake). */
export const INITIAL_GPU_STATUS: GpuStatus = 'pendiente';

/** Roles that may move a GPU forward (or edit its evidence without changing status). */
export const GPU_WRITER_ROLES: readonly Role[] = ['admin', 'gerente_operaciones', 'supervisor'];

/** Roles that may move a GPU backwards (audited by the server). */
export const GPU_BACKWARD_ROLES: readonly Role[] = ['admin', 'gerente_operaciones'];

/**
 * Whether `role` may change a GPU from `from` to `to`.
 * Forward moves may skip steps (a sheet may arrive already signed); backwards moves are a
 * correction reserved to operations managers and admins. Staying in place is allowed to writers
 * (saving a new evidence URL). Period locks (`Cerrado`/`Facturado`) are checked separately.
 */
export function gpuTransitionAllowed(from: GpuStatus, to: GpuStatus, role: Role): boolean {
  const step = signatureStatusRank(to) - signatureStatusRank(from);
  if (step < 0) return GPU_BACKWARD_ROLES.includes(role);
  return GPU_WRITER_ROLES.includes(role);
}

/** Only a `Firmado` GPU makes its C-2/C-3 production billable in an estimate (spec §3.6). */
export function gpuIsBillable(status: GpuStatus): boolean {
  return status === 'firmado';
}
