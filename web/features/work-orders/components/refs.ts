/** Records of other features that the OT screens need (the page loads and passes them in). */
export interface RefOption {
  id: number;
  label: string;
  active: boolean;
  /** Extra text shown next to the label (a site's kind). */
  detail?: string;
}

export interface WorkOrderRefs {
  clients: readonly RefOption[];
  sites: readonly RefOption[];
  fronts: readonly RefOption[];
  /** `null` when the user list is not readable by the caller's role. */
  leaders: readonly RefOption[] | null;
}

/** Options for a select: active records, plus the current value even if it was deactivated. */
export function selectOptions(refs: readonly RefOption[], current: string, inactiveLabel: string): { value: string; label: string }[] {
  return refs
    .filter((r) => r.active || String(r.id) === current)
    .map((r) => ({ value: String(r.id), label: r.active ? r.label : `${r.label} (${inactiveLabel})` }));
}
