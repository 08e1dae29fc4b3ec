import { describe, expect, it } from 'vitest';
import {
  GPU_STATUSES,
  GPU_STATUS_LABELS,
  INITIAL_GPU_STATUS,
  gpuIsBillable,
  gpuSubAnnexOf,
  gpuTransitionAllowed,
  requiresGpu,
} from './gpu.js';
import { ROLES } from './roles.js';

describe('requiresGpu', () => {
  it.each([
    ['C-2', 'C-2'],
    ['C-2.', 'C-2'],
    ['C2', 'C-2'],
    ['ANEXO C-2', 'C-2'],
    ['c-3', 'C-3'],
    ['C-3.', 'C-3'],
    ['C2EXT', 'C2EXT'],
    ['C2-EXT', 'C2EXT'],
    ['C-2 EXT', 'C2EXT'],
    ['ANEXO C2EXT', 'C2EXT'],
    ['C3-EXT', 'C3EXT'],
    [' ANEXO C3EXT ', 'C3EXT'],
    ['Anexo C-2-CR', 'C-2'],
    ['C-02', 'C-2'],
  ])('recognises %j as %s', (label, canonical) => {
    expect(gpuSubAnnexOf(label)).toBe(canonical);
    expect(requiresGpu(label, '0.000001')).toBe(true);
  });

  it.each(['C-1', 'C-4', 'C-4-1', 'C-5', 'C-6', 'C-20', 'C-12', 'C-2-1', 'C5EXT', 'S/A', 'ANEXO CD', '', null, undefined])(
    'does not require a GPU for %j',
    (label) => {
      expect(requiresGpu(label, '10')).toBe(false);
    },
  );

  it('needs a volume above zero', () => {
    expect(requiresGpu('C-2', '0')).toBe(false);
    expect(requiresGpu('C-2', 0)).toBe(false);
  });
});

describe('GPU statuses', () => {
  it('share the signature labels and start at Pendiente', () => {
    expect(GPU_STATUSES.map((s) => GPU_STATUS_LABELS[s].es)).toEqual(['Pendiente', 'En proceso', 'Falta firma cliente', 'Firmado']);
    expect(INITIAL_GPU_STATUS).toBe('pendiente');
    expect(gpuIsBillable('firmado')).toBe(true);
    expect(gpuIsBillable('falta_firma_cliente')).toBe(false);
  });

  it('lets writers move forward (skipping allowed) and keep the status', () => {
    for (const role of ['admin', 'gerente_operaciones', 'supervisor'] as const) {
      expect(gpuTransitionAllowed('pendiente', 'en_proceso', role)).toBe(true);
      expect(gpuTransitionAllowed('en_proceso', 'falta_firma_cliente', role)).toBe(true);
      expect(gpuTransitionAllowed('pendiente', 'firmado', role)).toBe(true);
      expect(gpuTransitionAllowed('en_proceso', 'en_proceso', role)).toBe(true);
    }
  });

  it('allows backwards moves only to operations managers and admins', () => {
    const backwards = ROLES.filter((r) => gpuTransitionAllowed('firmado', 'en_proceso', r));
    expect(backwards).toEqual(['admin', 'gerente_operaciones']);
  });

  it('never lets consulta or administracion write', () => {
    for (const from of GPU_STATUSES) {
      for (const to of GPU_STATUSES) {
        expect(gpuTransitionAllowed(from, to, 'consulta')).toBe(false);
        expect(gpuTransitionAllowed(from, to, 'administracion')).toBe(false);
      }
    }
  });
});
