import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  catalogueKeys,
  createCatalogueItem,
  listCatalogue,
  updateCatalogueItem,
  type CatalogueBodies,
  type CatalogueKind,
  type CatalogueListParams,
} from '../api/catalogues-api';

export function useCatalogueList<K extends CatalogueKind>(kind: K, params: CatalogueListParams) {
  return useQuery({
    queryKey: catalogueKeys.list(kind, params),
    queryFn: ({ signal }) => listCatalogue(kind, params, signal),
    placeholderData: keepPreviousData,
  });
}

/** Every record of a catalogue (active or not) for selects and filters elsewhere. */
export function useCatalogueOptions<K extends CatalogueKind>(kind: K) {
  return useQuery({
    queryKey: catalogueKeys.list(kind, { limit: 5000 }),
    queryFn: ({ signal }) => listCatalogue(kind, { limit: 5000 }, signal),
    staleTime: 60_000,
    select: (data) => data.items,
  });
}

export function useSaveCatalogueItem<K extends CatalogueKind>(kind: K) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: number | null; body: CatalogueBodies[K] }) =>
      id === null ? createCatalogueItem(kind, body) : updateCatalogueItem(kind, id, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.all(kind) }),
  });
}

export function useSetCatalogueActive(kind: CatalogueKind) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: number; active: boolean }) => updateCatalogueItem(kind, id, { active }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: catalogueKeys.all(kind) }),
  });
}
