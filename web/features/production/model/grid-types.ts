/** Types of the production grid API used by the view model (from the zod contracts, type-only). */
import type { z } from 'zod';
import type * as Production from '../../../../contracts/production';

export type GridResponse = z.infer<typeof Production.GridResponse>;
export type GridRow = z.infer<typeof Production.GridRow>;
export type GridRowFigures = z.infer<typeof Production.GridRowFigures>;
/** A cell of a save, as this client sends it (always with `previous`, see contracts/production.ts). */
export interface GridCellInputBody {
  lineItemId: number;
  date: string;
  volume: string;
  previous: string | null;
}
