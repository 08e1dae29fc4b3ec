import type { PickerOption } from '../../../components/ui/search-picker';

/** How the users screen reaches data owned by other features (the page wires these in). */
export interface ScopeSources {
  /** Sites offered for a supervisor's scope. */
  sites: readonly { id: number; name: string; active: boolean; kindLabel: string }[];
  /** Server-side search of work orders by folio/description. */
  searchWorkOrders: (text: string, signal: AbortSignal) => Promise<PickerOption[]>;
  /** Labels of already assigned work orders. */
  loadWorkOrders: (ids: readonly number[], signal: AbortSignal) => Promise<PickerOption[]>;
}
