import { describe, expect, it } from 'vitest';
import { LAYERS, LAYER_LABELS, compareLayers, isLayer } from './layer.js';
import { SIGNATURE_STATUSES, signatureStatusRank } from './signature-status.js';

describe('layers', () => {
  it('orders TE before CMA', () => {
    expect(['CMA', 'TE', 'CMA'].filter(isLayer).sort(compareLayers)).toEqual(['TE', 'CMA', 'CMA']);
    expect(isLayer('CMD')).toBe(false);
    expect(LAYERS.map((l) => LAYER_LABELS[l].es)).toEqual(['Tiempo Efectivo (TE)', 'Costo Mínimo Aplicado (CMA)']);
  });
});

describe('signature status order', () => {
  it('goes Pendiente → En proceso → Falta firma cliente → Firmado', () => {
    expect(SIGNATURE_STATUSES.map(signatureStatusRank)).toEqual([0, 1, 2, 3]);
  });
});
