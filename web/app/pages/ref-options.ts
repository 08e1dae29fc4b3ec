/**
 * Catalogue and user records turned into the small option shapes other features accept, so
 * pages can hand one feature's data to another without the features importing each other.
 */
import { useCatalogueOptions } from '../../features/catalogues/hooks/use-catalogue';
import { useUserOptions } from '../../features/users/hooks/use-users';
import { useI18n } from '../i18n';

export interface Ref {
  id: number;
  label: string;
  active: boolean;
  detail?: string;
}

export function useClientRefs(): Ref[] {
  return (useCatalogueOptions('clients').data ?? []).map((c) => ({ id: c.id, label: c.name, active: c.active }));
}

export function useFrontRefs(): Ref[] {
  return (useCatalogueOptions('fronts').data ?? []).map((f) => ({ id: f.id, label: `${f.code} — ${f.name}`, active: f.active }));
}

export function useSiteRefs(): Ref[] {
  const { t } = useI18n();
  return (useCatalogueOptions('sites').data ?? []).map((s) => ({
    id: s.id,
    label: s.name,
    active: s.active,
    detail: t(`siteKind.${s.kind}`),
  }));
}

/** Users for pickers (`GET /users/options` is readable by every role), or `null` on error. */
export function useUserRefs(): Ref[] | null {
  const query = useUserOptions(true);
  if (query.isError) return null;
  return (query.data ?? []).map((u) => ({ id: u.id, label: u.name, active: u.active }));
}
