import { isOneOf, type Label } from './labels.js';

/**
 * Production layers: TE (*Tiempo Efectivo*, effective time) and CMA (*Costo Mínimo Aplicado*,
 * standby minimum cost). Both count towards amounts and the cap; they are stored separately.
 */
export const LAYERS = ['TE', 'CMA'] as const;

export type Layer = (typeof LAYERS)[number];

/** Display labels of each layer. */
export const LAYER_LABELS: Readonly<Record<Layer, Label>> = {
  TE: { es: 'Tiempo Efectivo (TE)', en: 'Effective time (TE)' },
  CMA: { es: 'Costo Mínimo Aplicado (CMA)', en: 'Minimum applied cost (CMA)' },
};

/** Type guard. */
export function isLayer(value: unknown): value is Layer {
  return isOneOf(LAYERS, value);
}

/** Orders layers TE before CMA (the excess engine's tie-break within a day). */
export function compareLayers(a: Layer, b: Layer): number {
  return LAYERS.indexOf(a) - LAYERS.indexOf(b);
}
